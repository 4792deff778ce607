package io.marginsim.result;

import io.marginsim.stats.RankedSample;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Value at risk and expected shortfall of the loss, {@code initialEquity - terminalEquity} per path, with 95%
 * intervals, plus the {@link PeaksOverThreshold} tail fit; all read from the terminal-equity sample by rank in one
 * query, so the values may stay on an engine's device.
 *
 * <ul>
 *   <li>VaR at level {@code p}: {@code initialEquity} minus the nearest-rank terminal-equity quantile at
 *   {@code 1 - p} (the smallest value with at least {@code (1 - p) n} at or below it), as
 *   {@link ReportBuilder#nearestRank} defines quantiles; its interval is the distribution-free one of
 *   {@link Intervals#quantileRanks}, exact in coverage up to the normal approximation of the binomial.</li>
 *   <li>ES at level {@code p}: the mean of the {@code k = ceil((1 - p) n)} largest losses. Its interval is the CLT one
 *   of Brazauskas, Jones, Puri and Zitikis (2008, J. Statist. Plann. Inference 138): variance
 *   {@code (s^2 + p (ES - VaR)^2) / k}, {@code s^2} the variance of those {@code k} losses; it needs a finite tail
 *   variance (shape below 1/2) and covers less than 95% when {@code k} is small.</li>
 *   <li>At most {@link #TAIL_CAP} of the smallest terminal equities are read exactly. When {@code k} exceeds that
 *   (runs of more than about {@code TAIL_CAP / (1 - p)} paths) the losses between the last one read and the VaR are
 *   read at {@value #MIDDLE_GRID} evenly spaced ranks and summed by the trapezoid rule; {@code esMethod} then says
 *   {@code sampled} instead of {@code exact}. Losses fall monotonically with rank, so the sum is off by at most
 *   half a grid step times the range those losses span: the ES by at most that range / {@code (2 * MIDDLE_GRID)}
 *   whatever {@code n} is, far inside its interval.</li>
 * </ul>
 */
public final class LossStatistics {
    public static final double[] LEVELS = {0.99, 0.999};
    /** {@code 1 - LEVELS}, written exactly so that ranks do not suffer {@code 1 - 0.99 != 0.01}. */
    static final double[] TAILS = {0.01, 0.001};
    /**
     * Most of the smallest terminal equities read exactly. The device answers a rank query with one 65536-bin
     * histogram (256 KiB back to the host) per distinct key prefix among the ranks asked, per radix pass, so a run of
     * contiguous ranks costs up to one histogram per rank in every pass after the first (two passes in float, four
     * in double): 2^14 keeps that to a few GiB at worst, in double, whatever the number of paths, while leaving
     * thousands of exceedances for the fit and the ES sum exact up to a million paths.
     */
    public static final int TAIL_CAP = 1 << 14;
    /** Share of the largest losses read for the mean-excess diagnostic (a band below the fit's threshold). */
    static final double DIAGNOSTIC_TAIL = 0.05;
    /** Most ranks sampled between the exactly read tail and the VaR when the ES needs more losses than were read. */
    static final int MIDDLE_GRID = 1024;

    private LossStatistics() {
    }

    /** How many of the smallest terminal equities a sample of {@code n} paths has read. */
    static int tailCount(long n, int cap) {
        long wanted = Math.max((long) Math.ceil(DIAGNOSTIC_TAIL * n), PeaksOverThreshold.thresholdCount(n) + 1);
        return (int) Math.min(n, Math.min(cap, wanted));
    }

    public static LossReport of(RankedSample terminalEquity, double initialEquity) {
        return of(terminalEquity, initialEquity, TAIL_CAP);
    }

    /** As {@link #of(RankedSample, double)} reading at most {@code cap} ranks of the tail. */
    static LossReport of(RankedSample terminalEquity, double initialEquity, int cap) {
        long n = terminalEquity.size();
        return from(n, initialEquity, cap, terminalEquity.valuesAtRanks(ranks(n, cap)));
    }

    /**
     * The terminal-equity ranks the statistics of {@code n} paths read, so that a caller can ask for them in the same
     * query as its own: the {@code m} smallest, then VaR and its interval per level, then the sampled middles.
     */
    public static long[] ranks(long n) {
        return ranks(n, TAIL_CAP);
    }

    static long[] ranks(long n, int cap) {
        if (n == 0) {
            throw new IllegalArgumentException("loss statistics need at least one path");
        }
        int m = tailCount(n, cap);
        long[][] middles = middles(n, m);
        int count = m + 3 * TAILS.length;
        for (long[] middle : middles) {
            count += middle.length;
        }
        long[] ranks = new long[count];
        for (int i = 0; i < m; i++) {
            ranks[i] = i;
        }
        for (int l = 0, at = m + 3 * TAILS.length; l < TAILS.length; l++) {
            long[] ci = Intervals.quantileRanks(n, TAILS[l]);
            ranks[m + 3 * l] = ReportBuilder.nearestRank(n, TAILS[l]);
            ranks[m + 3 * l + 1] = ci[0];
            ranks[m + 3 * l + 2] = ci[1];
            System.arraycopy(middles[l], 0, ranks, at, middles[l].length);
            at += middles[l].length;
        }
        return ranks;
    }

    private static long[][] middles(long n, int m) {
        long[][] middles = new long[TAILS.length][];
        for (int l = 0; l < TAILS.length; l++) {
            middles[l] = middleRanks(m, (long) Math.ceil(TAILS[l] * n));
        }
        return middles;
    }

    /** The statistics from the terminal equities at {@link #ranks(long)}, in that order. */
    public static LossReport from(long n, double initialEquity, double[] equity) {
        return from(n, initialEquity, TAIL_CAP, equity);
    }

    static LossReport from(long n, double initialEquity, int cap, double[] equity) {
        int m = tailCount(n, cap);
        long[][] middles = middles(n, m);
        double[] loss = new double[equity.length];
        for (int i = 0; i < equity.length; i++) {
            loss[i] = initialEquity - equity[i];
        }
        double[] largest = Arrays.copyOf(loss, m);
        PeaksOverThreshold pot = PeaksOverThreshold.fit(largest, n);

        Map<String, Double> var = new LinkedHashMap<>();
        Map<String, double[]> varCi = new LinkedHashMap<>();
        Map<String, Double> es = new LinkedHashMap<>();
        Map<String, double[]> esCi = new LinkedHashMap<>();
        Map<String, String> esMethod = new LinkedHashMap<>();
        for (int l = 0, at = m + 3 * TAILS.length; l < TAILS.length; l++) {
            String key = ReportBuilder.key(LEVELS[l]);
            var.put(key, loss[m + 3 * l]);
            // a higher equity rank is a lower loss
            varCi.put(key, new double[] {loss[m + 3 * l + 2], loss[m + 3 * l + 1]});
            long k = (long) Math.ceil(TAILS[l] * n);
            double[] middle = Arrays.copyOfRange(loss, at, at + middles[l].length);
            at += middles[l].length;
            double[] tail = tailMean(largest, k, middles[l], middle, LEVELS[l]);
            es.put(key, tail[0]);
            esCi.put(key, new double[] {tail[1], tail[2]});
            // below MIDDLE_GRID unread losses, every one of them is read
            esMethod.put(key, middle.length < k - Math.min(k, m) ? "sampled" : "exact");
        }
        return new LossReport(var, varCi, es, esCi, esMethod, pot.toReport());
    }

    /**
     * Ranks {@code m .. k - 1} of the {@code k} largest losses that were not read exactly, thinned to at most
     * {@link #MIDDLE_GRID} evenly spaced ones, first and last included; empty when {@code k <= m}.
     */
    static long[] middleRanks(int m, long k) {
        if (k <= m) {
            return new long[0];
        }
        int g = (int) Math.min(MIDDLE_GRID, k - m);
        long[] ranks = new long[g];
        for (int j = 0; j < g; j++) {
            ranks[j] = g == 1 ? m : m + j * (k - 1 - m) / (g - 1);
        }
        return ranks;
    }

    /**
     * {@code {es, low, high}}: the mean of the {@code k} largest losses and its CLT 95% interval, in which the VaR's
     * own uncertainty adds {@code p (ES - VaR)^2} to the tail variance. {@code largest} holds the largest losses in
     * descending order, exactly; losses at ranks beyond it are known at {@code middleRanks} only and summed by the
     * trapezoid rule over rank, which, since losses fall with rank, is off by at most half a grid step times
     * the loss range they span.
     */
    static double[] tailMean(double[] largest, long k, long[] middleRanks, double[] middle, double level) {
        int exact = (int) Math.min(k, largest.length);
        double valueAtRisk = middle.length == 0 ? largest[exact - 1] : middle[middle.length - 1];
        // moments about the VaR, which keeps the variance free of cancellation
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < exact; i++) {
            double d = largest[i] - valueAtRisk;
            s1 += d;
            s2 += d * d;
        }
        int g = middle.length;
        for (int j = 0; j < g; j++) {
            double d = middle[j] - valueAtRisk;
            // weight of rank j: half of each gap it bounds, plus a half at either end for the end ranks themselves
            double before = j == 0 ? 1 : middleRanks[j] - middleRanks[j - 1];
            double after = j == g - 1 ? 1 : middleRanks[j + 1] - middleRanks[j];
            double w = (before + after) / 2;
            s1 += w * d;
            s2 += w * d * d;
        }
        double gap = s1 / k;
        double variance = k > 1 ? Math.max(0, (s2 - s1 * gap) / (k - 1)) : 0;
        double half = Intervals.Z95 * Math.sqrt((variance + level * gap * gap) / k);
        double mean = valueAtRisk + gap;
        return new double[] {mean, mean - half, mean + half};
    }
}
