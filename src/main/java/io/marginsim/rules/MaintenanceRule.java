package io.marginsim.rules;

import io.marginsim.spec.Checks;
import io.marginsim.spec.SpecException;

import java.util.List;

/**
 * How a venue computes the maintenance requirement of one linear position. Every rule reduces to a
 * {@link TierTable} for the position's size, which is what the engines evaluate along each path.
 */
public sealed interface MaintenanceRule {

    Basis basis();

    /** The brackets that apply to a position of {@code absSize} units. */
    TierTable tiers(double absSize);

    /** One rate on the whole notional. */
    record Flat(double rate, Basis basis) implements MaintenanceRule {
        public Flat {
            Checks.fractionBelowOne("rate", rate);
        }

        @Override
        public TierTable tiers(double absSize) {
            return TierTable.flat(rate);
        }
    }

    /** Brackets by notional with the cumulative deduction derived from the floors (Binance, Bybit). */
    record Tiered(TierTable table, Basis basis) implements MaintenanceRule {
        @Override
        public TierTable tiers(double absSize) {
            return table;
        }
    }

    /** A rate that grows with position size in units of the asset: {@code baseRate + ratePerUnit * |size|} (Deribit). */
    record SizeScaled(double baseRate, double ratePerUnit, Basis basis) implements MaintenanceRule {
        public SizeScaled {
            Checks.fractionBelowOne("baseRate", baseRate);
            Checks.nonNegative("ratePerUnit", ratePerUnit);
        }

        @Override
        public TierTable tiers(double absSize) {
            double rate = baseRate + ratePerUnit * absSize;
            if (!(rate < 1)) {
                throw new SpecException("ratePerUnit", "gives a maintenance rate of " + rate
                        + " for size " + absSize + ", which must stay below 1");
            }
            return TierTable.flat(rate);
        }
    }

    /**
     * A fraction of the initial margin at the maximum leverage allowed for the notional (Hyperliquid: one half).
     * Each bracket's rate is {@code fraction / maxLeverage}; the deduction follows as for any tier table.
     */
    record InitialFraction(double fraction, List<LeverageTier> leverageTiers, Basis basis) implements MaintenanceRule {
        public InitialFraction {
            Checks.fraction("fraction", fraction);
            if (!(fraction > 0)) {
                throw new SpecException("fraction", "must be > 0 but was " + fraction);
            }
            leverageTiers = List.copyOf(leverageTiers);
            for (int k = 0; k < leverageTiers.size(); k++) {
                double lev = leverageTiers.get(k).maxLeverage();
                if (!(lev >= 1) || Double.isInfinite(lev)) {
                    throw new SpecException("tiers[" + k + "].maxLeverage", "must be a finite number >= 1 but was " + lev);
                }
            }
            table(fraction, leverageTiers);
        }

        private static TierTable table(double fraction, List<LeverageTier> tiers) {
            double[] floors = new double[tiers.size()];
            double[] rates = new double[tiers.size()];
            for (int k = 0; k < floors.length; k++) {
                floors[k] = tiers.get(k).floor();
                rates[k] = fraction / tiers.get(k).maxLeverage();
            }
            return TierTable.of(floors, rates);
        }

        @Override
        public TierTable tiers(double absSize) {
            return table(fraction, leverageTiers);
        }
    }

    /** Maximum leverage from a notional floor upwards. */
    record LeverageTier(double floor, double maxLeverage) {
    }
}
