package io.marginsim.market;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;

/**
 * GARCH(1,1) variance (Bollerslev 1986), run once per simulation step: {@code h' = omega dt + alpha e^2 + beta h}
 * with {@code e} the step's diffusion shock. {@code omega} is an annualised variance rate, so the long-run annual
 * variance is {@code omega / (1 - alpha - beta)}; {@code alpha} and {@code beta} are per step.
 *
 * @param initialVolatility annualised volatility of the first step, or NaN to start at the long-run level
 */
public record Garch(double omega, double alpha, double beta, double initialVolatility) {
    public Garch {
        Checks.nonNegative("alpha", alpha);
        Checks.nonNegative("beta", beta);
        if (!(alpha + beta < 1)) {
            throw new SpecException("alpha", "plus beta must be < 1 (a stationary variance) but was "
                    + alpha + " + " + beta + " = " + (alpha + beta));
        }
        Checks.positive("omega", omega);
        if (!Double.isNaN(initialVolatility)) {
            Checks.atMost("initialVolatility", Checks.nonNegative("initialVolatility", initialVolatility),
                    Checks.MAX_VOLATILITY);
        }
    }

    /**
     * Refuses a long-run volatility above {@link Checks#MAX_VOLATILITY}, for a GARCH that someone wrote down. A GARCH
     * fitted to real history ({@code market.historical}) is not held to it: a near-integrated fit (alpha + beta
     * within 1e-10 of 1) has an enormous long-run level that its variance approaches only over centuries, so only
     * its starting volatility, the one the paths begin from, is bounded.
     */
    public Garch requireModestLongRun() {
        double longRun = longRunVolatility();
        if (!(longRun <= Checks.MAX_VOLATILITY)) {
            throw new SpecException("omega", "must give a long-run volatility sqrt(omega / (1 - alpha - beta)) of at "
                    + "most " + Checks.show(Checks.MAX_VOLATILITY) + " but was " + omega + " (volatility " + longRun
                    + ")");
        }
        return this;
    }

    /** Long-run annualised volatility {@code sqrt(omega / (1 - alpha - beta))}. */
    public double longRunVolatility() {
        return Math.sqrt(omega / (1 - alpha - beta));
    }
}
