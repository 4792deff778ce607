package io.marginsim.engine.vector;

import io.marginsim.engine.ContinuousMonitor;
import io.marginsim.engine.MarketPath;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.Valuation;
import io.marginsim.rng.ShockStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import java.util.Arrays;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.SQRT;

/**
 * Continuous monitoring of the plain breach model in float lanes, for the common case that {@link #covers}: a cross
 * account whose excess moves with one asset's price alone, always in the same direction, on plain GBM. Each step
 * draws that asset's least (long side) or greatest (short side) log price over the step, lane-wise; this is the
 * one-asset branch of {@link io.marginsim.engine.ContinuousMonitor#crossShortfall} with
 * {@link io.marginsim.engine.BridgeCrossing#minimum} and {@code ContinuousMonitor.barrierPrice} written out for
 * lanes, from the same monitoring draws (block {@code a} of segment 0, shared by two steps: see
 * {@code ContinuousMonitor.extremeWords}). Other problems run through
 * {@link LaneContinuous}.
 *
 * <p>The excess is monotone in that price, so the account need not be valued every step: a step breaches when its
 * worse log price passes the barrier's (found once, in double), the account is valued at the crossing only when a
 * lane first breaches, and the worst shortfall is the one at the path's worst log price, valued at the end. That
 * leaves half a Philox block of the monitoring stream, a logarithm and a square root per step.
 *
 * <p>A lane's first breach takes its time within the step from the reference, in double
 * ({@link ContinuousMonitor#assetCrossingTime} at the lane's crossing price): once a path, so it costs nothing on
 * the other steps.
 *
 * <p>The bridge is drawn on the log price relative to its start, as {@link LaneMarket} keeps it: the extreme of a
 * bridge shifts with its endpoints, so this is the reference's extreme less {@code log P0}, with float's finer
 * spacing near zero.
 */
final class LaneBridge {
    private static final int L = Lanes.COUNT;
    private final int steps;
    private final int k0;
    private final int k1;
    /** The one asset the excess moves with, whose lanes sit at {@code moving * L} in price arrays. */
    private final int moving;
    /** Whether the excess rises with the price (a long side): then the step's least price is the worst. */
    private final boolean rising;
    private final float variance;
    private final float initialPrice;
    /** The barrier: the log price relative to the start where the excess is zero. */
    private final float barrierLog;
    private final LaneMarket market;
    private final LaneAccount account;
    private final int[] words = new int[4 * L];
    private final float[] uniform = new float[L];
    /** Prices the account is valued at: only the moving asset's lanes are read (the others hold no units). */
    private final float[] price;
    private final float[] logReturn0 = new float[L];
    private final float[] price0 = new float[L];
    private final float[] excess = new float[L];
    /** The step's worse log price (relative to the start), the path's worst so far, and the step's gap past it. */
    private final float[] worseLog = new float[L];
    private final float[] worstLog = new float[L];
    private final float[] beyond = new float[L];
    private final float[] shortfall = new float[L];
    private final float[] crossingEquity = new float[L];
    /** Each lane's first breach time within its step, NaN until the lane breaches; see the class comment. */
    private final double[] breachFraction = new double[L];
    private final ContinuousMonitor monitor;
    private final double monitorVariance;
    private final double initialLogPrice;

    LaneBridge(CompiledProblem p, LaneMarket market) {
        steps = p.steps;
        k0 = (int) p.seed;
        k1 = (int) (p.seed >>> 32);
        moving = movingAsset(p);
        rising = slopeBounds(p)[0] > 0;
        double[] covariance = new double[p.assets * p.assets];
        new MarketPath(p).stepCovariance(1, covariance);
        monitorVariance = covariance[moving * p.assets + moving];
        variance = (float) monitorVariance;
        monitor = new ContinuousMonitor(p);
        initialLogPrice = p.initialLogPrice.get(moving);
        initialPrice = (float) Math.exp(p.initialLogPrice.get(moving));
        barrierLog = (float) barrierLog(p, moving, rising);
        this.market = market;
        account = new LaneAccount(p);
        price = new float[p.assets * L];
    }

