package io.marginsim.model;

import io.marginsim.check.Checks;

/**
 * A traded or collateral asset with its current price and annualised (365-day) log-return volatility and drift.
 */
public record Asset(String name, double price, double volatility, double drift) {
    public Asset {
        Checks.nonBlank("name", name);
        Checks.atMost("price", Checks.positive("price", price), Checks.MAX_PRICE);
        Checks.atMost("volatility", Checks.nonNegative("volatility", volatility), Checks.MAX_VOLATILITY);
        Checks.magnitudeAtMost("drift", drift, Checks.MAX_DRIFT);
    }
}
