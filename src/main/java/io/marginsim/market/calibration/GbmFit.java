package io.marginsim.market.calibration;

import io.marginsim.market.GbmMarket;

/**
 * Geometric Brownian motion by moments: log returns over an interval of {@code dt} years are normal with mean
 * {@code (mu - sigma^2/2) dt} and variance {@code sigma^2 dt}, so {@code sigma = s / sqrt(dt)} with {@code s} the
 * sample standard deviation (divisor n - 1) and {@code mu = mean / dt + sigma^2 / 2}. Years have
 * {@link GbmMarket#DAYS_PER_YEAR} days.
 *
 * <p>Standard errors are the normal-theory ones: {@code sigma / sqrt(2 (n - 1))} for the volatility and
 * {@code sigma / sqrt(T)} for the drift, {@code T = n dt} years of data (the drift is poorly determined by any
 * realistic history). The log-likelihood is the normal one at the maximum-likelihood variance, two parameters.
 */
public final class GbmFit {
    private GbmFit() {
    }

    /**
     * @param returns     log returns, one per interval
     * @param intervalDays the sampling interval in days
     * @return parameters {@code volatility} and {@code drift}, annualised
     */
    public static ModelFit fit(double[] returns, double intervalDays) {
        int n = returns.length;
        double dt = intervalDays / GbmMarket.DAYS_PER_YEAR;
        double mean = MaximumLikelihood.mean(returns);
        double variance = MaximumLikelihood.variance(returns);
        double volatility = Math.sqrt(variance / dt);
        double drift = mean / dt + 0.5 * volatility * volatility;
        double mleVariance = variance * (n - 1) / n;
        double logLikelihood = -0.5 * n * (Math.log(2 * Math.PI * mleVariance) + 1);
        return new ModelFit("gbm",
                ModelFit.named(new String[] {"volatility", "drift"}, new double[] {volatility, drift}),
                ModelFit.named(new String[] {"volatility", "drift"},
                        new double[] {volatility / Math.sqrt(2.0 * (n - 1)), volatility / Math.sqrt(n * dt)}),
                logLikelihood, 2);
    }
}
