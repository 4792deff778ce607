package io.marginsim.result;

import io.marginsim.problem.BreachBins;
import io.marginsim.stats.PathStats;
import io.marginsim.stats.RankedSample;

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
    public record RunInfo(String engine, String engineNote, double stepDays, long seed, String monitoring,
                          double initialEquity, double initialRequirement, double initialMarginRatio,
                          double elapsedSeconds) {
    }

    public static Report build(PathStats stats, RunInfo run) {
        long paths = stats.paths();
        long breaches = stats.breaches();
        long[] byStep = stats.breachesAtStep();
        double[][] buffers = buffersWithCi95(stats.worstShortfall(), BUFFER_TARGETS);
        Map<String, Double> buffer = new LinkedHashMap<>();
        Map<String, double[]> bufferCi = new LinkedHashMap<>();
        for (int t = 0; t < BUFFER_TARGETS.length; t++) {
            // a target the paths cannot resolve has no buffer (null) rather than the sample maximum posing as one
            boolean resolved = Intervals.resolvesUpperTail(paths, BUFFER_TARGETS[t]);
            buffer.put(key(BUFFER_TARGETS[t]), resolved ? buffers[t][0] : null);
            bufferCi.put(key(BUFFER_TARGETS[t]), resolved ? new double[] {buffers[t][1], buffers[t][2]} : null);
        }
        // one query of the terminal equities for the report's quantiles and the loss statistics
        long[] lossRanks = LossStatistics.ranks(paths);
        long[] ranks = java.util.Arrays.copyOf(lossRanks, lossRanks.length + EQUITY_LEVELS.length);
        for (int l = 0; l < EQUITY_LEVELS.length; l++) {
            ranks[lossRanks.length + l] = nearestRank(paths, EQUITY_LEVELS[l]);
        }
        double[] terminal = stats.terminalEquity().valuesAtRanks(ranks);
        LossReport loss = LossStatistics.from(paths, run.initialEquity(),
                java.util.Arrays.copyOf(terminal, lossRanks.length));
        double[] equity = java.util.Arrays.copyOfRange(terminal, lossRanks.length, ranks.length);
        Map<String, Double> equityQuantiles = new LinkedHashMap<>();
        for (int l = 0; l < EQUITY_LEVELS.length; l++) {
            equityQuantiles.put(key(EQUITY_LEVELS[l]), equity[l]);
        }
        double elapsed = run.elapsedSeconds();
        double pathSteps = (double) paths * stats.steps();
        return new Report(run.engine(), run.engineNote(), paths, stats.steps(), stats.steps() * run.stepDays(),
                run.seed(), run.monitoring(), run.initialEquity(), run.initialRequirement(), run.initialMarginRatio(),
                (double) breaches / paths, Intervals.wilson(breaches, paths, Intervals.Z95),
                timeQuantiles(stats.breachesAtSlot(), stats.binsPerStep(), breaches, run.stepDays()),
                histogram(byStep, run.stepDays()),
                buffer, bufferCi, equityQuantiles, elapsed, elapsed > 0 ? pathSteps / elapsed : Double.NaN,
                loss,
                stats.liquidation() == null ? null : LiquidationReport.of(stats.liquidation()), null, null, null);
    }

    /**
     * The smallest extra cash {@code b >= 0} with at most {@code floor(target * n)} paths whose worst shortfall
     * exceeds {@code b}, for each target: adding {@code b} lowers every path's shortfall by {@code b}, and a path
     * breaches exactly when its shortfall is positive. One rank query for all targets.
     */
    public static double[] buffers(RankedSample shortfall, double... targets) {
        long n = shortfall.size();
        long[] ranks = new long[targets.length];
        for (int t = 0; t < targets.length; t++) {
            ranks[t] = bufferRank(n, targets[t]);
        }
        double[] values = shortfall.valuesAtRanks(present(ranks));
        double[] out = new double[targets.length];
        for (int t = 0, v = 0; t < targets.length; t++) {
            out[t] = ranks[t] < 0 ? 0 : Math.max(0, values[v++]);
        }
        return out;
    }

    /**
     * For each target, {@code NaN} where {@code n} paths cannot resolve it ({@link Intervals#resolvesUpperTail}), else
     * the buffer of {@link #buffers}.
     */
    public static double[] resolvedBuffers(RankedSample shortfall, double... targets) {
        double[] out = buffers(shortfall, targets);
        for (int t = 0; t < targets.length; t++) {
            if (!Intervals.resolvesUpperTail(shortfall.size(), targets[t])) {
                out[t] = Double.NaN;
            }
        }
        return out;
    }

    /**
     * For each target, {@code {buffer, low, high}}: the buffer of {@link #buffers} and its distribution-free 95%
     * interval, the order statistics that bracket the {@code (1 - target)}-quantile of the worst shortfall, floored
     * at zero like the buffer itself. One rank query for all targets.
     */
    public static double[][] buffersWithCi95(RankedSample shortfall, double... targets) {
        long n = shortfall.size();
        long[] ranks = new long[3 * targets.length];
        for (int t = 0; t < targets.length; t++) {
            long[] ci = Intervals.quantileRanks(n, 1 - targets[t]);
            ranks[3 * t] = bufferRank(n, targets[t]);
            ranks[3 * t + 1] = ci[0];
            ranks[3 * t + 2] = ci[1];
        }
        double[] values = shortfall.valuesAtRanks(present(ranks));
        double[][] out = new double[targets.length][3];
        for (int i = 0, v = 0; i < ranks.length; i++) {
            out[i / 3][i % 3] = ranks[i] < 0 ? 0 : Math.max(0, values[v++]);
        }
        return out;
    }

    /** For each level, the smallest sample value with at least {@code level * n} values at or below it. */
    public static double[] nearestRanks(RankedSample sample, double... levels) {
        long n = sample.size();
        long[] ranks = new long[levels.length];
        for (int l = 0; l < levels.length; l++) {
            ranks[l] = nearestRank(n, levels[l]);
        }
        return sample.valuesAtRanks(ranks);
    }

    /** 0-based rank of the nearest-rank {@code level}-quantile among {@code n} values, as {@link #nearestRanks}. */
    public static long nearestRank(long n, double level) {
        long rank = (long) Math.ceil(level * n);
        return Math.max(0, Math.min(n - 1, rank - 1));
    }

    /** 0-based rank of the buffer's order statistic among {@code n} shortfalls, or -1 when the buffer is 0. */
    static long bufferRank(long n, double target) {
        long allowed = (long) Math.floor(target * n);
        return allowed >= n ? -1 : n - allowed - 1;
    }

    /** The ranks that are not -1, which stands for "no order statistic needed". */
    private static long[] present(long[] ranks) {
        return java.util.Arrays.stream(ranks).filter(r -> r >= 0).toArray();
    }

    /**
     * Nearest-rank quantiles of the first-breach time among {@code breaches} paths counted by slot, in days, each the
     * end of the bin that holds it ({@link BreachBins}): exact to a bin, and never earlier than the breaches it
     * stands for. With one bin a step (counts by step), the step's end.
     */
    static Map<String, Double> timeQuantiles(long[] bySlot, int binsPerStep, long breaches, double stepDays) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (breaches == 0) {
            return out;
        }
        for (double level : TIME_LEVELS) {
            long needed = (long) Math.ceil(level * breaches);
            long seen = 0;
            for (int slot = 1; slot < bySlot.length; slot++) {
                seen += bySlot[slot];
                if (seen >= needed) {
                    out.put(key(level), BreachBins.endInSteps(slot, binsPerStep) * stepDays);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Breaches by spans of whole steps (whole days where there are more steps than a day's): a breach within a
     * step falls in its step's span wherever in the step it crossed, so the bins need no finer counts.
     */
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
