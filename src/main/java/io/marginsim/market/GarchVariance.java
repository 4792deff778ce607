package io.marginsim.market;

/**
 * The GARCH(1,1) recursion of Bollerslev (1986), "Generalized autoregressive conditional heteroskedasticity",
 * in per-step units: {@code h' = omegaStep + (alpha u^2 + beta) h} where {@code u} is the unit-variance innovation
 * of the step (so {@code sqrt(h) u} is the shock). With {@code E[u^2] = 1} the stationary mean of {@code h} is
 * {@code omegaStep / (1 - alpha - beta)} and the autocorrelation of squared shocks decays like
 * {@code (alpha + beta)^k}.
 */
public final class GarchVariance {
    private GarchVariance() {
    }

    /**
     * The log drift of a step whose shock is {@code multiplier * sqrt(variance) * u}: {@code stepDrift} (mu dt, less
     * any jump compensators) less half that shock's variance. Half the step's own variance, not the long-run one, is
     * what makes {@code E[exp(drift + shock)] = exp(stepDrift)} for a normal {@code u} in any variance state; with the
     * long-run variance a nearly integrated fit (huge long-run variance) would crash every path on its first step.
     */
    public static double logDrift(double stepDrift, double multiplier, double variance) {
        return stepDrift - 0.5 * multiplier * multiplier * variance;
    }

    public static double next(double omegaStep, double alpha, double beta, double variance, double innovation) {
        return omegaStep + (alpha * innovation * innovation + beta) * variance;
    }
}
