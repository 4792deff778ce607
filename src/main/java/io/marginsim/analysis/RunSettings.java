package io.marginsim.analysis;

import io.marginsim.check.SpecException;
import io.marginsim.engine.Precision;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.EngineKind;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;

import java.io.Serializable;
import java.util.Locale;

/**
 * Run settings given on the command line ({@code --paths}, {@code --seed}, {@code --engine}, {@code --threads},
 * {@code --device}, {@code --precision}, {@code --monitoring}), null where one was not given. They override every
 * spec a command runs (one, or a sweep's or backtest's cells), here or on Spark executors.
 */
public record RunSettings(Long paths, Long seed, EngineKind engine, Integer threads, Integer device,
                          Precision precision, Monitoring monitoring) implements Serializable {
    public static final RunSettings NONE = new RunSettings(null, null, null, null, null, null, null);

    /** Settings without {@code --monitoring}. */
    public RunSettings(Long paths, Long seed, EngineKind engine, Integer threads, Integer device, Precision precision) {
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

    /**
     * {@code --device} as {@link Engines.Options} takes it. A negative index would quietly mean "the default device"
     * there, which is not what someone who typed a number asked for.
     */
    public static int deviceIndex(Integer device) {
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
