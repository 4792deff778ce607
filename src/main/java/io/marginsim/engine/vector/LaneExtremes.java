package io.marginsim.engine.vector;

import io.marginsim.engine.ContinuousMonitor;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.rng.ShockStream;
import jdk.incubator.vector.FloatVector;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.SQRT;

/**
 * Each lane's least and greatest price within a step, for {@link LaneLiquidation} under continuous monitoring: the
 * bridge extremes that {@link io.marginsim.engine.ContinuousMonitor} draws for a margin that moves with one asset
 * ({@link io.marginsim.engine.BridgeCrossing#minimum} and its mirror, from block {@code a} of the monitoring
 * stream's segment 0, which two steps share: see {@code ContinuousMonitor.extremeWords}), written out for lanes on
 * the log price relative to the start as {@link LaneBridge} draws them.
 *
 * <p>The lanes value the account and its shadow at the extreme on the side where the excess falls; the reference
 * takes the lower of the excesses there and at the step's end, which is the extreme's, as a bridge's least value is
 * at most its end's and the excess is monotone in the price. That holds where {@link #covers} says the side is
 * known in advance: every isolated position (its
 * slope has its size's sign when every bracket's rate is below 1), or a cross account that moves with one asset,
 * where every position's slope in every bracket and the collateral's at any haircut lean the same way, so that no
 * partial cut of the live account turns the slope over either.
 */
final class LaneExtremes {
    private static final int L = Lanes.COUNT;
    private final CompiledProblem p;
    private final LaneMarket market;
    private final int k0;
    private final int k1;
    private final float[] initialPrice;
    /** Per asset: whether some check reads its least (a long side) or greatest (a short side) price. */
    private final boolean[] low;
    private final boolean[] high;
    final LaneCovariance covariance;
    /** Prices of asset {@code a} in lane {@code l} at {@code a * L + l}: the step's least and greatest. */
    final float[] least;
    final float[] greatest;
    /** Per position, the prices its checks read: {@link #least} or {@link #greatest} (see {@link #worse}). */
    private final float[][] worse;
    /** Per asset, the monitoring block of the current pair of steps. */
    private final int[][] words;
    private final float[] uniform = new float[L];

    LaneExtremes(CompiledProblem problem, LaneMarket market) {
        p = problem;
        this.market = market;
        k0 = (int) p.seed;
        k1 = (int) (p.seed >>> 32);
        covariance = new LaneCovariance(problem, market);
        initialPrice = new float[p.assets];
        low = new boolean[p.assets];
        high = new boolean[p.assets];
        boolean rising = !p.isolated && crossSlopeSign(p) > 0;
        for (int i = 0; i < p.positions; i++) {
            boolean longSide = p.isolated ? p.positionSize.get(i) > 0 : rising;
            (longSide ? low : high)[p.positionAsset.get(i)] = true;
        }
        for (int a = 0; a < p.assets; a++) {
            initialPrice[a] = (float) Math.exp(p.initialLogPrice.get(a));
        }
        words = new int[p.assets][4 * L];
        least = new float[p.assets * L];
        greatest = new float[p.assets * L];
        worse = new float[p.positions][];
        for (int i = 0; i < p.positions; i++) {
            worse[i] = low[p.positionAsset.get(i)] && (!p.isolated || p.positionSize.get(i) > 0) ? least : greatest;
        }
    }

