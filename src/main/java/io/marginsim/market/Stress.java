package io.marginsim.market;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;

import java.util.Arrays;

/**
 * A stress overlay on any model: an instantaneous log return per asset at time zero, a multiplier on every
 * asset's volatility, and a pull of the correlation toward one, {@code C' = (1 - lambda) C + lambda 1 1^T}
 * (a convex combination of two correlation matrices, so still one).
 *
 * @param shock one log return per asset, in asset order
 */
public record Stress(double[] shock, double volatilityMultiplier, double correlationToOne) {
    public static Stress none(int assets) {
        return new Stress(new double[assets], 1, 0);
    }

    public Stress {
        shock = shock.clone();
        for (int a = 0; a < shock.length; a++) {
            Checks.magnitudeAtMost("shock[" + a + "]", shock[a], Checks.MAX_LOG_RETURN);
        }
        Checks.atMost("volatilityMultiplier", Checks.nonNegative("volatilityMultiplier", volatilityMultiplier),
                Checks.MAX_VOLATILITY_MULTIPLIER);
        Checks.fraction("correlationToOne", correlationToOne);
    }

    @Override
    public double[] shock() {
        return shock.clone();
    }

    /** The stressed correlation matrix. */
    public double[][] apply(double[][] correlation) {
        int n = correlation.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = (1 - correlationToOne) * correlation[i][j] + correlationToOne;
            }
        }
        return out;
    }

    /** Whether the overlay changes nothing. */
    public boolean isNone() {
        return volatilityMultiplier == 1 && correlationToOne == 0 && java.util.Arrays.stream(shock).allMatch(x -> x == 0);
    }

    static void checkLength(String field, int length, int assets) {
        if (length != assets) {
            throw new SpecException(field, "must have one entry per asset (" + assets + ") but had " + length);
        }
    }

    /** Value equality: a record compares arrays by identity otherwise. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Stress s && Arrays.equals(shock, s.shock)
                && Double.compare(volatilityMultiplier, s.volatilityMultiplier) == 0
                && Double.compare(correlationToOne, s.correlationToOne) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shock) + Double.hashCode(volatilityMultiplier)) + Double.hashCode(correlationToOne);
    }

    @Override
    public String toString() {
        return "Stress[shock=" + Arrays.toString(shock) + ", volatilityMultiplier=" + volatilityMultiplier
                + ", correlationToOne=" + correlationToOne + "]";
    }
}
