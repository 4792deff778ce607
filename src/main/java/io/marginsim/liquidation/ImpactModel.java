package io.marginsim.liquidation;

/**
 * Price impact of a liquidation order as a fraction of the reference price, from the order's notional {@code q}
 * and the book depth {@code D} (the notional whose impact equals the coefficient {@code c}):
 * {@code linear: c * q / D}, {@code sqrt: c * sqrt(q / D)} (the square-root law of market impact). Capped at 1 so a
 * sell never fills at a negative price.
 */
public enum ImpactModel {
    LINEAR,
    SQRT;

    public double fraction(double notional, double depth, double coefficient) {
        if (!(notional > 0) || depth == Double.POSITIVE_INFINITY || coefficient == 0) {
            return 0;
        }
        double ratio = notional / depth;
        double impact = coefficient * (this == LINEAR ? ratio : Math.sqrt(ratio));
        return Math.min(1, impact);
    }
}
