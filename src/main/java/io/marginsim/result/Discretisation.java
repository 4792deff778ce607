package io.marginsim.result;

/**
 * A check of the time step: the breach probability of the same spec at half the steps per day (same seed), and what
 * the difference says about the bias of the full-step estimate. With an error that shrinks like {@code dt^order},
 * {@code p(dt) = p* - c dt^order}, the full- and half-step estimates differ by {@code c dt^order (2^order - 1)}, so the
 * full-step bias is that difference over {@code 2^order - 1} (Richardson extrapolation). Step-end monitoring misses
 * barrier crossings between checks at order 1/2 (Broadie, Glasserman and Kou 1997); the bridge of continuous
 * monitoring leaves an error of order 1 at most (none for one GBM asset under a flat rule).
 *
 * @param stepsPerDay             the half-step run's steps per day
 * @param breachProbability       its breach probability
 * @param difference              full-step minus half-step breach probability
 * @param differenceCi95          normal 95% interval of the difference, the two runs' sampling errors added as if
 *                                independent (their shocks differ, since each step draws its own)
 * @param order                   the error's assumed order in the time step
 * @param estimatedBias           limit minus full-step estimate: {@code difference / (2^order - 1)}
 * @param estimatedBiasCi95       the difference's interval scaled the same way
 * @param extrapolatedBreachProbability the full-step estimate plus that bias, kept in [0, 1]
 */
public record Discretisation(int stepsPerDay, double breachProbability, double difference, double[] differenceCi95,
                             double order, double estimatedBias, double[] estimatedBiasCi95,
                             double extrapolatedBreachProbability) {

    /** From the two runs' breach probabilities and path counts. */
    public static Discretisation of(double full, long fullPaths, int halfStepsPerDay, double half, long halfPaths,
                                    boolean continuous) {
        double difference = full - half;
        double se = Math.sqrt(full * (1 - full) / fullPaths + half * (1 - half) / halfPaths);
        double order = continuous ? 1 : 0.5;
        double scale = 1 / (Math.pow(2, order) - 1);
        double[] ci = {difference - Intervals.Z95 * se, difference + Intervals.Z95 * se};
        return new Discretisation(halfStepsPerDay, half, difference, ci, order, difference * scale,
                new double[] {ci[0] * scale, ci[1] * scale}, Math.min(1, Math.max(0, full + difference * scale)));
    }
}
