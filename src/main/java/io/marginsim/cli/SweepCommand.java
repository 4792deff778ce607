package io.marginsim.cli;

import io.marginsim.analysis.Sweep;
import com.fasterxml.jackson.databind.JsonNode;
import io.marginsim.analysis.SweepAxis;
import io.marginsim.analysis.SweepOutputs;
import io.marginsim.analysis.SweepPlan;
import io.marginsim.analysis.SweepSlice;
import io.marginsim.result.plot.BreachCurveChart;
import io.marginsim.result.plot.BreachHeatmap;
import io.marginsim.result.plot.Png;
import org.knowm.xchart.internal.chartpart.Chart;
import io.marginsim.analysis.SweepRow;
import io.marginsim.engine.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code margin-sim sweep SWEEP.json}: breach risk over a grid of spec values, journaled and resumable. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Simulate every cell of a grid over spec fields (cartesian product of the axes, every cell with "
                + "the base seed) and stream one row per cell to PREFIX.csv and PREFIX.jsonl as cells finish. "
                + "With --spark [MASTER] the margin-sim launcher runs the cells on Apache Spark (spark module, see README).")
final class SweepCommand implements Callable<Integer> {
    /** Held so the level set on it is not lost to garbage collection of the logger. */
    private static final Logger ENGINES_LOG = Logger.getLogger(Engines.class.getName());

    @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (JSON): base, axes, targets; see README.")
    Path sweep;

    @Mixin
    RunOverrides overrides;

    @Option(names = "--out", paramLabel = "PREFIX",
            description = "Write PREFIX.csv and PREFIX.jsonl (default: the sweep file's name without .json).")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw breach probability against the "
            + "first axis with its 95%% band (one numeric axis) or as a heat map over the first two axes.")
    Path plot;

    @Option(names = "--resume", description = "Continue PREFIX.jsonl: skip the cells it holds, run the rest.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        SweepPlan plan = SweepPlan.read(sweep);
        overrides.given().checkNotSwept(plan);
        Path prefix = out != null ? out : Path.of(sweep.toString().replaceFirst("\\.json$", ""));
        // every output is checked before the first cell runs, the chart's too, so bad names cost no work
        SweepOutputs.checkPrefix(plan, prefix);
        if (plot != null) {
            SweepOutputs.checkPlot(plan, prefix, plot);
        }
        Sweep.Listener progress = SweepProgress.create(System.console() != null, System.err);
        Sweep.Summary summary;
        Level engineLogLevel = ENGINES_LOG.getLevel();
        try {
            summary = Sweep.run(plan, overrides::apply, overrides.engineOptions(), prefix, resume, new Sweep.Listener() {
                @Override
                public void started(long cells, long alreadyDone) {
                    progress.started(cells, alreadyDone);
                }

                @Override
                public void cellDone(SweepRow row, double pathSteps) {
                    // every cell selects its engine the same way: one line saying which is enough
                    ENGINES_LOG.setLevel(Level.WARNING);
                    progress.cellDone(row, pathSteps);
                }
            });
        } finally {
            ENGINES_LOG.setLevel(engineLogLevel);
            if (progress instanceof AutoCloseable bar) {
                bar.close();
            }
        }
        if (plot != null) {
            Png.write(chart(SweepSlice.read(plan, summary.jsonl())), plot);
            System.err.println("wrote " + plot);
        }
        System.err.printf("wrote %s and %s (%d cells: %d computed now, %d from the journal)%n", summary.csv(),
                summary.jsonl(), summary.cells(), summary.computed(), summary.resumed());
        return 0;
    }

    /** A curve with its band when one numeric axis is swept, else a heat map (categories work there too). */
    private static Chart<?, ?> chart(SweepSlice slice) {
        if (slice.y() == null && slice.numericX()) {
            double[] x = slice.x().values().stream().mapToDouble(JsonNode::asDouble).toArray();
            return BreachCurveChart.of(slice.x().path(), x, slice.probability()[0], slice.low()[0], slice.high()[0],
                    slice.note());
        }
        List<String> yLabels = slice.y() == null ? List.of("") : labels(slice.y());
        return BreachHeatmap.of(slice.x().path(), labels(slice.x()), slice.y() == null ? "" : slice.y().path(), yLabels,
                slice.probability(), slice.note());
    }

    private static List<String> labels(SweepAxis axis) {
        return axis.values().stream().map(v -> v.isTextual() ? v.textValue() : v.toString()).toList();
    }
}
