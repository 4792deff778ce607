package io.marginsim.liquidation;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * How much of a position one liquidation event keeps, as the notional on the position's rule basis.
 * <ul>
 *   <li>{@code FULL}: nothing is kept;</li>
 *   <li>{@code TIER}: the position is reduced to the largest notional of the next lower bracket of its own rule
 *       (the floor of the bracket it is in; Binance and Bybit reduce a large position tier by tier); in the first
 *       bracket it is closed. A further cut within the same step's settlement goes on down from the notional the
 *       last one kept (the account passes that notional in);</li>
 *   <li>{@code FRACTION}: {@code fraction} of the position is closed when its notional exceeds {@code aboveNotional}
 *       (Hyperliquid: 20% above 100,000 USDC), otherwise all of it.</li>
 * </ul>
 */
public record PartialPolicy(Mode mode, double fraction, double aboveNotional) {
    public static final PartialPolicy FULL = new PartialPolicy(Mode.FULL, 1, 0);

    public enum Mode {
        FULL,
        TIER,
        FRACTION
    }

    public PartialPolicy {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.FRACTION && !(fraction > 0 && fraction <= 1)) {
            throw new SpecException("fraction", "must be > 0 and <= 1 (the share closed per event) but was "
                    + fraction);
        }
        Checks.atMost("aboveNotional", Checks.nonNegative("aboveNotional", aboveNotional), Checks.MAX_MONEY);
    }

    /**
     * Notional a position keeps after one event, given its notional now.
     *
     * @param bracketFloor the floor of the bracket of the position's own rule that holds a notional, 0 in the first
     *                     bracket (used by {@code TIER} only)
     */
    public double keptNotional(double notional, DoubleUnaryOperator bracketFloor) {
        return switch (mode) {
            case FULL -> 0;
            // nextDown: a position sitting exactly on a floor belongs to that bracket but must still move down one
            case TIER -> bracketFloor.applyAsDouble(Math.nextDown(notional));
            case FRACTION -> notional > aboveNotional ? (1 - fraction) * notional : 0;
        };
    }
}
