package io.marginsim.engine.vector;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.PathBlock;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

import java.util.Arrays;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.IS_NAN;
import static jdk.incubator.vector.VectorOperators.NE;

/**
 * The account side of {@link CompiledProblem} for {@link Lanes#COUNT} paths in float: equity, tiered
 * requirement, first breach, worst shortfall and terminal equity, following
 * {@link io.marginsim.engine.scalar.ScalarEngine} step by step.
 *
 * <p>Branches of the reference become lane masks: the tier of a notional is chosen by comparing it with every
 * floor and blending (floors ascend, so the last floor passed wins, as in the reference's walk); an isolated
 * position's liquidation freezes its equity in {@code closed}, where NaN marks a position still open (a breach
 * needs {@code requirement - equity > 0}, so a frozen equity is never NaN).
 */
final class LaneAccount {
    private static final int L = Lanes.COUNT;
    private final boolean isolated;
    private final float cash;
    private final int[] valueAsset;
    private final float[] valueUnits;
    private final int[] requirementAsset;
    private final float[] requirementUnits;
    private final int positions;
    private final int[] asset;
    private final float[] size;
    private final float[] absSize;
    private final float[] entry;
    private final float[] margin;
    private final boolean[] markBasis;
    /** Requirement of an entry-basis position, which does not move with the price: computed once, in double. */
    private final float[] fixedRequirement;
    private final int[] tierStart;
    private final float[] tierFloor;
    private final float[] tierRate;
    private final float[] tierDeduction;

    private final int[] breachStep = new int[L];
    private final float[] worst = new float[L];
    /** Cross mode: equity at the first breach, NaN before it. */
    private final float[] frozen = new float[L];
    /** Isolated mode: equity of position {@code i} at its liquidation, NaN while open; lanes at {@code i * L}. */
    private final float[] closed;
    private final float[] terminal = new float[L];

    LaneAccount(CompiledProblem p) {
        isolated = p.isolated;
        cash = (float) p.cash;
        valueAsset = nonZero(p.valueUnits);
        valueUnits = pick(p.valueUnits, valueAsset);
        requirementAsset = nonZero(p.requirementUnits);
        requirementUnits = pick(p.requirementUnits, requirementAsset);
        positions = p.positions;
        asset = p.positionAsset.clone();
        size = Floats.of(p.positionSize);
        absSize = new float[positions];
        entry = Floats.of(p.positionEntry);
        margin = Floats.of(p.positionMargin);
        markBasis = p.markBasis.clone();
        fixedRequirement = new float[positions];
        for (int i = 0; i < positions; i++) {
            absSize[i] = Math.abs(size[i]);
            fixedRequirement[i] = (float) p.tieredRequirement(i, p.notional(i, p.positionEntry[i]));
        }
        tierStart = p.tierStart.clone();
        tierFloor = Floats.of(p.tierFloor);
        tierRate = Floats.of(p.tierRate);
        tierDeduction = Floats.of(p.tierDeduction);
        closed = new float[positions * L];
    }

    /** Starts new paths: no breach, nothing liquidated. */
    void reset() {
        Arrays.fill(breachStep, PathBlock.NO_BREACH);
        Arrays.fill(worst, Float.NEGATIVE_INFINITY);
        Arrays.fill(frozen, Float.NaN);
        Arrays.fill(closed, Float.NaN);
    }

    /** Checks the account at the prices of step {@code step} (1-based). */
    void evaluate(int step, float[] price) {
        FloatVector shortfall;
        FloatVector equity;
        if (isolated) {
            equity = FloatVector.zero(Lanes.FLOATS);
            shortfall = isolatedShortfall(price);
        } else {
            equity = crossEquity(price);
            shortfall = crossRequirement(price).sub(equity);
        }
        FloatVector.fromArray(Lanes.FLOATS, worst, 0).max(shortfall).intoArray(worst, 0);
        VectorMask<Float> breach = shortfall.compare(GT, 0f);
        if (breach.anyTrue()) {
            IntVector steps = IntVector.fromArray(Lanes.INTS, breachStep, 0);
            VectorMask<Integer> first = breach.cast(Lanes.INTS).and(steps.compare(EQ, PathBlock.NO_BREACH));
            if (first.anyTrue()) {
                steps.blend(step, first).intoArray(breachStep, 0);
                FloatVector.fromArray(Lanes.FLOATS, frozen, 0).blend(equity, first.cast(Lanes.FLOATS))
                        .intoArray(frozen, 0);
            }
        }
    }

