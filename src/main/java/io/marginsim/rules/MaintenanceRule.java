package io.marginsim.rules;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;

import java.util.List;

/**
 * How a venue computes the maintenance requirement of one linear position. Every rule reduces to a
 * {@link TierTable} for the position's size; {@link #compiled} applies the rule's {@link RuleTerms} to it, and that
 * table is what the engines evaluate along each path.
 */
public sealed interface MaintenanceRule {

    RuleTerms terms();

    /** The value the rate is applied to. */
    default Basis basis() {
        return terms().basis();
    }

    /** The venue's brackets for a position of {@code absSize} units. */
    TierTable tiers(double absSize);

    /**
     * The table the engines evaluate for a position of {@code absSize} units entered at {@code entryPrice}: with the
     * bracket fixed at the entry value when the rule says so (a mark-basis rate whose bracket no longer moves), and
     * with the trigger fee added to every rate.
     */
    default TierTable compiled(double absSize, double entryPrice) {
        TierTable table = tiers(absSize);
        if (terms().bracketBasis() == Basis.ENTRY && terms().basis() == Basis.MARK) {
            table = table.fixedAt(absSize * entryPrice);
        }
        return table.plusRate("triggerFeeRate", terms().triggerFeeRate());
    }

    /** One rate on the whole notional. */
    record Flat(double rate, RuleTerms terms) implements MaintenanceRule {
        public Flat {
            Checks.fractionBelowOne("rate", rate);
        }

        @Override
        public TierTable tiers(double absSize) {
            return TierTable.flat(rate);
        }
    }

    /** Brackets by notional, each deduction as the venue publishes it or derived from the floors (Binance, Bybit). */
    record Tiered(TierTable table, RuleTerms terms) implements MaintenanceRule {
        @Override
        public TierTable tiers(double absSize) {
            return table;
        }
    }

    /** A rate that grows with position size in units of the asset: {@code baseRate + ratePerUnit * |size|} (Deribit). */
    record SizeScaled(double baseRate, double ratePerUnit, RuleTerms terms) implements MaintenanceRule {
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
    record InitialFraction(double fraction, List<LeverageTier> leverageTiers, RuleTerms terms) implements MaintenanceRule {
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
