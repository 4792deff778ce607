package io.marginsim.liquidation;

import io.marginsim.check.Checks;

/**
 * Fraction of a collateral asset's value not counted in equity.
 *
 * <p>{@link VolatilityScaled}: {@code haircut = min(cap, k * sigma * sqrt(horizonDays / 365))}, the move of
 * {@code k} standard deviations over the time the venue needs to sell the collateral. {@code sigma} is the
 * asset's annualised volatility; under GBM it is constant, so the haircut is fixed when the spec is compiled.
 * For a GARCH asset the haircut follows the path: each step it is evaluated at the conditional volatility of the
 * coming step ({@link io.marginsim.problem.Frictions.PathHaircuts}), as a venue that re-estimates volatility would.
 */
public sealed interface HaircutModel {

    double haircut(double volatility);

    record Fixed(double value) implements HaircutModel {
        public Fixed {
            Checks.fractionBelowOne("haircut", value);
        }

        @Override
        public double haircut(double volatility) {
            return value;
        }
    }

    record VolatilityScaled(double k, double cap, double horizonDays) implements HaircutModel {
        public VolatilityScaled {
            Checks.atMost("k", Checks.nonNegative("k", k), Checks.MAX_SCALE);
            Checks.fractionBelowOne("cap", cap);
            Checks.atMost("liquidationHorizonDays", Checks.positive("liquidationHorizonDays", horizonDays),
                    Checks.MAX_LIQUIDATION_HORIZON_DAYS);
        }

        @Override
        public double haircut(double volatility) {
            return Math.min(cap, k * volatility * Math.sqrt(horizonDays / 365.0));
        }
    }
}
