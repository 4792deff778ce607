package io.marginsim.model;

import io.marginsim.check.Checks;

/**
 * Units of an asset pledged as collateral.
 *
 * @param haircut              fraction of the value not counted in equity (margin venues' collateral ratio)
 * @param liquidationThreshold fraction of the value that may back debt (lending venues); the remaining
 *                             {@code 1 - threshold} of its value is added to the requirement. One means none.
 */
public record Collateral(String asset, double amount, double haircut, double liquidationThreshold) {
    public Collateral {
        Checks.nonBlank("asset", asset);
        Checks.atMost("amount", Checks.nonNegative("amount", amount), Checks.MAX_UNITS);
        Checks.fractionBelowOne("haircut", haircut);
        Checks.fraction("liquidationThreshold", liquidationThreshold);
    }

    /** Collateral counted at its value less a haircut. */
    public static Collateral withHaircut(String asset, double amount, double haircut) {
        return new Collateral(asset, amount, haircut, 1.0);
    }
}
