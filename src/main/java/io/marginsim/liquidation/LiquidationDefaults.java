package io.marginsim.liquidation;

import io.marginsim.check.Checks;

/**
 * A venue's liquidation and funding defaults, read from the {@code liquidation} object of its preset file. They
 * apply only where a spec opts in: a {@code liquidation} object takes the fee, latency and partial policy of each
 * position's venue for what it does not set, and a position's {@code funding} object its venue's rate and interval.
 *
 * @param feeCappedAtRemainingMargin whether the venue takes its liquidation fee only out of the margin left after
 *                                   the fill (so the fee alone never makes bad debt), as Binance's clearance fee
 * @param funding                    null when the venue has no perpetual funding
 */
public record LiquidationDefaults(double feeRate, boolean feeCappedAtRemainingMargin, double latencySeconds,
                                  PartialPolicy partial, Funding funding) {
    /** Inline rules, and venues whose preset has no liquidation object: no fee, no latency, full closes. */
    public static final LiquidationDefaults NONE = new LiquidationDefaults(0, false, 0, PartialPolicy.FULL, null);

    public LiquidationDefaults {
        Checks.fractionBelowOne("feeRate", feeRate);
        Checks.nonNegative("latencySeconds", latencySeconds);
    }
}