    /**
     * Whether the lanes here run {@code p} under continuous monitoring: cross mode, plain GBM, no carrying costs or
     * liquidation mechanics, one asset carrying every position and all collateral, and an excess whose slope in
     * that price has one sign at every price (each position's slope lies between those of its brackets), so the
     * reference draws the same side of the bridge whatever bracket a lane is in.
     */
    static boolean covers(CompiledProblem p) {
        if (p.isolated || !p.gbmOnly() || !p.frictions.isNone() || movingAsset(p) < 0) {
            return false;
        }
        double[] bounds = slopeBounds(p);
        return bounds[0] > 0 || bounds[1] < 0;
    }

    /** The asset of every position and all collateral, or -1 when there are several (or none). */
    static int movingAsset(CompiledProblem p) {
        int found = -1;
        for (int a = 0; a < p.assets; a++) {
            boolean used = p.valueUnits.get(a) != 0 || p.requirementUnits.get(a) != 0;
            for (int i = 0; i < p.positions; i++) {
                used |= p.positionAsset.get(i) == a;
            }
            if (used) {
                if (found >= 0) {
                    return -1;
                }
                found = a;
            }
        }
        return found;
    }

    /**
     * Least and greatest slope of the excess in the moving asset's price over all brackets, after
     * {@link io.marginsim.problem.Valuation#crossExcessSlopes}.
     */
    private static double[] slopeBounds(CompiledProblem p) {
        int a = Math.max(0, movingAsset(p));
        double low = p.valueUnits.get(a) - p.requirementUnits.get(a);
        double high = low;
        for (int i = 0; i < p.positions; i++) {
            double size = p.positionSize.get(i);
            if (!p.markBasis.get(i)) {
                low += size;
                high += size;
                continue;
            }
            double least = Double.POSITIVE_INFINITY;
            double greatest = Double.NEGATIVE_INFINITY;
            for (int k = p.tierStart.get(i); k < p.tierStart.get(i + 1); k++) {
                double slope = size - Math.abs(size) * p.tierRate.get(k);
                least = Math.min(least, slope);
                greatest = Math.max(greatest, slope);
            }
            low += least;
            high += greatest;
        }
        double[] grid = LanePortfolio.excessSlopeRange(p, a);
        return new double[] {low + grid[0], high + grid[1]};
    }

    /** Simulates paths {@code firstPath ..} into {@code out}, a padded vector of lanes at a time. */
    void simulate(long firstPath, PathBlock out) {
        int size = out.size();
        for (int slot = 0; slot < size; slot += L) {
            simulateLanes(firstPath + slot, out, slot, Math.min(L, size - slot));
        }
    }

    private void simulateLanes(long firstPath, PathBlock out, int slot, int count) {
        // Philox counters carry the low 32 bits of the path index, as in ShockStream
        int paths = (int) firstPath;
        market.reset();
        account.reset();
        Arrays.fill(logReturn0, 0f);
        Arrays.fill(breachFraction, Double.NaN);
        Arrays.fill(worstLog, rising ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY);
        Lanes.copy(market.price, moving * L, price0, 0, L);
        for (int step = 1; step <= steps; step++) {
            market.advance(step - 1, paths);
            worse(step, paths);
            if (account.anyFirstBreach(beyond)) {
                crossingEquity();
                crossingTimes(firstPath, step, count);
                account.recordBreach(step, beyond, crossingEquity);
            }
            Lanes.copy(market.logReturn, moving * L, logReturn0, 0, L);
            Lanes.copy(market.price, moving * L, price0, 0, L);
        }
        // the excess is monotone in the price, so the worst shortfall is the one at the path's worst log price
        FloatVector.fromArray(Lanes.FLOATS, worstLog, 0).lanewise(EXP).mul(initialPrice).intoArray(price, moving * L);
        account.crossExcess(price, excess);
        FloatVector.fromArray(Lanes.FLOATS, excess, 0).neg().intoArray(shortfall, 0);
        account.raiseWorst(shortfall);
        account.write(market.price, out, slot, count);
        for (int l = 0; l < count; l++) {
            out.breachFraction[slot + l] = Double.isNaN(breachFraction[l]) ? 1 : breachFraction[l];
        }
    }

    /**
     * The crossing time of each lane breaching for the first time at step {@code step}, after {@link #crossingEquity}
     * left its crossing price in {@code price}: the reference's one-asset {@code crossCrossingTime}.
     */
    private void crossingTimes(long firstPath, int step, int count) {
        for (int l = 0; l < count; l++) {
            if (beyond[l] > 0 && Double.isNaN(breachFraction[l])) {
                breachFraction[l] = monitor.assetCrossingTime(firstPath + l, step, moving,
                        initialLogPrice + logReturn0[l], initialLogPrice + market.logReturn[moving * L + l],
                        monitorVariance, price[moving * L + l]);
            }
        }
    }

