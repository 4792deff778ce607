package io.marginsim.cli;

import io.marginsim.engine.EngineKind;
import io.marginsim.engine.Engines;
import io.marginsim.engine.Precision;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecException;
import picocli.CommandLine.Option;

/** Run settings given on the command line, which override every spec a command runs (one, or a sweep's cells). */
final class RunOverrides {
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

    Spec apply(Spec spec) {
        return spec.withRun(paths == null ? spec.paths() : paths, seed == null ? spec.seed() : seed,
                engine == null ? spec.engine() : engine);
    }

    Engines.Options engineOptions() {
        Engines.Options defaults = Engines.Options.defaults();
        if (threads != null && threads < 1) {
            throw new SpecException("--threads", "must be >= 1 but was " + threads);
        }
        return new Engines.Options(threads == null ? defaults.threads() : threads,
                device == null ? defaults.device() : device, precision == null ? defaults.precision() : precision);
    }
}
