package io.marginsim.analysis;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.Spec;

import java.util.List;

/**
 * A sweep's small cells bound for the OpenCL engine, run in batches ({@link CellBatches}) and made into rows; a
 * batch's cells are journaled together when it finishes. A batched cell's row equals the row of the cell run alone.
 */
final class SweepBatches {
    private final SweepPlan plan;
    private final CellBatches<Sweep.Finished> batches;

    SweepBatches(SweepPlan plan, Sweep.Listener listener) {
        this.plan = plan;
        this.batches = new CellBatches<>(listener::pathsDone);
    }

    /**
     * Adds the cell to the open batch if it can join one; returns the cells of a batch that had to run first to
     * make room (often none), or null when the cell cannot be batched and the caller must run it alone.
     */
    List<Sweep.Finished> add(long cell, Spec spec, Engines.Selection engine) throws EngineUnavailableException {
        return batches.add(spec, engine, (run, pathSteps) ->
                new Sweep.Finished(SweepRow.of(cell, plan.values(cell), run, plan.targets()), pathSteps));
    }

    /** Runs the open batch, if any, and returns its cells in the order they were added. */
    List<Sweep.Finished> flush() throws EngineUnavailableException {
        return batches.flush();
    }
}
