package io.marginsim.rules;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;

import java.util.Arrays;

/**
 * Maintenance brackets by notional: {@code requirement = notional * rate[k] - deduction[k]} for the last
 * bracket {@code k} whose floor is at most the notional.
 *
 * <p>A deduction not given is derived so that the requirement is continuous at the bracket's floor:
 * {@code deduction[0] = 0}, {@code deduction[k] = deduction[k-1] + floor[k] * (rate[k] - rate[k-1])} — the
 * "maintenance amount" ({@code cum}) of Binance's leverage brackets and the "deduction" of Bybit and Hyperliquid.
 * A given deduction is used as given: venues publish {@code cum} per bracket, and the published figure may differ
 * from the derived one (rounding, special brackets), in which case the venue's figure is the rule.
 */
public record TierTable(double[] floors, double[] rates, double[] deductions) {

    public TierTable {
        floors = floors.clone();
        rates = rates.clone();
        deductions = deductions.clone();
    }

    /** A single bracket: a flat rate on any notional. */
    public static TierTable flat(double rate) {
        return of(new double[] {0}, new double[] {rate});
    }

    /** Brackets from floors and rates, deriving every deduction. */
    public static TierTable of(double[] floors, double[] rates) {
        double[] derive = new double[floors.length];
        Arrays.fill(derive, Double.NaN);
        return of(floors, rates, derive);
    }

    /**
     * Brackets from floors, rates and deductions; a NaN deduction is derived from the bracket below.
     *
     * @throws SpecException naming {@code tiers[k].floor}, {@code tiers[k].rate} or {@code tiers[k].amount} when
     *                       the floors do not start at zero and rise strictly, a rate is outside [0, 1), or a given
     *                       deduction is negative or would make the requirement negative at its floor
     */
    public static TierTable of(double[] floors, double[] rates, double[] given) {
        if (floors.length == 0) {
            throw new SpecException("tiers", "must list at least one tier but was empty");
        }
        double[] deductions = new double[floors.length];
        for (int k = 0; k < floors.length; k++) {
            String at = "tiers[" + k + "]";
            Checks.fractionBelowOne(at + ".rate", rates[k]);
            Checks.nonNegative(at + ".floor", floors[k]);
            if (k == 0 && floors[0] != 0) {
                throw new SpecException(at + ".floor", "must be 0 for the first tier but was " + floors[0]);
            }
            if (k > 0 && !(floors[k] > floors[k - 1])) {
                throw new SpecException(at + ".floor", "must be greater than the previous floor "
                        + floors[k - 1] + " but was " + floors[k]);
            }
            if (Double.isNaN(given[k])) {
                deductions[k] = continuous(floors, rates, deductions, k);
                continue;
            }
            Checks.nonNegative(at + ".amount", given[k]);
            // a larger deduction would make the requirement negative from the floor upwards
            if (!(given[k] <= floors[k] * rates[k])) {
                throw new SpecException(at + ".amount", "must be at most floor x rate = " + floors[k] * rates[k]
                        + " so that the requirement is not negative at the tier's floor, but was " + given[k]);
            }
            deductions[k] = given[k];
        }
        return new TierTable(floors, rates, deductions);
    }

    /** The deduction of bracket {@code k} that makes the requirement continuous at its floor, given bracket k-1's. */
    public double continuousDeduction(int k) {
        return continuous(floors, rates, deductions, k);
    }

    private static double continuous(double[] floors, double[] rates, double[] deductions, int k) {
        return k == 0 ? 0 : deductions[k - 1] + floors[k] * (rates[k] - rates[k - 1]);
    }

    /**
     * The one bracket that {@code notional} falls in, as a table of its own: the requirement of a position whose
     * bracket is chosen once (at entry) and kept whatever the price does.
     */
    public TierTable fixedAt(double notional) {
        int k = bracket(notional);
        return new TierTable(new double[] {0}, new double[] {rates[k]}, new double[] {deductions[k]});
    }

    /**
     * This table with {@code extraRate} added to every bracket's rate and the deductions kept: a fee on the same
     * notional counted into the trigger. The requirement stays continuous wherever it was.
     *
     * @throws SpecException naming {@code field} when a bracket's rate plus the extra reaches 1
     */
    public TierTable plusRate(String field, double extraRate) {
        if (extraRate == 0) {
            return this;
        }
        double[] raised = new double[rates.length];
        for (int k = 0; k < rates.length; k++) {
            raised[k] = rates[k] + extraRate;
            if (!(raised[k] < 1)) {
                throw new SpecException(field, "is " + extraRate + ", which with the maintenance rate " + rates[k]
                        + " gives a trigger rate of " + raised[k] + ", but the sum must stay below 1");
            }
        }
        return new TierTable(floors, raised, deductions);
    }

    public int size() {
        return floors.length;
    }

    /** Index of the bracket that applies to {@code notional}. */
    public int bracket(double notional) {
        int k = 0;
        while (k + 1 < floors.length && floors[k + 1] <= notional) {
            k++;
        }
        return k;
    }

    public double requirement(double notional) {
        int k = bracket(notional);
        return notional * rates[k] - deductions[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierTable t && Arrays.equals(floors, t.floors) && Arrays.equals(rates, t.rates)
                && Arrays.equals(deductions, t.deductions);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(floors) + Arrays.hashCode(rates)) + Arrays.hashCode(deductions);
    }

    @Override
    public String toString() {
        return "TierTable[floors=" + Arrays.toString(floors) + ", rates=" + Arrays.toString(rates)
                + ", deductions=" + Arrays.toString(deductions) + "]";
    }
}
