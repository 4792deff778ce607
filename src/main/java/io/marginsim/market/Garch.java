package io.marginsim.market;

import io.marginsim.spec.Checks;
import io.marginsim.spec.SpecException;

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
        // the fields are not assigned yet, so longRunVolatility() cannot be called here
        double longRun = Math.sqrt(omega / (1 - alpha - beta));
        if (!(longRun <= Checks.MAX_VOLATILITY)) {
            throw new SpecException("omega", "must give a long-run volatility sqrt(omega / (1 - alpha - beta)) of at "
                    + "most " + Checks.show(Checks.MAX_VOLATILITY) + " but was " + omega + " (volatility " + longRun
                    + ")");
        }
        if (!Double.isNaN(initialVolatility)) {
            Checks.atMost("initialVolatility", Checks.nonNegative("initialVolatility", initialVolatility),
                    Checks.MAX_VOLATILITY);
        }
    }

    /** Long-run annualised volatility {@code sqrt(omega / (1 - alpha - beta))}. */
    public double longRunVolatility() {
        return Math.sqrt(omega / (1 - alpha - beta));
    }
}
