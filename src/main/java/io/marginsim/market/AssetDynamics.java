package io.marginsim.market;

import io.marginsim.check.SpecException;

/**
 * The model of one asset's returns beyond its GBM volatility and drift. Field names match the asset's JSON keys.
 *
 * @param degreesOfFreedom Student-t innovations with this many degrees of freedom (> 2), or 0 for normal ones
 * @param jumps            Merton jumps, or null
 * @param garch            GARCH(1,1) variance, or null for constant volatility
 * @param ar1              lag-1 autocorrelation of the diffusion part of returns, in (-1, 1)
 */
public record AssetDynamics(double degreesOfFreedom, Jumps jumps, Garch garch, double ar1) {
    /** Largest accepted degrees of freedom: the exact chi-square draws one normal per degree each step. */
    public static final double MAX_DEGREES_OF_FREEDOM = 200;
    public static final AssetDynamics GBM = new AssetDynamics(0, null, null, 0);

    public AssetDynamics {
        if (degreesOfFreedom != 0) {
            checkDegreesOfFreedom("degreesOfFreedom", degreesOfFreedom);
        }
        if (!(Math.abs(ar1) < 1)) {
            throw new SpecException("ar1", "must be between -1 and 1 (exclusive) but was " + ar1);
        }
    }

    /** Checks a Student-t degrees of freedom: above 2 so the variance exists, bounded so the draws are too. */
    public static void checkDegreesOfFreedom(String field, double dof) {
        if (!(dof > 2 && dof <= MAX_DEGREES_OF_FREEDOM)) {
            throw new SpecException(field, "must be > 2 (finite variance) and <= " + (int) MAX_DEGREES_OF_FREEDOM
                    + " but was " + dof);
        }
    }

    /** Whether this asset follows plain GBM. */
    public boolean isGbm() {
        return degreesOfFreedom == 0 && (jumps == null || jumps.intensity() == 0) && garch == null && ar1 == 0;
    }
}
