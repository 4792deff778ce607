package io.marginsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.marginsim.analysis.Sweep;
import io.marginsim.analysis.SweepAxis;
import io.marginsim.analysis.SweepOutputs;
import io.marginsim.analysis.SweepPlan;
import io.marginsim.analysis.SweepRow;
import io.marginsim.analysis.SweepSlice;
import io.marginsim.result.Intervals;
import io.marginsim.result.ReportBuilder;
import io.marginsim.result.plot.BreachCurveChart;
import io.marginsim.result.plot.BreachHeatmap;
import io.marginsim.result.plot.Png;
import io.marginsim.simulation.Engines;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code margin-sim sweep SWEEP.json}: breach risk over a grid of spec values, journaled and resumable. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Simulate every cell of a grid over spec fields (cartesian product of the axes, every cell with "
                + "the base seed) and stream one row per cell to PREFIX.csv and PREFIX.jsonl as cells finish. "
                + "With --spark [MASTER] the margin-sim launcher runs the cells on Apache Spark (spark module, see README).",
        // the launcher hands --spark command lines to the spark module before this command sees them, so its options
        // are named here for people reading this help
        footerHeading = "%nOn Apache Spark (margin-sim sweep SWEEP --spark --help has the details):%n",
        footer = {"      --spark [MASTER]     Run the cells as Spark tasks; MASTER: local[N],",
                "                           local[*] (default), spark://host:7077.",
                "      --conf KEY=VALUE     A Spark setting (repeatable, applied last).",
                "      --cells-per-task N   Unsplit cells in one Spark task.",
                "      --split-paths N      Split cells of more than N paths into tasks of at",
                "                           most N paths.",
                "  With --spark, --plot is not taken: draw afterwards with --resume --plot."})
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
        Sweep.Listener progress = CellProgress.create(System.console() != null, System.err);
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
        System.err.printf(Locale.ROOT, "wrote %s and %s (%d cells: %d computed now, %d from the journal)%n", summary.csv(),
                summary.jsonl(), summary.cells(), summary.computed(), summary.resumed());
        unresolvedNotes(summary.csv(), plan.targets()).forEach(System.err::println);
        return 0;
    }

    /**
     * One note per target with empty buffer cells (cells whose paths cannot resolve it), read from the finished CSV
     * so cells taken from the journal count too. The buffer columns come just before the last column, and no value
     * in them holds a comma, so they are counted from the end of each line.
     */
    private static List<String> unresolvedNotes(Path csv, List<Double> targets) throws java.io.IOException {
        long[] empty = new long[targets.size()];
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            for (int t = 0; t < targets.size(); t++) {
                if (fields[fields.length - 1 - targets.size() + t].isEmpty()) {
                    empty[t]++;
                }
            }
        }
        List<String> notes = new java.util.ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            if (empty[t] > 0) {
                double target = targets.get(t);
                notes.add("note: buffer." + ReportBuilder.key(target) + " is empty in " + empty[t] + " of "
                        + (lines.size() - 1) + " cells, whose paths cannot resolve a breach probability of "
                        + ReportBuilder.key(target) + " (it needs at least " + Intervals.pathsToResolve(target)
                        + " paths)");
            }
        }
        return notes;
    }

    /** A curve with its band when one numeric axis is swept, else a heat map (categories work there too). */
    private static Chart<?, ?> chart(SweepSlice slice) {
        if (slice.y() == null && slice.numericX()) {
            double[] x = slice.x().values().stream().mapToDouble(JsonNode::asDouble).toArray();
            return BreachCurveChart.of(slice.x().path(), x, slice.probability()[0], slice.low()[0], slice.high()[0],
                    slice.note());
        }
        // one categorical axis: a single row of cells, labelled with what it shows
        List<String> yLabels = slice.y() == null ? List.of("all cells") : labels(slice.y());
        return BreachHeatmap.of(slice.x().path(), labels(slice.x()), slice.y() == null ? "" : slice.y().path(), yLabels,
                slice.probability(), slice.note());
    }

    private static List<String> labels(SweepAxis axis) {
        return axis.values().stream().map(v -> v.isTextual() ? v.textValue() : v.toString()).toList();
    }
}
