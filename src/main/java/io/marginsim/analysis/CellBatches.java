package io.marginsim.analysis;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.opencl.CellBatch;
import io.marginsim.engine.opencl.OpenClEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.ReportBuilder;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Spec;
import io.marginsim.stats.PathStats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Collects consecutive small specs bound for the OpenCL engine into {@link CellBatch}es, so that thousands of runs
 * of a thousand paths (a sweep's cells, a backtest's windows) cost a few launches rather than one (and its reads and
 * rank queries) per run. A batch runs when the next spec needs another program or would pass the batch's bounds, and
 * when the caller flushes. A spec that cannot join a batch (another engine, liquidation mechanics, historical
 * residuals, too many paths: see {@link CellBatch}) is left to the caller to run alone.
 *
 * <p>A batched spec's simulation equals its run alone: the same paths, the same statistics, the same report; only
 * its measured speed is the batch's, shared among its specs by path-steps.
 *
 * @param <R> what a finished spec becomes (a sweep row, a window's prediction)
 */
final class CellBatches<R> {
    /** Makes a finished spec's result from its simulation, which is closed afterwards; called on any thread. */
    @FunctionalInterface
    interface Finisher<R> {
        R finish(Simulation run, double pathSteps);
    }

    private final LongConsumer pathsDone;
    private Engines.Selection selection;
    private CellBatch batch;
    private final List<Finisher<R>> finishers = new ArrayList<>();

    /** @param pathsDone hears of each batch's paths when it has run */
    CellBatches(LongConsumer pathsDone) {
        this.pathsDone = pathsDone;
    }

    /**
     * Adds the spec to the open batch if it can join one; returns the results of a batch that had to run first to
     * make room (often none), or null when the spec cannot be batched and the caller must run it alone.
     */
    List<R> add(Spec spec, Engines.Selection engine, Finisher<R> finisher) throws EngineUnavailableException {
        if (!(engine.engine() instanceof OpenClEngine openCl)) {
            return null;
        }
        CompiledProblem problem = ProblemCompiler.compile(spec);
        String key = CellBatch.key(openCl, problem, spec.paths());
        if (key == null) {
            return null;
        }
        List<R> done = List.of();
        if (batch != null && (selection != engine || !batch.fits(key, (int) spec.paths(), problem.steps))) {
            done = flush();
        }
        if (batch == null) {
            batch = CellBatch.of(key);
            selection = engine;
        }
        batch.add(problem, (int) spec.paths());
        finishers.add(finisher);
        return done;
    }

    /** Runs the open batch, if any, and returns its results in the order their specs were added. */
    List<R> flush() throws EngineUnavailableException {
        if (batch == null) {
            return List.of();
        }
        CellBatch running = batch;
        List<Finisher<R>> finishing = List.copyOf(finishers);
        batch = null;
        finishers.clear();
        OpenClEngine engine = (OpenClEngine) selection.engine();
        long start = System.nanoTime();
        List<PathStats> stats = engine.run(running);
        double elapsed = (System.nanoTime() - start) / 1e9;
        pathsDone.accept(running.paths());
        List<CellBatch.Cell> batched = running.cells();
        try {
            // the reports are independent of each other, so every core makes them
            return IntStream.range(0, batched.size()).parallel().mapToObj(c -> {
                CompiledProblem problem = batched.get(c).problem();
                double pathSteps = (double) batched.get(c).paths() * problem.steps;
                ReportBuilder.RunInfo info = Simulator.runInfo(problem, engine.name(), selection.note(),
                        elapsed * pathSteps / running.pathSteps());
                try (Simulation run = new Simulation(stats.get(c), ReportBuilder.build(stats.get(c), info))) {
                    return finishing.get(c).finish(run, pathSteps);
                }
            }).toList();
        } finally {
            stats.forEach(PathStats::close);
        }
    }
}
