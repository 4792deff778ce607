package io.marginsim.spark;

import io.marginsim.engine.EngineKind;
import io.marginsim.engine.Engines;
import io.marginsim.engine.Precision;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecException;

import java.io.Serializable;

/**
 * Command-line run settings that travel with every task: the overrides applied to each cell's spec and the engine
 * options. Null means "as the spec or the executor says", so an executor's thread count follows the cores Spark gave
 * its task ({@code spark.task.cpus}) unless {@code --threads} names one.
 */
public record CellSettings(Long paths, Long seed, EngineKind engine, Integer threads, Integer device,
                           Precision precision) implements Serializable {
    public static final CellSettings NONE = new CellSettings(null, null, null, null, null, null);

    public CellSettings {
        if (threads != null && threads < 1) {
            throw new SpecException("--threads", "must be >= 1 but was " + threads);
        }
    }

    public Spec apply(Spec spec) {
        return spec.withRun(paths == null ? spec.paths() : paths, seed == null ? spec.seed() : seed,
                engine == null ? spec.engine() : engine);
    }

    /** Engine options on an executor whose task was given {@code taskCpus} cores. */
    public Engines.Options engineOptions(int taskCpus) {
        Engines.Options defaults = Engines.Options.defaults();
        return new Engines.Options(threads == null ? Math.max(1, taskCpus) : threads,
                device == null ? defaults.device() : device, precision == null ? defaults.precision() : precision);
    }
}
