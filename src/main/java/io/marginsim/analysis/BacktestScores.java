package io.marginsim.analysis;

import io.marginsim.result.Intervals;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * How well predicted breach probabilities match realised breaches over a set of windows.
 *
 * @param realisedFrequency      share of windows that breached
 * @param brierScore             mean of {@code (p - y)^2}, {@code y} 1 for a breach; lower is better
 * @param climatologyBrierScore  the Brier score of always predicting {@code realisedFrequency}, the reference a
 *                               forecast should beat: {@code f (1 - f)}
 * @param kupiecStatistic        Kupiec's proportion-of-failures likelihood ratio (see {@link #kupiecStatistic})
 * @param kupiecPValue           its p-value against chi-square with one degree of freedom, windows taken as
 *                               independent
 * @param zScore                 {@code (f - pbar) / sqrt(pbar (1 - pbar) overlap / n)}: the binomial z of the
 *                               realised frequency against the mean prediction, variance inflated by the overlap
 *                               factor because windows that share days breach together
 * @param zPValue                its two-sided normal p-value
 * @param reliability            per bucket of predicted probability, the non-empty ones
 */
public record BacktestScores(double realisedFrequency, double brierScore, double climatologyBrierScore,
                             double kupiecStatistic, double kupiecPValue, double zScore, double zPValue,
                             List<Bucket> reliability) {
    /** Buckets of width 0.1 over predicted probability. */
    public static final int BUCKETS = 10;

    /**
     * Windows whose prediction lies in {@code [from, to)} (the last bucket includes 1): how many, their mean
     * prediction, the share that breached and its Wilson 95% interval.
     */
    public record Bucket(double from, double to, int windows, double meanPredicted, double realised, double[] realisedCi95) {
    }

    /**
     * @param overlap windows per independent one, {@code ceil(horizonDays / everyDays)}
     */
    public static BacktestScores of(double[] predicted, boolean[] breached, int overlap) {
        int n = predicted.length;
        int failures = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double y = breached[i] ? 1 : 0;
            failures += breached[i] ? 1 : 0;
            brier += (predicted[i] - y) * (predicted[i] - y);
        }
        double frequency = (double) failures / n;
        double mean = mean(predicted);
        double lr = kupiecStatistic(failures, n, mean);
        double z = zScore(frequency, mean, n, overlap);
        return new BacktestScores(frequency, brier / n, frequency * (1 - frequency), lr, kupiecPValue(lr), z, Double.isNaN(z) ? Double.NaN : 2 * new NormalDistribution().cumulativeProbability(-Math.abs(z)),
                reliability(predicted, breached));
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * Kupiec (1995) proportion of failures: {@code x} breaches in {@code n} windows tested against the null that each
     * window breaches independently with probability {@code p}. {@code LR = -2 ln[(1-p)^(n-x) p^x / ((1-f)^(n-x) f^x)]}
     * with {@code f = x / n}, asymptotically chi-square with one degree of freedom; {@code 0 ln 0 = 0}, and a
     * breach count that {@code p = 0} or {@code 1} rules out gives infinity.
     */
    public static double kupiecStatistic(long x, long n, double p) {
        double f = (double) x / n;
        double logNull = xLogY(n - x, 1 - p) + xLogY(x, p);
        double logAlternative = xLogY(n - x, 1 - f) + xLogY(x, f);
        return Math.max(0, -2 * (logNull - logAlternative));
    }

    /** Upper tail of chi-square with one degree of freedom at the Kupiec statistic. */
    public static double kupiecPValue(double statistic) {
        return Double.isInfinite(statistic) ? 0 : 1 - new ChiSquaredDistribution(1).cumulativeProbability(statistic);
    }

    private static double xLogY(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }

    /** NaN when the mean prediction is 0 or 1 and so has no variance. */
    static double zScore(double frequency, double meanPredicted, int n, int overlap) {
        double variance = meanPredicted * (1 - meanPredicted) * overlap / n;
        return variance > 0 ? (frequency - meanPredicted) / Math.sqrt(variance) : Double.NaN;
    }

    static List<Bucket> reliability(double[] predicted, boolean[] breached) {
        int[] count = new int[BUCKETS];
        int[] hits = new int[BUCKETS];
        double[] sum = new double[BUCKETS];
        for (int i = 0; i < predicted.length; i++) {
            int b = Math.min(BUCKETS - 1, (int) Math.floor(predicted[i] * BUCKETS));
            count[b]++;
            hits[b] += breached[i] ? 1 : 0;
            sum[b] += predicted[i];
        }
        List<Bucket> out = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            if (count[b] > 0) {
                out.add(new Bucket((double) b / BUCKETS, (double) (b + 1) / BUCKETS, count[b], sum[b] / count[b],
                        (double) hits[b] / count[b], Intervals.wilson(hits[b], count[b], Intervals.Z95)));
            }
        }
        return out;
    }
}
