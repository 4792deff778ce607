package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ScopeBlock;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

import java.util.Arrays;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.IS_NAN;
import static jdk.incubator.vector.VectorOperators.NE;

/**
 * The account side of {@link CompiledProblem} for {@link Lanes#COUNT} paths in float: equity, tiered and portfolio
 * requirement, first breach, worst shortfall and terminal equity, following
 * {@link io.marginsim.engine.scalar.ScalarEngine} step by step.
 *
 * <p>Branches of the reference become lane masks: the tier of a notional is chosen by {@link LaneTiers}; an isolated
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
    private final LaneTiers tiers;
    private final LanePortfolio portfolio;

    private final int[] breachStep = new int[L];
    private final float[] worst = new float[L];
    /** Cross mode: equity at the first breach, NaN before it. */
    private final float[] frozen = new float[L];
    /** Isolated mode: equity of position {@code i} at its liquidation, NaN while open; lanes at {@code i * L}. */
    private final float[] closed;
    /** Isolated mode: position {@code i}'s first breach step, lanes at {@code i * L}, for the path's scopes. */
    private final int[] positionBreach;
    /** Scratch lanes: account equity, shortfall, and one position's requirement. */
    private final float[] equity = new float[L];
    private final float[] shortfall = new float[L];
    private final float[] requirement = new float[L];
    private final float[] notional = new float[L];

    LaneAccount(CompiledProblem p) {
        isolated = p.isolated;
        cash = (float) p.cash;
        valueAsset = nonZero(p.valueUnits.toArray());
        valueUnits = pick(p.valueUnits.toArray(), valueAsset);
        requirementAsset = nonZero(p.requirementUnits.toArray());
        requirementUnits = pick(p.requirementUnits.toArray(), requirementAsset);
        positions = p.positions;
        asset = p.positionAsset.toArray();
        size = Floats.of(p.positionSize.toArray());
        absSize = new float[positions];
        entry = Floats.of(p.positionEntry.toArray());
        margin = Floats.of(p.positionMargin.toArray());
        markBasis = p.markBasis.toArray();
        fixedRequirement = new float[positions];
        for (int i = 0; i < positions; i++) {
            absSize[i] = Math.abs(size[i]);
            fixedRequirement[i] = markBasis[i] ? Float.NaN
                    : (float) p.tieredRequirement(i, p.notional(i, p.positionEntry.get(i)));
        }
        tiers = new LaneTiers(p);
        portfolio = new LanePortfolio(p);
        closed = new float[positions * L];
        positionBreach = new int[positions * L];
    }

    /** Starts new paths: no breach, nothing liquidated. */
    void reset() {
        Arrays.fill(breachStep, PathBlock.NO_BREACH);
        Arrays.fill(worst, Float.NEGATIVE_INFINITY);
        Arrays.fill(frozen, Float.NaN);
        Arrays.fill(closed, Float.NaN);
        Arrays.fill(positionBreach, PathBlock.NO_BREACH);
    }

    /** Checks the account at the prices of step {@code step} (1-based). */
    void evaluate(int step, float[] price) {
        if (isolated) {
            isolatedShortfall(step, price);
        } else {
            crossShortfall(price);
        }
        record(step, shortfall, equity);
    }

    /**
     * Records step {@code step}'s shortfall lanes {@code gaps}: the worst shortfall, the first breach, and in cross
     * mode the account equity that the first breach freezes, {@code breachEquity}.
     */
    void record(int step, float[] gaps, float[] breachEquity) {
        raiseWorst(gaps);
        recordBreach(step, gaps, breachEquity);
    }

    /** Raises each lane's worst shortfall to {@code gaps} where that is larger. */
    void raiseWorst(float[] gaps) {
        FloatVector.fromArray(Lanes.FLOATS, worst, 0).max(FloatVector.fromArray(Lanes.FLOATS, gaps, 0))
                .intoArray(worst, 0);
    }

    /**
     * Records step {@code step} as the first breach of every lane whose {@code gaps} is positive and that has not
     * breached yet, with {@code breachEquity} as its frozen equity in cross mode (continuous monitoring passes the
     * equity at the crossing rather than at the step's end, and gaps that need not be shortfalls: see
     * {@link LaneBridge}).
     */
    void recordBreach(int step, float[] gaps, float[] breachEquity) {
        VectorMask<Float> breach = FloatVector.fromArray(Lanes.FLOATS, gaps, 0).compare(GT, 0f);
        if (breach.anyTrue()) {
            IntVector steps = IntVector.fromArray(Lanes.INTS, breachStep, 0);
            VectorMask<Integer> first = breach.cast(Lanes.INTS).and(steps.compare(EQ, PathBlock.NO_BREACH));
            if (first.anyTrue()) {
                steps.blend(step, first).intoArray(breachStep, 0);
                if (!isolated) {
                    FloatVector.fromArray(Lanes.FLOATS, frozen, 0)
                            .blend(FloatVector.fromArray(Lanes.FLOATS, breachEquity, 0), first.cast(Lanes.FLOATS))
                            .intoArray(frozen, 0);
                }
            }
        }
    }

    /** Whether {@link #recordBreach} of {@code gaps} would record a first breach in some lane. */
    boolean anyFirstBreach(float[] gaps) {
        VectorMask<Float> breach = FloatVector.fromArray(Lanes.FLOATS, gaps, 0).compare(GT, 0f);
        return breach.anyTrue() && breach.cast(Lanes.INTS)
                .and(IntVector.fromArray(Lanes.INTS, breachStep, 0).compare(EQ, PathBlock.NO_BREACH)).anyTrue();
    }

    /** Cross mode: the margin excess {@code equity - requirement} at {@code price} into {@code out}. */
    void crossExcess(float[] price, float[] out) {
        crossShortfall(price);
        FloatVector.fromArray(Lanes.FLOATS, shortfall, 0).neg().intoArray(out, 0);
    }

    /** Account equity at {@code price} into {@code out}. */
    void equity(float[] price, float[] out) {
        equity(price);
        Lanes.copy(equity, 0, out, 0, L);
    }

    /** Writes the outcomes of the first {@code count} lanes to {@code out} from {@code slot} on. */
    void write(float[] price, PathBlock out, int slot, int count) {
        equity(price);
        FloatVector terminal = FloatVector.fromArray(Lanes.FLOATS, equity, 0);
        if (!isolated) {
            VectorMask<Float> breached = IntVector.fromArray(Lanes.INTS, breachStep, 0)
                    .compare(NE, PathBlock.NO_BREACH).cast(Lanes.FLOATS);
            terminal = terminal.blend(FloatVector.fromArray(Lanes.FLOATS, frozen, 0), breached);
        }
        terminal.intoArray(equity, 0);
        for (int l = 0; l < count; l++) {
            out.firstBreachStep[slot + l] = breachStep[l];
            out.worstShortfall[slot + l] = worst[l];
            out.terminalEquity[slot + l] = equity[l];
        }
        if (out.scopes != null) {
            writeScopes(price, out.scopes, slot, count);
        }
    }

    /**
     * Isolated mode: each position's breach step and its equity when closed (frozen at the breach, else margin plus
     * PnL at the horizon's {@code price}), in float as the lanes value it.
     */
    private void writeScopes(float[] price, ScopeBlock out, int slot, int count) {
        for (int i = 0; i < positions; i++) {
            for (int l = 0; l < count; l++) {
                float frozenAt = closed[i * L + l];
                float equity = Float.isNaN(frozenAt) ? (price[asset[i] * L + l] - entry[i]) * size[i] + margin[i]
                        : frozenAt;
                out.write(slot + l, i, positionBreach[i * L + l], equity);
            }
        }
    }

    /*
     * The helpers below pass lanes through the scratch arrays rather than as vector arguments or results, and
     * call no method of ours on vectors: C2 inlines a method of ours only where its size and the call site's
     * profile allow (a site cold in one problem can be hot in the next), and a vector crossing a call that is not
     * inlined gets boxed, which makes that problem several times slower. The Vector API's own methods are always
     * inlined.
     */

    /**
     * Account equity into {@code equity}: cash, collateral and every position (in isolated mode its margin plus
     * PnL, or the equity frozen at its liquidation).
     */
    private void equity(float[] price) {
        FloatVector sum = FloatVector.broadcast(Lanes.FLOATS, cash);
        for (int j = 0; j < valueAsset.length; j++) {
            sum = FloatVector.fromArray(Lanes.FLOATS, price, valueAsset[j] * L).mul(valueUnits[j]).add(sum);
        }
        for (int i = 0; i < positions; i++) {
            FloatVector move = FloatVector.fromArray(Lanes.FLOATS, price, asset[i] * L).sub(entry[i]);
            if (isolated) {
                FloatVector open = move.mul(size[i]).add(margin[i]);
                FloatVector liquidated = FloatVector.fromArray(Lanes.FLOATS, closed, i * L);
                sum = sum.add(liquidated.blend(open, liquidated.test(IS_NAN)));
            } else {
                sum = move.mul(size[i]).add(sum);
            }
        }
        sum.intoArray(equity, 0);
    }

    /** Cross mode: {@code equity} and {@code shortfall = requirement - equity}. */
    private void crossShortfall(float[] price) {
        equity(price);
        FloatVector sum = FloatVector.zero(Lanes.FLOATS);
        for (int j = 0; j < requirementAsset.length; j++) {
            sum = FloatVector.fromArray(Lanes.FLOATS, price, requirementAsset[j] * L).mul(requirementUnits[j]).add(sum);
        }
        for (int i = 0; i < positions; i++) {
            tieredRequirement(i, price);
            sum = sum.add(FloatVector.fromArray(Lanes.FLOATS, requirement, 0));
        }
        sum.sub(FloatVector.fromArray(Lanes.FLOATS, equity, 0)).intoArray(shortfall, 0);
        if (portfolio.applies()) {
            portfolio.addTo(price, shortfall);
        }
    }

    /**
     * Isolated mode: largest shortfall over positions; liquidates (freezes) every open position in shortfall, noting
     * {@code step} as its breach step.
     */
    private void isolatedShortfall(int step, float[] price) {
        FloatVector largest = FloatVector.broadcast(Lanes.FLOATS, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < positions; i++) {
            FloatVector move = FloatVector.fromArray(Lanes.FLOATS, price, asset[i] * L).sub(entry[i]);
            FloatVector open = move.mul(size[i]).add(margin[i]);
            tieredRequirement(i, price);
            FloatVector gap = FloatVector.fromArray(Lanes.FLOATS, requirement, 0).sub(open);
            FloatVector liquidated = FloatVector.fromArray(Lanes.FLOATS, closed, i * L);
            VectorMask<Float> liquidate = gap.compare(GT, 0f).and(liquidated.test(IS_NAN));
            if (liquidate.anyTrue()) {
                liquidated.blend(open, liquidate).intoArray(closed, i * L);
                IntVector.fromArray(Lanes.INTS, positionBreach, i * L).blend(step, liquidate.cast(Lanes.INTS))
                        .intoArray(positionBreach, i * L);
            }
            largest = largest.max(gap);
        }
        largest.intoArray(shortfall, 0);
    }

    /** {@code tiered_i(notional_i)} into {@code requirement}. */
    private void tieredRequirement(int i, float[] price) {
        if (!markBasis[i]) {
            FloatVector.broadcast(Lanes.FLOATS, fixedRequirement[i]).intoArray(requirement, 0);
            return;
        }
        FloatVector.fromArray(Lanes.FLOATS, price, asset[i] * L).mul(absSize[i]).intoArray(notional, 0);
        tiers.requirement(i, notional, requirement);
    }

    /** Assets whose units are not zero: the others add exactly zero at any finite price, so they are skipped. */
    static int[] nonZero(double[] units) {
        return java.util.stream.IntStream.range(0, units.length).filter(a -> units[a] != 0).toArray();
    }

    static float[] pick(double[] units, int[] indices) {
        float[] out = new float[indices.length];
        for (int j = 0; j < indices.length; j++) {
            out[j] = (float) units[indices[j]];
        }
        return out;
    }
}
