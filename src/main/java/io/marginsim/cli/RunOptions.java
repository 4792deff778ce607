package io.marginsim.cli;

import io.marginsim.engine.EngineKind;
import io.marginsim.engine.Engines;
import io.marginsim.engine.Precision;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** Spec file and the run settings that may override it, shared by every command that runs a simulation. */
final class RunOptions {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Spec file (JSON), see README.")
    Path spec;

    @Option(names = "--paths", description = "Override the spec's number of paths.")
    Long paths;

    @Option(names = "--seed", description = "Override the spec's seed.")
    Long seed;

    @Option(names = "--engine", description = "Override the spec's engine: ${COMPLETION-CANDIDATES}.")
    EngineKind engine;

    @Option(names = "--threads", description = "CPU threads (default: all cores).")
    Integer threads;

    @Option(names = "--device", description = "OpenCL device index from 'margin-sim devices' (default: first GPU).")
    Integer device;

    @Option(names = "--precision", description = "Device precision: ${COMPLETION-CANDIDATES} (default: FLOAT).")
    Precision precision;

    @Option(names = "--repair-correlation",
            description = "Replace a correlation matrix that is not positive semi-definite by the nearest valid one.")
    boolean repairCorrelation;

    Spec load() {
        Spec loaded = SpecReader.read(spec, repairCorrelation);
        return loaded.withRun(paths == null ? loaded.paths() : paths, seed == null ? loaded.seed() : seed,
                engine == null ? loaded.engine() : engine);
    }

    Engines.Options engineOptions() {
        Engines.Options defaults = Engines.Options.defaults();
        if (threads != null && threads < 1) {
            throw new io.marginsim.spec.SpecException("--threads", "must be >= 1 but was " + threads);
        }
        return new Engines.Options(threads == null ? defaults.threads() : threads,
                device == null ? defaults.device() : device, precision == null ? defaults.precision() : precision);
    }
}
