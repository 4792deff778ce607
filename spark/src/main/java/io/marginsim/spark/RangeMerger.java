package io.marginsim.spark;

import io.marginsim.analysis.SweepPlan;
import io.marginsim.analysis.SweepRow;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Spec;
import io.marginsim.stats.PathStats;
import io.marginsim.stats.PathStatsEncoding;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * On the driver: merges the ranges of split cells as their tasks finish and, once a cell has every range, makes its
 * row from the merged statistics with the same code as the single-machine sweep. Breach counts add up exactly and
 * the samples keep every path's value, so the row is the one a single run of all the cell's paths gives, byte for
 * byte. A cell in progress holds the samples of the ranges received so far
 * ({@link PathStatsEncoding#BYTES_PER_PATH} bytes per path, {@link PathStatsEncoding#LIQUIDATION_BYTES_PER_PATH}
 * more with liquidation outcomes, and a fixed number per position of an isolated account for its per-position
 * counts and sums, {@link io.marginsim.stats.ScopeStats}); a cell's ranges are neighbouring tasks, so few cells are
 * in progress at a time. A cell whose ranges ran partly on an engine that does not compute per-position results
 * loses them as a whole rather than reporting a part of its paths as if it were all.
 * Ranges of a cell whose job fails are dropped: the cell was not journaled, so {@code --resume} computes it again.
 *
 * <p>Ranges of one cell may run on executors with different engines (one with a GPU, one without); the row then
 * names every engine that ran a part of it, e.g. {@code mixed: opencl, vector}, and joins their notes.
 */
final class RangeMerger {
    private final SweepPlan plan;
    private final UnaryOperator<Spec> overrides;
    private final Map<Long, Partial> inProgress = new HashMap<>();

    /** The ranges of one cell received so far, merged. */
    private static final class Partial {
        final PathStats stats;
        final Set<String> engines = new LinkedHashSet<>();
        final Set<String> notes = new LinkedHashSet<>();
        int ranges;
        double seconds;

        Partial(PathStats stats) {
            this.stats = stats;
        }

        String engine() {
            return engines.size() == 1 ? engines.iterator().next() : "mixed: " + String.join(", ", engines);
        }

        String note() {
            return String.join("; ", notes);
        }
    }

    RangeMerger(SweepPlan plan, UnaryOperator<Spec> overrides) {
        this.plan = plan;
        this.overrides = overrides;
    }

    /** Takes one range; when it was its cell's last, returns the cell's row and work, else null. */
    SparkTask.Cell add(SparkTask.Range range) {
        long cell = range.piece().cell();
        PathStats stats = PathStatsEncoding.decode(range.stats());
        Partial partial = inProgress.get(cell);
        if (partial == null) {
            partial = new Partial(stats);
            inProgress.put(cell, partial);
        } else {
            partial.stats.merge(stats);
        }
        partial.engines.add(range.engine());
        partial.notes.add(range.note());
        partial.ranges++;
        // the report's speed: all the cell's paths over the time its ranges took, one after another
        partial.seconds += range.seconds();
        if (partial.ranges < range.piece().ranges()) {
            return null;
        }
        inProgress.remove(cell);
        Spec spec = plan.spec(cell, overrides);
        if (partial.stats.paths() != spec.paths()) {
            throw new IllegalStateException("the ranges of cell " + cell + " hold " + partial.stats.paths()
                    + " paths but the cell has " + spec.paths());
        }
        try (Simulation run = Simulator.of(spec, partial.stats, partial.engine(), partial.note(), partial.seconds)) {
            return new SparkTask.Cell(SweepRow.of(cell, plan.values(cell), run, plan.targets()),
                    (double) spec.paths() * spec.steps());
        }
    }
}
