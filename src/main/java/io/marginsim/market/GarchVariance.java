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

    public static double next(double omegaStep, double alpha, double beta, double variance, double innovation) {
        return omegaStep + (alpha * innovation * innovation + beta) * variance;
    }
}
