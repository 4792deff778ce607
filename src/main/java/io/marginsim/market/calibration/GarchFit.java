package io.marginsim.market.calibration;

import io.marginsim.market.GbmMarket;

/**
 * GARCH(1,1) by Gaussian (quasi-) maximum likelihood (T. Bollerslev, "Generalized autoregressive conditional
 * heteroskedasticity", Journal of Econometrics 31, 1986): with {@code e_t = r_t - mean} (the sample mean),
 * {@code h_t = omega + alpha e_{t-1}^2 + beta h_{t-1}} and {@code h_1} the sample variance,
 * {@code ln L = -1/2 sum (ln 2 pi + ln h_t + e_t^2 / h_t)}.
 *
 * <p>Everything is per step of the data's sampling interval: {@code omega} is a variance of one interval's log
 * return, and a step of another length needs other parameters, which is why the fragment records the interval
 * beside them. The constraints {@code omega > 0, alpha >= 0, beta >= 0, alpha + beta < 1} hold by construction:
 * the simplex searches {@code (ln omega, logit(alpha + beta), logit(alpha / (alpha + beta)))}. Standard errors
 * are from the observed information in {@code (omega, alpha, beta)} with the mean held fixed; they are the
 * maximum-likelihood ones when innovations are normal and too small for fat-tailed innovations (where the
 * Bollerslev-Wooldridge sandwich would be needed). Four parameters count toward AIC (the mean included).
 * When alpha ends on its bound 0 the data show no clustering and beta is not identified (the search drifts to
 * beta near 1 with a vanishing omega); the fit then reports the constant variance {@code (variance, 0, 0)}
 * instead, with a note, so the parameters never describe a near-unit-root process the data do not support.
 */
public final class GarchFit {
    /** An alpha below this is on the bound 0. */
    static final double ALPHA_BOUND = 1e-6;

    private GarchFit() {
    }

    /**
     * @return parameters {@code omega}, {@code alpha}, {@code beta} (per interval), {@code mean} (per interval) and
     *         the derived annualised {@code longRunVolatility = sqrt(omega / (1 - alpha - beta) / dt)}
     */
    public static ModelFit fit(double[] returns, double intervalDays) {
        double mean = MaximumLikelihood.mean(returns);
        double[] e = new double[returns.length];
        for (int t = 0; t < e.length; t++) {
            e[t] = returns[t] - mean;
        }
        double variance = MaximumLikelihood.variance(returns);
        // two starts, moderate and high persistence: the likelihood is flat along alpha + beta for short series
        double[][] guesses = {{0.05, 0.90}, {0.10, 0.60}};
        double[][] starts = new double[2][];
        for (int i = 0; i < starts.length; i++) {
            double persistence = guesses[i][0] + guesses[i][1];
            starts[i] = new double[] {Math.log(variance * (1 - persistence)), MaximumLikelihood.logit(persistence),
                    MaximumLikelihood.logit(guesses[i][0] / persistence)};
        }
        double[] best = MaximumLikelihood.maximiseFromStarts(t -> logLikelihood(e, variance, natural(t)), starts,
                new double[] {0.5, 0.5, 0.5});
        double[] theta = natural(best);
        double bestValue = logLikelihood(e, variance, theta);
        MaximumLikelihood.StandardErrors errors = MaximumLikelihood.standardErrors(p -> logLikelihood(e, variance, p),
                theta);
        double[] se = errors.values();
        String note = errors.boundNote("omega", "alpha", "beta");
        if (theta[1] < ALPHA_BOUND) {
            // alpha = 0 leaves beta unidentified (h_t just decays from h_1): report the constant variance instead
            theta = new double[] {variance, 0, 0};
            bestValue = logLikelihood(e, variance, theta);
            se = new double[] {Double.NaN, Double.NaN, Double.NaN};
            note = "alpha is at its bound 0 (no volatility clustering), so beta is not identified: reported as the "
                    + "constant variance omega = sample variance, beta = 0";
        }
        double dt = intervalDays / GbmMarket.DAYS_PER_YEAR;
        double longRun = Math.sqrt(theta[0] / (1 - theta[1] - theta[2]) / dt);
        String[] names = {"omega", "alpha", "beta", "mean", "longRunVolatility"};
        return new ModelFit("garch", ModelFit.named(names, new double[] {theta[0], theta[1], theta[2], mean, longRun}),
                ModelFit.named(names, new double[] {se[0], se[1], se[2], Double.NaN, Double.NaN}), bestValue, 4, note);
    }

    /**
     * Returns divided by their conditional standard deviation under a fitted model, {@code (r_t - mean) / sqrt(h_t)}:
     * the input of the second step of {@link DccFit}.
     */
    public static double[] standardizedResiduals(double[] returns, ModelFit garch) {
        double mean = garch.get("mean");
        double[] h = conditionalVariances(returns, garch);
        double[] z = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            z[t] = (returns[t] - mean) / Math.sqrt(h[t]);
        }
        return z;
    }

    /**
     * The conditional variances {@code h_1 .. h_{T+1}} of a fitted model ({@code h_1} the sample variance): one more
     * than there are returns, the last being the forecast for the interval after the last return.
     */
    public static double[] conditionalVariances(double[] returns, ModelFit garch) {
        double mean = garch.get("mean");
        double omega = garch.get("omega");
        double alpha = garch.get("alpha");
        double beta = garch.get("beta");
        double[] h = new double[returns.length + 1];
        h[0] = MaximumLikelihood.variance(returns);
        for (int t = 1; t <= returns.length; t++) {
            double previous = returns[t - 1] - mean;
            h[t] = omega + alpha * previous * previous + beta * h[t - 1];
        }
        return h;
    }

    private static double[] natural(double[] x) {
        double persistence = MaximumLikelihood.logistic(x[1]);
        double alpha = persistence * MaximumLikelihood.logistic(x[2]);
        return new double[] {Math.exp(x[0]), alpha, persistence - alpha};
    }

    /** Gaussian log-likelihood of demeaned returns {@code e} for {@code (omega, alpha, beta)}. */
    static double logLikelihood(double[] e, double initialVariance, double[] p) {
        double omega = p[0];
        double alpha = p[1];
        double beta = p[2];
        if (!(omega > 0) || alpha < 0 || beta < 0 || !(alpha + beta < 1)) {
            return MaximumLikelihood.IMPOSSIBLE;
        }
        double h = initialVariance;
        double sum = 0;
        for (int t = 0; t < e.length; t++) {
            if (t > 0) {
                h = omega + alpha * e[t - 1] * e[t - 1] + beta * h;
            }
            sum += Math.log(h) + e[t] * e[t] / h;
        }
        return -0.5 * (e.length * Math.log(2 * Math.PI) + sum);
    }
}
