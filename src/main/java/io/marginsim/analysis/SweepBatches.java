package io.marginsim.analysis;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Engines;
import io.marginsim.engine.ProblemCompiler;
import io.marginsim.engine.Simulation;
import io.marginsim.engine.Simulator;
import io.marginsim.engine.opencl.CellBatch;
import io.marginsim.engine.opencl.OpenClEngine;
import io.marginsim.result.PathStats;
import io.marginsim.result.ReportBuilder;
import io.marginsim.spec.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Collects a sweep's consecutive small cells bound for the OpenCL engine into {@link CellBatch}es, so that a grid of
 * thousands of cells of a thousand paths costs a few launches rather than one (and its reads and rank queries) per
 * cell. A batch runs when the next cell needs another program or would pass the batch's bounds, and at the end of
 * the sweep; its cells are then journaled together. A cell that cannot join a batch (another engine, liquidation
 * mechanics, historical residuals, too many paths: see {@link CellBatch}) is left to the caller to run alone.
 *
 * <p>A batched cell's row equals the row of the cell run alone: the same paths, the same statistics, the same
 * report; only its measured speed is the batch's, shared among its cells by path-steps.
 */
final class SweepBatches {
    private final SweepPlan plan;
    private final Sweep.Listener listener;
    private Engines.Selection selection;
    private CellBatch batch;
    private final List<Long> cells = new ArrayList<>();

    SweepBatches(SweepPlan plan, Sweep.Listener listener) {
        this.plan = plan;
        this.listener = listener;
    }

    /**
     * Adds the cell to the open batch if it can join one; returns the cells of a batch that had to run first to
     * make room (often none), or null when the cell cannot be batched and the caller must run it alone.
     */
    List<Sweep.Finished> add(long cell, Spec spec, Engines.Selection engine) throws EngineUnavailableException {
        if (!(engine.engine() instanceof OpenClEngine openCl)) {
            return null;
        }
        CompiledProblem problem = ProblemCompiler.compile(spec);
        String key = CellBatch.key(openCl, problem, spec.paths());
        if (key == null) {
            return null;
        }
        List<Sweep.Finished> done = List.of();
        if (batch != null && (selection != engine || !batch.fits(key, (int) spec.paths(), problem.steps))) {
            done = flush();
        }
        if (batch == null) {
            batch = CellBatch.of(key);
            selection = engine;
        }
        batch.add(problem, (int) spec.paths());
        cells.add(cell);
        return done;
    }

    /** Runs the open batch, if any, and returns its cells in the order they were added. */
    List<Sweep.Finished> flush() throws EngineUnavailableException {
        if (batch == null) {
            return List.of();
        }
        CellBatch running = batch;
        List<Long> ids = List.copyOf(cells);
        batch = null;
        cells.clear();
        OpenClEngine engine = (OpenClEngine) selection.engine();
        long start = System.nanoTime();
        List<PathStats> stats = engine.run(running);
        double elapsed = (System.nanoTime() - start) / 1e9;
        listener.pathsDone(running.paths());
        List<CellBatch.Cell> batched = running.cells();
        try {
            // The cells' reports are independent of each other, so every core makes them.
            return IntStream.range(0, batched.size()).parallel().mapToObj(c -> {
                CompiledProblem problem = batched.get(c).problem();
                double pathSteps = (double) batched.get(c).paths() * problem.steps;
                ReportBuilder.RunInfo info = Simulator.runInfo(problem, engine.name(), selection.note(),
                        elapsed * pathSteps / running.pathSteps());
                try (Simulation run = new Simulation(stats.get(c), ReportBuilder.build(stats.get(c), info))) {
                    long cell = ids.get(c);
                    return new Sweep.Finished(SweepRow.of(cell, plan.values(cell), run, plan.targets()), pathSteps);
                }
            }).toList();
        } finally {
            stats.forEach(PathStats::close);
        }
    }
}