    /** Writes the outcomes of the first {@code count} lanes to {@code out} from {@code slot} on. */
    void write(float[] price, PathBlock out, int slot, int count) {
        FloatVector equity;
        if (isolated) {
            equity = isolatedTerminalEquity(price);
        } else {
            VectorMask<Float> breached = IntVector.fromArray(Lanes.INTS, breachStep, 0)
                    .compare(NE, PathBlock.NO_BREACH).cast(Lanes.FLOATS);
            equity = crossEquity(price).blend(FloatVector.fromArray(Lanes.FLOATS, frozen, 0), breached);
        }
        equity.intoArray(terminal, 0);
        for (int l = 0; l < count; l++) {
            out.firstBreachStep[slot + l] = breachStep[l];
            out.worstShortfall[slot + l] = worst[l];
            out.terminalEquity[slot + l] = terminal[l];
        }
    }

    private FloatVector crossEquity(float[] price) {
        FloatVector equity = collateral(price);
        for (int i = 0; i < positions; i++) {
            equity = positionEquity(i, price, equity);
        }
        return equity;
    }

    private FloatVector crossRequirement(float[] price) {
        FloatVector requirement = FloatVector.zero(Lanes.FLOATS);
        for (int j = 0; j < requirementAsset.length; j++) {
            requirement = Lanes.mulAdd(mark(price, requirementAsset[j]), requirementUnits[j], requirement);
        }
        for (int i = 0; i < positions; i++) {
            requirement = requirement.add(tieredRequirement(i, price));
        }
        return requirement;
    }

    /** Largest shortfall over positions; liquidates (freezes) every open position in shortfall. */
    private FloatVector isolatedShortfall(float[] price) {
        FloatVector largest = FloatVector.broadcast(Lanes.FLOATS, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < positions; i++) {
            FloatVector equity = positionEquity(i, price, FloatVector.broadcast(Lanes.FLOATS, margin[i]));
            FloatVector shortfall = tieredRequirement(i, price).sub(equity);
            FloatVector frozenEquity = FloatVector.fromArray(Lanes.FLOATS, closed, i * L);
            VectorMask<Float> liquidate = shortfall.compare(GT, 0f).and(frozenEquity.test(IS_NAN));
            if (liquidate.anyTrue()) {
                frozenEquity.blend(equity, liquidate).intoArray(closed, i * L);
            }
            largest = largest.max(shortfall);
        }
        return largest;
    }

    private FloatVector isolatedTerminalEquity(float[] price) {
        FloatVector equity = collateral(price);
        for (int i = 0; i < positions; i++) {
            FloatVector open = positionEquity(i, price, FloatVector.broadcast(Lanes.FLOATS, margin[i]));
            FloatVector frozenEquity = FloatVector.fromArray(Lanes.FLOATS, closed, i * L);
            equity = equity.add(frozenEquity.blend(open, frozenEquity.test(IS_NAN)));
        }
        return equity;
    }

    /** {@code cash + sum_a valueUnits[a] * P[a]}. */
    private FloatVector collateral(float[] price) {
        FloatVector equity = FloatVector.broadcast(Lanes.FLOATS, cash);
        for (int j = 0; j < valueAsset.length; j++) {
            equity = Lanes.mulAdd(mark(price, valueAsset[j]), valueUnits[j], equity);
        }
        return equity;
    }

    /** {@code base + size[i] * (P - entry[i])}. */
    private FloatVector positionEquity(int i, float[] price, FloatVector base) {
        return Lanes.mulAdd(mark(price, asset[i]).sub(entry[i]), size[i], base);
    }

    /** {@code tiered_i(notional_i)}: lane-wise choice of the last tier whose floor the notional reaches. */
    private FloatVector tieredRequirement(int i, float[] price) {
        if (!markBasis[i]) {
            return FloatVector.broadcast(Lanes.FLOATS, fixedRequirement[i]);
        }
        FloatVector notional = mark(price, asset[i]).mul(absSize[i]);
        int k = tierStart[i];
        FloatVector rate = FloatVector.broadcast(Lanes.FLOATS, tierRate[k]);
        FloatVector deduction = FloatVector.broadcast(Lanes.FLOATS, tierDeduction[k]);
        for (k++; k < tierStart[i + 1]; k++) {
            VectorMask<Float> reached = notional.compare(GE, tierFloor[k]);
            rate = rate.blend(tierRate[k], reached);
            deduction = deduction.blend(tierDeduction[k], reached);
        }
        return notional.mul(rate).sub(deduction);
    }

    private static FloatVector mark(float[] price, int asset) {
        return FloatVector.fromArray(Lanes.FLOATS, price, asset * L);
    }

    private static int[] nonZero(double[] units) {
        return java.util.stream.IntStream.range(0, units.length).filter(a -> units[a] != 0).toArray();
    }

    private static float[] pick(double[] units, int[] indices) {
        float[] out = new float[indices.length];
        for (int j = 0; j < indices.length; j++) {
            out[j] = (float) units[indices[j]];
        }
        return out;
    }
}
