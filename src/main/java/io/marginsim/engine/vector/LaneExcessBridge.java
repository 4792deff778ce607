package io.marginsim.engine.vector;

import io.marginsim.engine.BridgeCrossing;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.rng.ShockStream;
import jdk.incubator.vector.FloatVector;

import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.SQRT;

/**
 * The largest shortfall within a step of a cross account that several assets move, for {@link LaneLiquidation}
 * under continuous monitoring: {@link io.marginsim.engine.ContinuousMonitor#crossShortfall}'s Brownian excess,
 * written out for lanes. The excess is a bridge from its value at the step's start to its end's, with variance
 * {@code D' C D} for the dollar deltas {@code D} at the start (each asset's price times the excess's slope in it:
 * collateral units at this step's haircuts, each position's size less its bracket's share, less the loss units of the
 * portfolio margin's worst scenario at the start, {@link LanePortfolio#findWorst}) and the lane's step
 * covariance {@code C} ({@link LaneCovariance}); its least value is {@link BridgeCrossing#minimum} with the uniform
 * of word 0 of block {@code assets} of the monitoring stream at counter step {@code step - 1} (segment 0; unlike one
 * asset's extremes this block is not shared between steps). The shadow and the live account read the same uniform,
 * as the reference's two monitors do. As a shortfall ({@code s = -excess}) the least excess is
 * {@code 0.5 (s0 + s1 + sqrt((s1 - s0)^2 - 2 v log u))}, never below the step end's.
 *
 * <p>{@link #covers} takes cross accounts with at least two assets that carry a position, collateral or a portfolio
 * scenario's units. The reference treats a step whose slopes are all zero but one as one asset's; with two moving
 * assets that needs a slope of exactly zero, which a live position cut to nothing in an asset without collateral has
 * (or, with a portfolio margin, a worst scenario's units that cancel a position's slope): {@link #variance} counts
 * such lanes' moving assets, and the live account's check hands them to the reference account for every step it is
 * open. A scenario's loss within float rounding of another's may pick the other scenario in a lane than in the
 * reference's double, and so another slope; the contract suite's agreement holds with it.
 */
final class LaneExcessBridge {
    private static final int L = Lanes.COUNT;
    private final CompiledProblem p;
    private final int k0;
    private final int k1;
    private final LaneTiers tiers;
    private final LaneCarry carry;
    private final LanePortfolio portfolio;
    final LaneCovariance covariance;
    /** Per asset, the compiled collateral's value less requirement per unit of price. */
    private final float[] collateralUnits;
    /** Per asset and lane: the excess's slope in the price, then the dollar delta. */
    private final float[] delta;
    private final float[] notional = new float[L];
    private final float[] rate = new float[L];
    private final int[] words = new int[4 * L];
    private final float[] logUniform = new float[L];
    /** Per lane, after {@link #variance}: how many assets move the excess, counted in float. */
    final float[] moving = new float[L];

    LaneExcessBridge(CompiledProblem problem, LaneMarket market, LaneTiers tiers, LaneCarry carry,
                     LanePortfolio portfolio) {
        p = problem;
        k0 = (int) p.seed;
        k1 = (int) (p.seed >>> 32);
        this.tiers = tiers;
        this.carry = carry;
        this.portfolio = portfolio;
        covariance = new LaneCovariance(problem, market);
        collateralUnits = new float[p.assets];
        for (int a = 0; a < p.assets; a++) {
            collateralUnits[a] = (float) (p.valueUnits.get(a) - p.requirementUnits.get(a));
        }
        delta = new float[p.assets * L];
    }

    /** Whether the lanes run {@code p}'s continuous checks by this bridge: see the class comment. */
    static boolean covers(CompiledProblem p) {
        if (p.isolated || p.positions == 0) {
            return false;
        }
        int moving = 0;
        for (int a = 0; a < p.assets; a++) {
            boolean used = p.valueUnits.get(a) != 0 || p.requirementUnits.get(a) != 0;
            var haircuts = p.frictions.haircuts();
            for (int c = 0; haircuts != null && c < haircuts.asset().length(); c++) {
                used |= haircuts.asset().get(c) == a;
            }
            for (int i = 0; i < p.positions; i++) {
                used |= p.positionAsset.get(i) == a && p.positionSize.get(i) != 0;
            }
            for (int sc = 0; sc < p.scenarios; sc++) {
                used |= p.scenarioUnits.get(sc * p.assets + a) != 0;
            }
            moving += used ? 1 : 0;
        }
        return moving >= 2;
    }

