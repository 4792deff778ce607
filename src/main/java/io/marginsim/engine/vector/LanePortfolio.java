package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import jdk.incubator.vector.FloatVector;

import java.util.Arrays;

/**
 * The portfolio margin {@link CompiledProblem#portfolioRequirement} of {@link Lanes#COUNT} price vectors in float,
 * the one lane form that the plain account ({@link LaneAccount}) and the liquidating one ({@link LaneLiquidation})
 * share: the largest scenario loss, at least the minimum. The reference's first-of-the-largest choice of scenario
 * matters only for its slope; the value is the same maximum.
 */
final class LanePortfolio {
    private static final int L = Lanes.COUNT;
    private final int scenarios;
    private final float minimum;
    /** Per scenario, the assets whose loss units are not zero, and those units. */
    private final int[][] asset;
    private final float[][] units;

    LanePortfolio(CompiledProblem p) {
        scenarios = p.scenarios;
        minimum = (float) p.portfolioMinimum;
        asset = new int[scenarios][];
        units = new float[scenarios][];
        for (int s = 0; s < scenarios; s++) {
            double[] row = Arrays.copyOfRange(p.scenarioUnits.toArray(), s * p.assets, (s + 1) * p.assets);
            asset[s] = LaneAccount.nonZero(row);
            units[s] = LaneAccount.pick(row, asset[s]);
        }
    }

    /** Whether the problem has a grid: without one the requirement is zero and need not be added. */
    boolean applies() {
        return scenarios > 0;
    }

    /** Adds the portfolio requirement at {@code price} (lanes at {@code a * L}) to the lanes of {@code sum}. */
    void addTo(float[] price, float[] sum) {
        FloatVector largest = FloatVector.broadcast(Lanes.FLOATS, minimum);
        for (int s = 0; s < scenarios; s++) {
            FloatVector loss = FloatVector.zero(Lanes.FLOATS);
            for (int j = 0; j < asset[s].length; j++) {
                loss = FloatVector.fromArray(Lanes.FLOATS, price, asset[s][j] * L).mul(units[s][j]).add(loss);
            }
            largest = largest.max(loss);
        }
        largest.add(FloatVector.fromArray(Lanes.FLOATS, sum, 0)).intoArray(sum, 0);
    }
}
