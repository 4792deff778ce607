package io.marginsim.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns merged {@link PathStats} into a {@link Report}. */
public final class ReportBuilder {
    /** Breach probability targets for which buffers are reported. */
    public static final double[] BUFFER_TARGETS = {0.10, 0.05, 0.01, 0.001};
    public static final double[] TIME_LEVELS = {0.10, 0.25, 0.50, 0.75, 0.90};
    public static final double[] EQUITY_LEVELS = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};
    /** At most this many histogram bins: enough to see the shape, few enough to read. */
    public static final int MAX_BINS = 50;

    private ReportBuilder() {
    }

    /** Where the run came from: everything a report says besides the statistics. */
    public record RunInfo(String engine, String engineNote, double stepDays, long seed, double initialEquity,
                          double initialRequirement, double initialMarginRatio, double elapsedSeconds) {
    }

    public static Report build(PathStats stats, RunInfo run) {
        long paths = stats.paths();
        long breaches = stats.breaches();
        long[] byStep = stats.breachesAtStep();
        double[] shortfall = stats.sortedWorstShortfall();
        double[] equity = stats.sortedTerminalEquity();
        Map<String, Double> buffer = new LinkedHashMap<>();
        Map<String, double[]> bufferCi = new LinkedHashMap<>();
        for (double target : BUFFER_TARGETS) {
            buffer.put(key(target), buffer(shortfall, target));
            bufferCi.put(key(target), bufferCi95(shortfall, target));
        }
        Map<String, Double> equityQuantiles = new LinkedHashMap<>();
        for (double level : EQUITY_LEVELS) {
            equityQuantiles.put(key(level), nearestRank(equity, level));
        }
        double elapsed = run.elapsedSeconds();
        double pathSteps = (double) paths * stats.steps();
        return new Report(run.engine(), run.engineNote(), paths, stats.steps(), stats.steps() * run.stepDays(),
                run.seed(), run.initialEquity(), run.initialRequirement(), run.initialMarginRatio(),
                (double) breaches / paths, Intervals.wilson(breaches, paths, Intervals.Z95),
                timeQuantiles(byStep, breaches, run.stepDays()), histogram(byStep, run.stepDays()),
                buffer, bufferCi, equityQuantiles, elapsed, elapsed > 0 ? pathSteps / elapsed : Double.NaN);
    }

    /**
     * The smallest extra cash {@code b >= 0} with at most {@code floor(target * n)} paths whose worst shortfall
     * exceeds {@code b}: adding {@code b} lowers every path's shortfall by {@code b}, and a path breaches exactly
     * when its shortfall is positive.
     *
     * @param sortedShortfall worst shortfall of every path, ascending
     */
    public static double buffer(double[] sortedShortfall, double target) {
        int n = sortedShortfall.length;
        long allowed = (long) Math.floor(target * n);
        if (allowed >= n) {
            return 0;
        }
        return Math.max(0, sortedShortfall[(int) (n - allowed - 1)]);
    }

    /**
     * Distribution-free 95% interval of {@link #buffer}: the order statistics that bracket the
     * {@code (1 - target)}-quantile of the worst shortfall, floored at zero like the buffer itself.
     */
    public static double[] bufferCi95(double[] sortedShortfall, double target) {
        int[] ranks = Intervals.quantileRanks(sortedShortfall.length, 1 - target);
        return new double[] {Math.max(0, sortedShortfall[ranks[0]]), Math.max(0, sortedShortfall[ranks[1]])};
    }

    /** The smallest sample value with at least {@code level * n} values at or below it. */
    public static double nearestRank(double[] sorted, double level) {
        int rank = (int) Math.ceil(level * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Map<String, Double> timeQuantiles(long[] byStep, long breaches, double stepDays) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (breaches == 0) {
            return out;
        }
        for (double level : TIME_LEVELS) {
            long needed = (long) Math.ceil(level * breaches);
            long seen = 0;
            for (int step = 1; step < byStep.length; step++) {
                seen += byStep[step];
                if (seen >= needed) {
                    out.put(key(level), step * stepDays);
                    break;
                }
            }
        }
        return out;
    }

    private static List<Report.HistogramBin> histogram(long[] byStep, double stepDays) {
        int steps = byStep.length - 1;
        int stepsPerDay = (int) Math.max(1, Math.round(1 / stepDays));
        int binSteps = steps < stepsPerDay ? 1 : stepsPerDay * (int) Math.ceil((double) steps / stepsPerDay / MAX_BINS);
        List<Report.HistogramBin> bins = new ArrayList<>();
        for (int from = 0; from < steps; from += binSteps) {
            int to = Math.min(steps, from + binSteps);
            long count = 0;
            for (int step = from + 1; step <= to; step++) {
                count += byStep[step];
            }
            bins.add(new Report.HistogramBin(from * stepDays, to * stepDays, count));
        }
        return bins;
    }

    /** Map key for a probability level: {@code 0.1}, {@code 0.05}, {@code 0.001}. */
    public static String key(double level) {
        return java.math.BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }
}
