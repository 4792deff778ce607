package io.marginsim.market;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;

/**
 * DCC(1,1) dynamic conditional correlation (R. Engle, "Dynamic conditional correlation: a simple class of
 * multivariate GARCH models", Journal of Business &amp; Economic Statistics 20, 2002), run once per simulation step:
 * {@code Q_t = (1 - a - b) Cbar + a eps_{t-1} eps_{t-1}' + b Q_{t-1}}, {@code R_t = diag(Q_t)^-1/2 Q_t diag(Q_t)^-1/2}.
 * {@code a} and {@code b} are per step; {@code a = b = 0} is the constant correlation {@code Cbar}.
 */
public record Dcc(double a, double b) {
    /**
     * Most assets accepted: each path refactorises an {@code n x n} correlation every step ({@code n^3 / 6}
     * multiply-adds), which is practical on the reference and a device up to here.
     */
    public static final int MAX_ASSETS = 16;

    public Dcc {
        Checks.nonNegative("a", a);
        Checks.nonNegative("b", b);
        if (!(a + b < 1)) {
            throw new SpecException("a", "plus b must be < 1 (a stationary correlation process) but was "
                    + a + " + " + b + " = " + (a + b));
        }
    }

    /** Checks the asset count against {@link #MAX_ASSETS}. */
    public static void checkAssets(String field, int assets) {
        if (assets > MAX_ASSETS) {
            throw new SpecException(field, "supports at most " + MAX_ASSETS + " assets (a Cholesky factorisation per "
                    + "path and step) but the spec has " + assets);
        }
    }
}
