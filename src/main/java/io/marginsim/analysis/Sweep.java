package io.marginsim.analysis;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.ParallelCpuEngine;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.EngineKind;
import io.marginsim.spec.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link SweepPlan} cell by cell, streaming each finished cell to {@code PREFIX.jsonl} (the journal) and
 * {@code PREFIX.csv}. Every cell keeps the seed of its spec (the base seed unless an axis sets it), so differences
 * between cells come from the axes and not from sampling noise (common random numbers). At most one cell per thread
 * (or one batch of at most {@link io.marginsim.engine.opencl.CellBatch#MAX_PATHS} paths) has its statistics in
 * memory at a time, and each engine is opened once for the whole sweep. Cells of one chunk of paths run side by side,
 * one per thread, and are journaled in the order they finish; on the OpenCL engine, consecutive small cells of one
 * program shape run instead as one launch per batch ({@link SweepBatches}) and are journaled together when their
 * batch finishes.
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

        /**
         * A cell is journaled; {@code pathSteps} is the work it took. {@code row} is null where the cells are not a
         * sweep's (a backtest's windows, see {@link Backtest#local(java.util.function.UnaryOperator,
         * io.marginsim.simulation.Engines.Options, Listener)}).
         */
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
     * Validates every cell and the prefix, then runs the cells the journal does not hold. When a cell fails (an
     * engine that cannot run it, say), the cells already running are finished and journaled before the failure is
     * thrown, so {@code --resume} continues from every cell that could be computed.
     *
     * @param overrides run settings from the command line, applied to every cell's spec
     * @param resume    continue {@code PREFIX.jsonl} if it exists; without it an existing journal is an error
     */
    public static Summary run(SweepPlan plan, UnaryOperator<Spec> overrides, Engines.Options options, Path prefix,
                              boolean resume, Listener listener) throws IOException, EngineUnavailableException {
        plan.validate(overrides);
        SweepSettings settings = SweepSettings.of(plan, overrides, options);
        Map<EngineKind, Engines.Selection> engines = new EnumMap<>(EngineKind.class);
        int workers = Math.max(1, options.threads());
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().factory());
        try (SweepJournal journal = SweepJournal.open(plan, settings, prefix, resume)) {
            listener.started(plan.cells(), journal.resumed());
            Running running = new Running(pool);
            SweepBatches batches = new SweepBatches(plan, listener);
            long computed = 0;
            try {
                for (long cell = 0; cell < plan.cells(); cell++) {
                    if (journal.isFinished(cell)) {
                        continue;
                    }
                    Spec spec = plan.spec(cell, overrides);
                    Engines.Selection engine = engines.get(spec.engine());
                    if (engine == null) {
                        engine = Engines.select(spec.engine(), options);
                        engines.put(spec.engine(), engine);
                    }
                    List<Finished> batched = batches.add(cell, spec, engine);
                    if (batched != null) {
                        computed += record(journal, listener, batched);
                        continue;
                    }
                    running.submit(cellTask(plan, cell, spec, engine, options, listener));
                    // a cell of one chunk keeps one core busy, so small cells run side by side; larger cells use
                    // every core themselves and run one at a time
                    int limit = spec.paths() <= ParallelCpuEngine.DEFAULT_CHUNK ? workers : 1;
                    for (; running.count() >= limit; computed++) {
                        record(journal, listener, running.next());
                    }
                }
                computed += record(journal, listener, batches.flush());
                for (; running.count() > 0; computed++) {
                    record(journal, listener, running.next());
                }
            } catch (EngineUnavailableException e) {
                // the engine refused one cell; the cells already running are results like any other
                keepRunningCells(journal, listener, running, e);
                throw e;
            }
            return new Summary(plan.cells(), computed, journal.resumed(), Sweep.csvFile(prefix),
                    Sweep.journalFile(prefix));
        } finally {
            pool.shutdownNow();
            engines.values().forEach(selection -> selection.engine().close());
        }
    }

    /** Waits for the cells still running when an engine refused a cell and journals those that finish. */
    private static void keepRunningCells(SweepJournal journal, Listener listener, Running running, Exception failure) {
        while (running.count() > 0) {
            try {
                record(journal, listener, running.next());
            } catch (IOException | EngineUnavailableException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The cells submitted to the pool, counted until they are taken back finished or failed. */
    private static final class Running {
        private final CompletionService<Finished> service;
        private int count;

        Running(ExecutorService pool) {
            service = new ExecutorCompletionService<>(pool);
        }

        void submit(Callable<Finished> cell) {
            service.submit(cell);
            count++;
        }

        int count() {
            return count;
        }

        /** The next cell to finish; its failure is rethrown as itself, so the command reports it as it would alone. */
        Finished next() throws IOException, EngineUnavailableException {
            Future<Finished> done;
            try {
                done = service.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep interrupted", e);
            }
            count--;
            try {
                return done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep interrupted", e);
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    case EngineUnavailableException unavailable -> throw unavailable;
                    case IOException io -> throw io;
                    default -> throw new IllegalStateException("sweep cell failed: " + e.getCause(), e.getCause());
                }
            }
        }
    }

    /** A finished cell and the work it took. */
    record Finished(SweepRow row, double pathSteps) {
    }

    private static Callable<Finished> cellTask(SweepPlan plan, long cell, Spec spec, Engines.Selection engine,
                                               Engines.Options options, Listener listener) {
        return () -> {
            try (Simulation run = Simulator.run(spec, engine, options, listener::pathsDone)) {
                return new Finished(SweepRow.of(cell, plan.values(cell), run, plan.targets()),
                        (double) spec.paths() * spec.steps());
            } catch (EngineUnavailableException e) {
                // the engine's sentence says what it lacks; in a grid the user also needs to know which cell
                String why = e.getMessage();
                throw new EngineUnavailableException(plan.describe(cell) + " cannot run: "
                        + Character.toLowerCase(why.charAt(0)) + why.substring(1), e);
            }
        };
    }

    private static void record(SweepJournal journal, Listener listener, Finished done) throws IOException {
        journal.append(done.row());
        listener.cellDone(done.row(), done.pathSteps());
    }

    private static int record(SweepJournal journal, Listener listener, List<Finished> done) throws IOException {
        for (Finished finished : done) {
            record(journal, listener, finished);
        }
        return done.size();
    }
}
