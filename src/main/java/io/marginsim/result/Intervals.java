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
        long high = (long) Math.min(n - 1, upperRank(n, level));
        return new long[] {low, high};
    }

    /** The upper rank of {@link #quantileRanks} before it is clamped to the sample: n - 1 or more lies beyond it. */
    private static double upperRank(long n, double level) {
        return Math.ceil(n * level + Z95 * Math.sqrt(n * level * (1 - level)));
    }

    /**
     * Whether {@code n} values resolve the buffer for breach probability {@code target}, the
     * {@code (1 - target)}-quantile of the worst shortfall: the upper rank of its interval lies inside the sample.
     * Beyond that the interval (and the estimate, a handful of ranks from the top) would be the sample maximum,
     * which says nothing about the quantile.
     */
    public static boolean resolvesUpperTail(long n, double target) {
        return upperRank(n, 1 - target) <= n - 1;
    }

    /**
     * The smallest target that {@code n} values resolve ({@link #resolvesUpperTail}), rounded up to two significant
     * digits so that the value shown is itself resolved; about {@code 5.7 / n}.
     */
    public static double smallestResolvableTarget(long n) {
        // resolvable exactly above one crossing: n t - z sqrt(n t (1 - t)) first dips below 0, then grows past 1
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            if (resolvesUpperTail(n, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(hi).round(new java.math.MathContext(2,
                java.math.RoundingMode.UP));
        return rounded.doubleValue();
    }

    /**
     * The smallest probability {@code n} trials tell from zero: the upper end of the 95% Wilson interval when none of
     * them succeeds, {@code z^2 / (n + z^2)}, rounded up to two significant digits. A breach probability solved for
     * below it is met by any sample without a breach, so the answer would be the sample's extreme.
     */
    public static double smallestDistinguishableProbability(long n) {
        double z2 = Z95 * Z95;
        return new java.math.BigDecimal(z2 / (n + z2)).round(new java.math.MathContext(2,
                java.math.RoundingMode.UP)).doubleValue();
    }

    /** The fewest trials whose {@link #smallestDistinguishableProbability} is at most {@code target}. */
    public static long trialsToDistinguish(double target) {
        long n = Math.max(1, (long) Math.ceil(Z95 * Z95 * (1 - target) / target));
        while (smallestDistinguishableProbability(n) > target) {
            n++;
        }
        return n;
    }

    /** The fewest values that resolve {@code target} ({@link #resolvesUpperTail}). */
    public static long pathsToResolve(double target) {
        // n t >= x^2 with x the positive root of x^2 - z sqrt(1 - t) x - 1 = 0, then the exact test around it
        double b = Z95 * Math.sqrt(1 - target);
        double x = 0.5 * (b + Math.sqrt(b * b + 4));
        long n = Math.max(1, (long) Math.ceil(x * x / target));
        while (n > 1 && resolvesUpperTail(n - 1, target)) {
            n--;
        }
        while (!resolvesUpperTail(n, target)) {
            n++;
        }
        return n;
    }
}
