package io.marginsim.result;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Confidence intervals for Monte Carlo estimates. */
public final class Intervals {
    /** The 97.5% standard normal quantile, for two-sided 95% intervals. */
    public static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.975);

    private Intervals() {
    }

    /**
     * Wilson score interval for a binomial proportion (E. B. Wilson, JASA 22, 1927): unlike the normal
     * approximation it stays inside [0, 1] and is honest when no or all paths breach.
     */
    public static double[] wilson(long successes, long trials, double z) {
        if (trials <= 0) {
            throw new IllegalArgumentException("trials must be > 0 but was " + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // at 0 or n successes the bound is exactly 0 or 1; the formula would leave rounding residue there
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == trials ? 1 : Math.min(1, centre + half);
        return new double[] {low, high};
    }

    /**
     * Ranks (0-based, into the sorted sample) bounding a 95% distribution-free interval for the
     * {@code level}-quantile: the number of sample values below the true quantile is Binomial(n, level).
     */
    public static long[] quantileRanks(long n, double level) {
        double centre = n * level;
        double half = Z95 * Math.sqrt(n * level * (1 - level));
        long low = (long) Math.max(0, Math.floor(centre - half) - 1);
        long high = (long) Math.min(n - 1, Math.ceil(centre + half));
        return new long[] {low, high};
    }
}
