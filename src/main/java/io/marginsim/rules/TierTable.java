package io.marginsim.rules;

import io.marginsim.spec.Checks;
import io.marginsim.spec.SpecException;

import java.util.Arrays;

/**
 * Maintenance brackets by notional: {@code requirement = notional * rate[k] - deduction[k]} for the last
 * bracket {@code k} whose floor is at most the notional.
 *
 * <p>The deduction is derived, not entered, so the requirement is continuous at every floor:
 * {@code deduction[0] = 0}, {@code deduction[k] = deduction[k-1] + floor[k] * (rate[k] - rate[k-1])} — the
 * "maintenance amount" of Binance's leverage brackets and the "deduction" of Bybit and Hyperliquid.
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

    /**
     * Brackets from floors and rates, deriving the deductions.
     *
     * @throws SpecException naming {@code tiers[k].floor} or {@code tiers[k].rate} when the floors do not start at
     *                       zero and rise strictly, or a rate is outside [0, 1)
     */
    public static TierTable of(double[] floors, double[] rates) {
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
            if (k > 0) {
                if (!(floors[k] > floors[k - 1])) {
                    throw new SpecException(at + ".floor", "must be greater than the previous floor "
                            + floors[k - 1] + " but was " + floors[k]);
                }
                deductions[k] = deductions[k - 1] + floors[k] * (rates[k] - rates[k - 1]);
            }
        }
        return new TierTable(floors, rates, deductions);
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
        return o instanceof TierTable t && Arrays.equals(floors, t.floors) && Arrays.equals(rates, t.rates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(floors) + Arrays.hashCode(rates);
    }

    @Override
    public String toString() {
        return "TierTable[floors=" + Arrays.toString(floors) + ", rates=" + Arrays.toString(rates) + "]";
    }
}
