package io.marginsim.liquidation;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;

/**
 * A funding rate linked to the perpetual's premium over its index, in the form venues publish. Binance USD-M
 * (https://www.binance.com/en/support/faq/introduction-to-binance-futures-funding-rates-360033525031):
 * {@code F = P + clamp(I - P, -0.05%, +0.05%)} per 8 h with interest rate {@code I = 0.01%} per 8 h, and {@code F}
 * bounded by a per-symbol cap and floor. Bybit and Hyperliquid publish the same form.
 *
 * <p>The model has one price per asset, not a perpetual and an index, so the premium is taken from the simulated
 * path itself: {@code P = basisSensitivity * (log S_t - log S_{t - interval})}, the asset's log return over the
 * trailing funding interval. Perpetuals trade above their index after rallies (longs crowd in and pay) and below
 * it after sell-offs, so the premium follows the recent move; {@code basisSensitivity} is how many units of premium
 * one unit of log return buys. It is a modelling assumption, not a venue number: a venue's premium index is an
 * average of order-book impact prices over the interval. The premium itself is not clamped; the cap and floor bound
 * the rate it produces.
 *
 * @param basisSensitivity premium per unit of trailing log return; 0 makes the rate {@code clamp(I, floor, cap)}
 *                         (within the band)
 * @param clampBand        half-width of the band around {@code I - P}
 * @param rateCap          largest funding rate per interval
 * @param rateFloor        smallest funding rate per interval
 */
public record PremiumLink(double basisSensitivity, double clampBand, double rateCap, double rateFloor) {
    public PremiumLink {
        Checks.atMost("basisSensitivity", Checks.nonNegative("basisSensitivity", basisSensitivity), Checks.MAX_SCALE);
        Checks.atMost("clampBand", Checks.nonNegative("clampBand", clampBand), Checks.MAX_FUNDING_RATE);
        Checks.magnitudeAtMost("rateCap", rateCap, Checks.MAX_FUNDING_RATE);
        Checks.magnitudeAtMost("rateFloor", rateFloor, Checks.MAX_FUNDING_RATE);
        if (!(rateFloor <= rateCap)) {
            throw new SpecException("rateFloor", "must be <= rateCap (" + rateCap + ") but was " + rateFloor);
        }
    }

    /** The funding rate of an interval from its premium and the interest rate, both per interval. */
    public double rate(double premium, double interestRate) {
        double rate = premium + clamp(interestRate - premium, -clampBand, clampBand);
        return clamp(rate, rateFloor, rateCap);
    }

    /** The same clamp with the basis sensitivity the spec chose. */
    public PremiumLink withSensitivity(double sensitivity) {
        return new PremiumLink(sensitivity, clampBand, rateCap, rateFloor);
    }

    private static double clamp(double x, double low, double high) {
        return Math.max(low, Math.min(high, x));
    }
}
