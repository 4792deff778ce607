package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import static jdk.incubator.vector.VectorOperators.GE;

/**
 * The tiered maintenance requirement {@link CompiledProblem#tieredRequirement} of every position for
 * {@link Lanes#COUNT} notionals in float, the one lane form that the plain account ({@link LaneAccount}) and the
 * liquidating one ({@link LaneLiquidation}) share.
 *
 * <p>The reference walks up the brackets while the next floor is reached; in lanes every floor up to the first that
 * no lane reaches is compared and the rate and deduction blended, so (floors ascending) the last floor reached wins,
 * as in the walk.
 */
final class LaneTiers {
    private final int[] tierStart;
    private final float[] tierFloor;
    private final float[] tierRate;
    private final float[] tierDeduction;
    /** Scratch lanes of the bracket's rate and deduction. */
    private final float[] rate = new float[Lanes.COUNT];
    private final float[] deduction = new float[Lanes.COUNT];

    LaneTiers(CompiledProblem p) {
        tierStart = p.tierStart.toArray();
        tierFloor = Floats.of(p.tierFloor.toArray());
        tierRate = Floats.of(p.tierRate.toArray());
        tierDeduction = Floats.of(p.tierDeduction.toArray());
    }

    /** Position {@code i}'s requirement at the notionals {@code notional} into {@code out} (lanes from 0). */
    void requirement(int i, float[] notional, float[] out) {
        bracket(i, notional, rate, deduction);
        FloatVector.fromArray(Lanes.FLOATS, notional, 0).mul(FloatVector.fromArray(Lanes.FLOATS, rate, 0))
                .sub(FloatVector.fromArray(Lanes.FLOATS, deduction, 0)).intoArray(out, 0);
    }

    /**
     * The rate of position {@code i}'s bracket at the notionals {@code notional} into {@code out}: the requirement's
     * slope in the notional, which continuous monitoring's Brownian excess reads ({@link LaneExcessBridge}).
     */
    void rate(int i, float[] notional, float[] out) {
        bracket(i, notional, out, deduction);
    }

    /**
     * The rate and deduction of position {@code i}'s bracket at the notionals {@code notional} into {@code rateOut}
     * and {@code deductionOut}.
     */
    private void bracket(int i, float[] notional, float[] rateOut, float[] deductionOut) {
        FloatVector n = FloatVector.fromArray(Lanes.FLOATS, notional, 0);
        int k = tierStart[i];
        FloatVector rate = FloatVector.broadcast(Lanes.FLOATS, tierRate[k]);
        FloatVector deduction = FloatVector.broadcast(Lanes.FLOATS, tierDeduction[k]);
        for (k++; k < tierStart[i + 1]; k++) {
            VectorMask<Float> reached = n.compare(GE, tierFloor[k]);
            if (!reached.anyTrue()) {
                // floors ascend: no lane reaches a later one either (a venue's upper brackets are rarely reached)
                break;
            }
            rate = rate.blend(tierRate[k], reached);
            deduction = deduction.blend(tierDeduction[k], reached);
        }
        rate.intoArray(rateOut, 0);
        deduction.intoArray(deductionOut, 0);
    }
}
