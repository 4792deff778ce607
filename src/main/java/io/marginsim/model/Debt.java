package io.marginsim.model;

import io.marginsim.check.Checks;

/** Units of an asset borrowed against the account's collateral; their value is subtracted from equity. */
public record Debt(String asset, double amount) {
    public Debt {
        Checks.nonBlank("asset", asset);
        Checks.atMost("amount", Checks.nonNegative("amount", amount), Checks.MAX_UNITS);
    }
}
