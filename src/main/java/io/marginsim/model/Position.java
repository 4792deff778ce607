package io.marginsim.model;

import io.marginsim.check.Checks;
import io.marginsim.rules.MaintenanceRule;

import java.util.Objects;

/**
 * A linear perpetual or future: signed size in units of the asset (negative is short), entry price, the
 * maintenance rule that applies to it and, in isolated mode, the margin assigned to it.
 *
 * @param inverse the inverse contract this position is the USD equivalent of ({@link InverseContract#linear}), or
 *                null for a linear contract; kept so that reports can also state the position in coin
 */
public record Position(String asset, double size, double entryPrice, MaintenanceRule rule, double margin,
                       InverseContract inverse) {
    /** A linear contract. */
    public Position(String asset, double size, double entryPrice, MaintenanceRule rule, double margin) {
        this(asset, size, entryPrice, rule, margin, null);
    }

    public Position {
        Checks.nonBlank("asset", asset);
        Checks.signedSize("size", size, Checks.MAX_UNITS, "");
        Checks.atMost("entryPrice", Checks.positive("entryPrice", entryPrice), Checks.MAX_PRICE);
        Objects.requireNonNull(rule, "rule");
        Checks.atMost("margin", Checks.nonNegative("margin", margin), Checks.MAX_MONEY);
        rule.compiled(Math.abs(size), entryPrice);
    }

    /** Profit or loss at {@code price}. */
    public double unrealisedPnl(double price) {
        return size * (price - entryPrice);
    }
}