    /** Before the market draws step {@code step}: each lane's covariance of it, for the bridge and the hand-over. */
    void beforeStep(int step, int count) {
        covariance.update(step, count);
    }

    /** The uniform of step {@code step}'s least excess, for paths from {@code paths}. */
    void draw(int step, int paths) {
        LanePhilox.block(step - 1, paths, p.assets, ShockStream.MONITORING, k0, k1, words);
        LaneUniforms.convert(words, 0, logUniform, 0);
        FloatVector.fromArray(Lanes.FLOATS, logUniform, 0).lanewise(LOG).intoArray(logUniform, 0);
    }

    /**
     * Before {@link #variance} of a step starting at {@code price0}: each lane's worst portfolio scenario there, the
     * same for the shadow and the live account.
     */
    void startPrices(float[] price0) {
        if (portfolio.applies()) {
            portfolio.findWorst(price0);
        }
    }

    /**
     * The variance {@code D' C D} of the excess over the step into {@code out}, for the positions' sizes
     * {@code size} (lanes at {@code i * L}) at the step's start prices {@code price0} (given to {@link #startPrices}
     * first), after this step's carrying costs have set its haircuts. Leaves in {@link #moving} how many assets move
     * the excess in each lane: the reference checks a lane with fewer than two as one asset's (or none's). (A mask
     * returned from a method that C2 does not inline would be boxed.)
     */
    void variance(float[] size, float[] price0, float[] out) {
        for (int a = 0; a < p.assets; a++) {
            Lanes.fill(delta, a * L, collateralUnits[a]);
        }
        carry.addHaircutUnits(delta);
        for (int i = 0; i < p.positions; i++) {
            int at = p.positionAsset.get(i) * L;
            FloatVector units = FloatVector.fromArray(Lanes.FLOATS, size, i * L);
            FloatVector slope = units;
            if (p.markBasis.get(i)) {
                FloatVector.fromArray(Lanes.FLOATS, price0, at).mul(units.lanewise(ABS)).intoArray(notional, 0);
                tiers.rate(i, notional, rate);
                slope = units.sub(units.lanewise(ABS).mul(FloatVector.fromArray(Lanes.FLOATS, rate, 0)));
            }
            slope.add(FloatVector.fromArray(Lanes.FLOATS, delta, at)).intoArray(delta, at);
        }
        if (portfolio.applies()) {
            // the grid is compiled for the starting sizes, which the live account keeps until it is closed
            portfolio.subtractWorst(delta);
        }
        FloatVector count = FloatVector.zero(Lanes.FLOATS);
        for (int a = 0; a < p.assets; a++) {
            FloatVector d = FloatVector.fromArray(Lanes.FLOATS, delta, a * L);
            count = count.add(1f, d.compare(NE, 0f));
            d.mul(FloatVector.fromArray(Lanes.FLOATS, price0, a * L)).intoArray(delta, a * L);
        }
        FloatVector v = FloatVector.zero(Lanes.FLOATS);
        for (int i = 0; i < p.assets; i++) {
            FloatVector row = FloatVector.zero(Lanes.FLOATS);
            for (int j = 0; j < p.assets; j++) {
                row = FloatVector.fromArray(Lanes.FLOATS, covariance.floats, covariance.at(i, j))
                        .mul(FloatVector.fromArray(Lanes.FLOATS, delta, j * L)).add(row);
            }
            v = row.mul(FloatVector.fromArray(Lanes.FLOATS, delta, i * L)).add(v);
        }
        v.intoArray(out, 0);
        count.intoArray(moving, 0);
    }

    /**
     * The largest shortfall within the step into {@code out}, from the shortfalls at its start ({@code start}) and
     * end ({@code end}) and the excess's {@link #variance} ({@code out} may be {@code end}).
     */
    void largest(float[] start, float[] end, float[] variance, float[] out) {
        FloatVector s0 = FloatVector.fromArray(Lanes.FLOATS, start, 0);
        FloatVector s1 = FloatVector.fromArray(Lanes.FLOATS, end, 0);
        FloatVector d = s1.sub(s0);
        FloatVector spread = FloatVector.fromArray(Lanes.FLOATS, variance, 0)
                .mul(FloatVector.fromArray(Lanes.FLOATS, logUniform, 0)).mul(-2f).add(d.mul(d)).lanewise(SQRT);
        s0.add(s1).add(spread).mul(0.5f).intoArray(out, 0);
    }
}
