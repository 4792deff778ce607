package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import java.util.Arrays;

import static jdk.incubator.vector.VectorOperators.GT;

/**
 * The portfolio margin {@link CompiledProblem#portfolioRequirement} of {@link Lanes#COUNT} price vectors in float,
 * the one lane form that the plain account ({@link LaneAccount}) and the liquidating one ({@link LaneLiquidation})
 * share: the largest scenario loss, at least the minimum; and its slope, which continuous monitoring's Brownian excess
 * reads ({@link LaneExcessBridge}): there the reference's first-of-the-largest choice of scenario is followed lane by
 * lane.
 */
final class LanePortfolio {
    private static final int L = Lanes.COUNT;
    private final int scenarios;
    private final float minimum;
    private final int assets;
    /** Per scenario, the assets whose loss units are not zero, and those units. */
    private final int[][] asset;
    private final float[][] units;
    /** Per scenario, every asset's loss units (zeros included), for the worst scenario's slope. */
    private final float[][] denseUnits;
    /** Scratch: each asset's lanes of the worst scenario's units so far. */
    private final float[] worst;

    LanePortfolio(CompiledProblem p) {
        scenarios = p.scenarios;
        assets = p.assets;
        minimum = (float) p.portfolioMinimum;
        asset = new int[scenarios][];
        units = new float[scenarios][];
        denseUnits = new float[scenarios][];
        for (int s = 0; s < scenarios; s++) {
            double[] row = Arrays.copyOfRange(p.scenarioUnits.toArray(), s * p.assets, (s + 1) * p.assets);
            asset[s] = LaneAccount.nonZero(row);
            units[s] = LaneAccount.pick(row, asset[s]);
            denseUnits[s] = Floats.of(row);
        }
        worst = new float[scenarios > 0 ? assets * L : 0];
    }

    /**
     * The least and greatest slope of a one-asset portfolio requirement's negation in asset {@code a}'s price, as
     * {@code {low, high}} to add to an excess's slope bounds: scenario {@code s} loses {@code units[s] * P}, so the
     * worst is the largest units at every price, down to the minimum (slope zero) at low prices when there is one;
     * {@code {0, 0}} without a grid.
     */
    static double[] excessSlopeRange(CompiledProblem p, int a) {
        if (p.scenarios == 0) {
            return new double[] {0, 0};
        }
        double worst = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < p.scenarios; s++) {
            worst = Math.max(worst, p.scenarioUnits.get(s * p.assets + a));
        }
        double slope = worst > 0 ? -worst : 0;
        double atMinimum = p.portfolioMinimum > 0 ? 0 : slope;
        return new double[] {Math.min(slope, atMinimum), Math.max(slope, atMinimum)};
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

    /**
     * Finds, lane by lane, the scenario that is the portfolio requirement at {@code price}, for {@link #subtractWorst}
     * to subtract its loss units from a slope: nothing where the minimum binds, as
     * {@link io.marginsim.problem.Valuation#subtractPortfolioSlopes} (the first scenario with the largest loss,
     * strictly above the minimum, as {@link CompiledProblem#worstScenario}).
     */
    void findWorst(float[] price) {
        for (int a = 0; a < assets; a++) {
            // one vector store per asset: the blends below read these lanes back as vectors (see Lanes.fill)
            Lanes.fill(worst, a * L, 0f);
        }
        FloatVector largest = FloatVector.broadcast(Lanes.FLOATS, minimum);
        for (int s = 0; s < scenarios; s++) {
            FloatVector loss = FloatVector.zero(Lanes.FLOATS);
            for (int j = 0; j < asset[s].length; j++) {
                loss = FloatVector.fromArray(Lanes.FLOATS, price, asset[s][j] * L).mul(units[s][j]).add(loss);
            }
            VectorMask<Float> worse = loss.compare(GT, largest);
            largest = largest.blend(loss, worse);
            for (int a = 0; a < assets; a++) {
                FloatVector.fromArray(Lanes.FLOATS, worst, a * L).blend(denseUnits[s][a], worse)
                        .intoArray(worst, a * L);
            }
        }
    }

    /** Subtracts from each asset's lanes of {@code slope} the units of the scenario {@link #findWorst} found. */
    void subtractWorst(float[] slope) {
        for (int a = 0; a < assets; a++) {
            FloatVector.fromArray(Lanes.FLOATS, slope, a * L).sub(FloatVector.fromArray(Lanes.FLOATS, worst, a * L))
                    .intoArray(slope, a * L);
        }
    }
}
