package io.marginsim.analysis;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Engines;
import io.marginsim.engine.Simulation;
import io.marginsim.engine.Simulator;
import io.marginsim.spec.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link SweepPlan} cell by cell, streaming each finished cell to {@code PREFIX.jsonl} (the journal) and
 * {@code PREFIX.csv}. Every cell keeps the seed of its spec (the base seed unless an axis sets it), so differences
 * between cells come from the axes and not from sampling noise (common random numbers). Only one cell's statistics
 * are in memory at a time, and each engine is opened once for the whole sweep.
 */
public final class Sweep {
    private Sweep() {
    }

    /** Hears about progress; called on the sweep's thread, except {@link #pathsDone} which may come from any. */
    public interface Listener {
        Listener NONE = new Listener() { };

        /** Before the first cell: how many cells in all and how many the journal already holds. */
        default void started(long cells, long alreadyDone) {
        }

        /** Paths finished within the running cell, since the previous call. */
        default void pathsDone(long paths) {
        }

        /** A cell is journaled; {@code pathSteps} is the work it took. */
        default void cellDone(SweepRow row, double pathSteps) {
        }
    }

    /** What a run did: cells computed now and cells found finished in the journal. */
    public record Summary(long cells, long computed, long resumed, Path csv, Path jsonl) {
    }

    public static Path csvFile(Path prefix) {
        return prefix.resolveSibling(prefix.getFileName() + ".csv");
    }

    public static Path journalFile(Path prefix) {
        return prefix.resolveSibling(prefix.getFileName() + ".jsonl");
    }

    /**
     * Validates every cell, then runs those the journal does not hold.
     *
     * @param overrides run settings from the command line, applied to every cell's spec
     * @param resume    continue {@code PREFIX.jsonl} if it exists; without it an existing journal is an error
     */
    public static Summary run(SweepPlan plan, UnaryOperator<Spec> overrides, Engines.Options options, Path prefix,
                              boolean resume, Listener listener) throws IOException, EngineUnavailableException {
        plan.validate(overrides);
        Path csv = csvFile(prefix);
        Path jsonl = journalFile(prefix);
        long computed = 0;
        Map<String, Engines.Selection> engines = new HashMap<>();
        try (SweepJournal journal = SweepJournal.open(plan, jsonl, csv, resume)) {
            listener.started(plan.cells(), journal.resumed());
            for (long cell = 0; cell < plan.cells(); cell++) {
                if (journal.isFinished(cell)) {
                    continue;
                }
                Spec spec = plan.spec(cell, overrides);
                // auto picks differently for GBM and for the other market models, so both key the cache
                String key = spec.engine() + (spec.market().isGbm() ? "" : "/models");
                Engines.Selection engine = engines.get(key);
                if (engine == null) {
                    engine = Engines.select(spec.engine(), options, spec.market().isGbm());
                    engines.put(key, engine);
                }
                SweepRow row;
                try (Simulation run = Simulator.run(spec, engine, listener::pathsDone)) {
                    row = SweepRow.of(cell, plan.values(cell), run, plan.targets());
                }
                journal.append(row);
                computed++;
                listener.cellDone(row, (double) spec.paths() * spec.steps());
            }
            return new Summary(plan.cells(), computed, journal.resumed(), csv, jsonl);
        } finally {
            engines.values().forEach(selection -> selection.engine().close());
        }
    }
}