    /**
     * The worse of the step's end and its least (rising excess) or greatest log price,
     * {@link io.marginsim.engine.BridgeCrossing#minimum} and its mirror, into {@code worseLog}; the path's worst so
     * far into {@code worstLog}, and how far beyond the barrier the step went into {@code beyond} (positive in
     * breach). The excess is monotone in the price, so the worse log price is where the reference's
     * {@code min(extreme's excess, end's excess)} is, and a breach is a log price beyond the barrier's.
     */
    private void worse(int step, int paths) {
        int word = ContinuousMonitor.extremesWord(step);
        if (word == 0) {
            // an odd step draws the block it shares with the next one (ContinuousMonitor.extremeWords)
            LanePhilox.block(ContinuousMonitor.extremesCounter(step), paths, moving, ShockStream.MONITORING, k0, k1,
                    words);
        }
        LaneUniforms.convert(words, word + (rising ? 0 : 1), uniform, 0);
        FloatVector x0 = FloatVector.fromArray(Lanes.FLOATS, logReturn0, 0);
        FloatVector x1 = FloatVector.fromArray(Lanes.FLOATS, market.logReturn, moving * L);
        FloatVector d = x1.sub(x0);
        FloatVector spread = FloatVector.fromArray(Lanes.FLOATS, uniform, 0).lanewise(LOG).mul(-2f * variance)
                .add(d.mul(d)).lanewise(SQRT);
        FloatVector x = x0.add(x1).add(rising ? spread.neg() : spread).mul(0.5f);
        FloatVector worst = FloatVector.fromArray(Lanes.FLOATS, worstLog, 0);
        if (rising) {
            x = x.min(x1);
            worst.min(x).intoArray(worstLog, 0);
            FloatVector.broadcast(Lanes.FLOATS, barrierLog).sub(x).intoArray(beyond, 0);
        } else {
            x = x.max(x1);
            worst.max(x).intoArray(worstLog, 0);
            x.sub(barrierLog).intoArray(beyond, 0);
        }
        x.intoArray(worseLog, 0);
    }

    /**
     * The equity at the crossing, for lanes in breach: the price between the step's start and the worse price where
     * the excess, linear in between, is zero ({@code ContinuousMonitor.barrierPrice}). Only when some lane breaches
     * for the first time, as only those lanes keep it.
     */
    private void crossingEquity() {
        FloatVector to = FloatVector.fromArray(Lanes.FLOATS, worseLog, 0).lanewise(EXP).mul(initialPrice);
        to.intoArray(price, moving * L);
        account.crossExcess(price, excess);
        FloatVector low = FloatVector.fromArray(Lanes.FLOATS, excess, 0);
        FloatVector from = FloatVector.fromArray(Lanes.FLOATS, price0, 0);
        from.intoArray(price, moving * L);
        account.crossExcess(price, excess);
        FloatVector m0 = FloatVector.fromArray(Lanes.FLOATS, excess, 0);
        VectorMask<Float> above = m0.compare(GT, 0f);
        FloatVector between = to.sub(from).mul(m0).div(m0.sub(low)).add(from);
        from.blend(to, above).blend(between, above.and(low.compare(LT, 0f))).intoArray(price, moving * L);
        account.equity(price, crossingEquity);
    }

    /**
     * The log price, relative to the start, where the excess is zero (the liquidation price for a flat rule), in
     * double by bisection on the reference's valuation: the excess is monotone in the price, so a step breaches
     * exactly when its worse log price passes this one. Infinite when the excess never changes sign.
     */
    private static double barrierLog(CompiledProblem p, int a, boolean rising) {
        double[] at = p.initialPrice.toArray();
        double low = -60;
        double high = 60;
        boolean lowBreached = excess(p, at, a, low) < 0;
        if (lowBreached == excess(p, at, a, high) < 0) {
            // never (or always) in breach: a barrier no log price passes (or every one does)
            return lowBreached == rising ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (low + high);
            if (excess(p, at, a, mid) < 0 == lowBreached) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return rising ? low : high;
    }

    private static double excess(CompiledProblem p, double[] at, int a, double logReturn) {
        at[a] = Math.exp(p.initialLogPrice.get(a) + logReturn);
        return Valuation.crossEquity(p, at) - Valuation.crossRequirement(p, at);
    }
}
