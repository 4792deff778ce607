package io.marginsim.liquidation;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;

import java.util.List;
import java.util.Objects;

/**
 * How a breached account is liquidated, with venue defaults already resolved per position.
 *
 * @param latencySeconds     detection plus execution time from the breach step to the fill
 * @param impact             slippage model, or null for fills at the reference price
 * @param impactCoefficient  {@code c} of {@link ImpactModel}
 * @param volatilityThinning {@code h}: depth is divided by {@code 1 + h * sigma} (sigma the asset's annualised
 *                           volatility), so books are thinner for volatile assets
 * @param positions          one entry per position, in account order
 */
public record LiquidationTerms(double latencySeconds, ImpactModel impact, double impactCoefficient,
                               double volatilityThinning, List<PositionTerms> positions) {
    public LiquidationTerms {
        Checks.nonNegative("latencySeconds", latencySeconds);
        Checks.atMost("slippage.coefficient", Checks.nonNegative("slippage.coefficient", impactCoefficient),
                Checks.MAX_SCALE);
        Checks.atMost("slippage.volatilityThinning",
                Checks.nonNegative("slippage.volatilityThinning", volatilityThinning), Checks.MAX_SCALE);
        positions = List.copyOf(positions);
    }

    /**
     * Terms of one position.
     *
     * @param feeRate    liquidation fee as a fraction of the notional closed, at the fill price
     * @param feeCapped  whether the fee is taken only out of the margin left after the fill, never below zero
     * @param depth      book depth in quote currency ({@code +Infinity}: no slippage)
     */
    public record PositionTerms(double feeRate, boolean feeCapped, double depth, PartialPolicy partial) {
        public PositionTerms {
            Checks.fractionBelowOne("feeRate", feeRate);
            if (!(depth > 0)) {
                throw new SpecException("slippage.depth", "must be > 0 (quote currency) but was " + depth);
            }
            Objects.requireNonNull(partial, "partial");
        }
    }
}
