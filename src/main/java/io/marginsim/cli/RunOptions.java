package io.marginsim.cli;

import io.marginsim.simulation.Engines;
import io.marginsim.spec.ScenarioSet;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** Spec file and the run settings that may override it, shared by every command that runs one simulation. */
final class RunOptions {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Spec file (JSON), see README.")
    Path spec;

    @Mixin
    RunOverrides overrides;

    @Option(names = "--repair-correlation",
            description = "Replace a correlation matrix that is not positive semi-definite by the nearest valid one.")
    boolean repairCorrelation;

    Spec load() {
        Spec loaded = overrides.apply(SpecReader.read(spec, repairCorrelation));
        overrides.requireDeviceUsedBy(loaded.engine());
        return loaded;
    }

    /** The spec with its named scenarios, the overrides applied to the baseline (and so to every scenario). */
    ScenarioSet loadScenarios() {
        ScenarioSet set = SpecReader.readScenarios(spec, repairCorrelation).withBaseline(overrides::apply);
        overrides.requireDeviceUsedBy(set.baseline().engine());
        return set;
    }

    /** The output checks of a command that reads this spec, which no output may replace. */
    OutputTargets outputs() {
        OutputTargets targets = OutputTargets.reading("the spec being read", spec);
        for (Path file : SpecReader.referencedFiles(spec)) {
            targets.andReading("a file the spec reads", file);
        }
        return targets;
    }

    Engines.Options engineOptions() {
        return overrides.engineOptions();
    }
}
