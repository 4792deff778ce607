package io.marginsim.cli;

import io.marginsim.analysis.SweepAxis;
import io.marginsim.analysis.SweepPlan;
import io.marginsim.spec.EngineKind;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.Monitoring;
import io.marginsim.engine.Precision;
import io.marginsim.spec.Spec;
import io.marginsim.check.SpecException;
import picocli.CommandLine.Option;

import java.io.Serializable;
import java.util.Locale;

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
        deviceIndex(device);
        if (device != null && (runEngine == EngineKind.SCALAR || runEngine == EngineKind.VECTOR)) {
            throw new SpecException("--device", device + " names an OpenCL device, but the " + runEngine.label()
                    + " engine runs on the CPU and would ignore it; drop --device or run --engine opencl or auto");
        }
    }

    Engines.Options engineOptions() {
        return given().engineOptions(Engines.Options.defaults().threads());
    }

    /** The options as given, for runners elsewhere (Spark executors) that choose their own thread count. */
    public Given given() {
        return new Given(paths, seed, engine, threads, device, precision, monitoring);
    }

    /** Run settings as given on the command line, null where an option was not given. */
    public record Given(Long paths, Long seed, EngineKind engine, Integer threads, Integer device,
                        Precision precision, Monitoring monitoring) implements Serializable {
        public static final Given NONE = new Given(null, null, null, null, null, null, null);

        /** Settings without {@code --monitoring}. */
        public Given(Long paths, Long seed, EngineKind engine, Integer threads, Integer device, Precision precision) {
            this(paths, seed, engine, threads, device, precision, null);
        }

        public Spec apply(Spec spec) {
            Spec run = spec.withRun(paths == null ? spec.paths() : paths, seed == null ? spec.seed() : seed,
                    engine == null ? spec.engine() : engine);
            return monitoring == null ? run : run.withMonitoring(monitoring);
        }

        /**
         * Refuses an override of a spec key that an axis of {@code plan} sets: the override would win in every cell,
         * so rows labelled with different axis values would be one and the same run.
         */
        public void checkNotSwept(SweepPlan plan) {
            refuseSwept(plan, "paths", paths);
            refuseSwept(plan, "seed", seed);
            refuseSwept(plan, "engine", engine == null ? null : engine.name().toLowerCase(Locale.ROOT));
            refuseSwept(plan, "monitoring", monitoring == null ? null : monitoring.key());
        }

        private static void refuseSwept(SweepPlan plan, String key, Object value) {
            SweepAxis axis = value == null ? null : plan.axisSetting(key);
            if (axis != null) {
                throw new SpecException("--" + key, value + " cannot be given because axes[" + axis.index()
                        + "] sweeps " + key + ", and every cell would then run with " + value
                        + "; drop --" + key + " or that axis");
            }
        }

        /** Engine options, with {@code defaultThreads} threads unless {@code --threads} was given. */
        public Engines.Options engineOptions(int defaultThreads) {
            Engines.Options defaults = Engines.Options.defaults();
            if (threads != null && threads < 1) {
                throw new SpecException("--threads", "must be >= 1 but was " + threads);
            }
            return new Engines.Options(threads == null ? defaultThreads : threads, deviceIndex(device),
                    precision == null ? defaults.precision() : precision);
        }
    }

    /**
     * {@code --device} as {@link Engines.Options} takes it. A negative index would quietly mean "the default device"
     * there, which is not what someone who typed a number asked for.
     */
    static int deviceIndex(Integer device) {
        if (device == null) {
            return Engines.Options.defaults().device();
        }
        if (device < 0) {
            throw new SpecException("--device", "must be an OpenCL device index >= 0, as 'margin-sim devices' lists "
                    + "them, but was " + device);
        }
        return device;
    }
}
