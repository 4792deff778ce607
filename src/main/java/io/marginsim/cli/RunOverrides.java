package io.marginsim.cli;

import io.marginsim.analysis.RunSettings;
import io.marginsim.check.SpecException;
import io.marginsim.engine.Precision;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.EngineKind;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import picocli.CommandLine.Option;

/**
 * Run settings given on the command line, which override every spec a command runs (one, or a sweep's cells).
 * Public so the spark module's sweep takes the very same options.
 */
public final class RunOverrides {
    @Option(names = "--paths", description = "Override the spec's number of paths.")
    Long paths;

    @Option(names = "--seed", description = "Override the spec's seed.")
    Long seed;

    @Option(names = "--engine", description = "Override the spec's engine: ${COMPLETION-CANDIDATES}.")
    EngineKind engine;

    @Option(names = "--monitoring", description = "Override the spec's monitoring: ${COMPLETION-CANDIDATES}.")
    Monitoring monitoring;

    @Option(names = "--threads", description = "CPU threads (default: all cores; on Spark, per task: spark.task.cpus).")
    Integer threads;

    @Option(names = "--device", description = "OpenCL device index from 'margin-sim devices' (default: first GPU).")
    Integer device;

    @Option(names = "--precision", description = "Device precision: ${COMPLETION-CANDIDATES} (default: FLOAT).")
    Precision precision;

    public Spec apply(Spec spec) {
        return given().apply(spec);
    }

    /**
     * Refuses {@code --device} for a run whose one engine runs on the CPU, where it would be silently ignored. Only
     * for single runs: a sweep whose engine axis mixes CPU and OpenCL cells uses the device in the OpenCL ones.
     */
    void requireDeviceUsedBy(EngineKind runEngine) {
        RunSettings.deviceIndex(device);
        if (device != null && (runEngine == EngineKind.SCALAR || runEngine == EngineKind.VECTOR)) {
            throw new SpecException("--device", device + " names an OpenCL device, but the " + runEngine.label()
                    + " engine runs on the CPU and would ignore it; drop --device or run --engine opencl or auto");
        }
    }

    Engines.Options engineOptions() {
        return given().engineOptions(Engines.Options.defaults().threads());
    }

    /** The options as given, for runners elsewhere (Spark executors) that choose their own thread count. */
    public RunSettings given() {
        return new RunSettings(paths, seed, engine, threads, device, precision, monitoring);
    }
}