    /**
     * Whether the lanes know each check's side in advance (see the class comment): isolated positions of non-zero
     * size whose brackets' rates are below 1, or a cross account with {@link #crossSlopeSign} not zero.
     */
    static boolean covers(CompiledProblem p) {
        if (!p.isolated) {
            return crossSlopeSign(p) != 0;
        }
        for (int i = 0; i < p.positions; i++) {
            if (p.positionSize.get(i) == 0) {
                return false;
            }
            for (int k = p.tierStart.get(i); p.markBasis.get(i) && k < p.tierStart.get(i + 1); k++) {
                if (!(p.tierRate.get(k) < 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The prices that the checks of position {@code i} read at the step's worse extreme (cross mode: the account's,
     * also for its collateral): the least for a long side, the greatest for a short.
     */
    float[] worse(int i) {
        return worse[i];
    }

    /** Before the market draws step {@code step}: each lane's covariance of it, for the bridge and the hand-over. */
    void beforeStep(int step, int count) {
        covariance.update(step, count);
    }

    /**
     * The least and greatest prices of step {@code step} that the checks read, for paths from {@code paths}, from the
     * step's start {@code previousLogReturn} (relative log prices, as {@link LaneMarket#logReturn}) and its end.
     */
    void draw(int step, int paths, float[] previousLogReturn) {
        int word = ContinuousMonitor.extremesWord(step);
        for (int a = 0; a < p.assets; a++) {
            if (!low[a] && !high[a]) {
                continue;
            }
            if (word == 0) {
                // an odd step draws the block it shares with the next one
                LanePhilox.block(ContinuousMonitor.extremesCounter(step), paths, a, ShockStream.MONITORING, k0, k1,
                        words[a]);
            }
            if (low[a]) {
                extreme(a, word, true, previousLogReturn, least);
            }
            if (high[a]) {
                extreme(a, word + 1, false, previousLogReturn, greatest);
            }
        }
    }

    /**
     * {@code 0.5 (x0 + x1 -+ sqrt((x1 - x0)^2 - 2 v log u))} with {@code u} from word {@code word} of asset
     * {@code a}'s block ({@code lower}: minus, the least), as a price into {@code out}.
     */
    private void extreme(int a, int word, boolean lower, float[] previousLogReturn, float[] out) {
        LaneUniforms.convert(words[a], word, uniform, 0);
        FloatVector v = FloatVector.fromArray(Lanes.FLOATS, covariance.floats, covariance.at(a, a));
        FloatVector x0 = FloatVector.fromArray(Lanes.FLOATS, previousLogReturn, a * L);
        FloatVector x1 = FloatVector.fromArray(Lanes.FLOATS, market.logReturn, a * L);
        FloatVector d = x1.sub(x0);
        FloatVector spread = FloatVector.fromArray(Lanes.FLOATS, uniform, 0).lanewise(LOG).mul(v).mul(-2f)
                .add(d.mul(d)).lanewise(SQRT);
        x0.add(x1).add(lower ? spread.neg() : spread).mul(0.5f).lanewise(EXP).mul(initialPrice[a])
                .intoArray(out, a * L);
    }

    /**
     * Cross mode: 1 when the excess rises with the one asset it moves with at every bracket of every position and
     * every haircut of its collateral, and no term leans the other way (so a partial cut keeps the sign), a portfolio
     * margin's scenarios included; -1 when it falls likewise; 0 otherwise (several moving assets included).
     */
    static int crossSlopeSign(CompiledProblem p) {
        int a = LaneBridge.movingAsset(p);
        if (a < 0 || p.positions == 0) {
            return 0;
        }
        double units = p.valueUnits.get(a) - p.requirementUnits.get(a);
        double unitsLow = units;
        double unitsHigh = units;
        var haircuts = p.frictions.haircuts();
        for (int c = 0; haircuts != null && c < haircuts.asset().length(); c++) {
            // the haircut ranges over [0, cap]; the shift of value less requirement is linear in it
            double perHaircut = haircuts.amount().get(c) * (1 - haircuts.requiredShare().get(c));
            double atZero = perHaircut * haircuts.compiled().get(c);
            double atCap = perHaircut * (haircuts.compiled().get(c) - haircuts.cap().get(c));
            unitsLow += Math.min(atZero, atCap);
            unitsHigh += Math.max(atZero, atCap);
        }
        // the portfolio margin's slope: the grid keeps the starting sizes, so unlike a position's slope a partial cut
        // does not shrink it (its range widened to zero, a bound that holds with or without a minimum)
        double[] grid = LanePortfolio.excessSlopeRange(p, a);
        unitsLow += Math.min(grid[0], 0);
        unitsHigh += Math.max(grid[1], 0);
        double least = Double.POSITIVE_INFINITY;
        double greatest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.positions; i++) {
            double size = p.positionSize.get(i);
            for (int k = p.tierStart.get(i); k < p.tierStart.get(i + 1); k++) {
                double slope = p.markBasis.get(i) ? size - Math.abs(size) * p.tierRate.get(k) : size;
                least = Math.min(least, slope);
                greatest = Math.max(greatest, slope);
            }
        }
        if (least > 0 && unitsLow >= 0) {
            return 1;
        }
        return greatest < 0 && unitsHigh <= 0 ? -1 : 0;
    }
}
