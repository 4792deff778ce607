package io.marginsim.engine.vector;

import io.marginsim.engine.LiquidatingAccount;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.spec.Monitoring;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

import java.util.Arrays;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;

/**
 * Carrying costs and liquidation mechanics ({@link io.marginsim.problem.Frictions}) under discrete monitoring for
 * {@link Lanes#COUNT} paths, with the account in float lanes: the quiet steps of {@link LiquidatingAccount} run on
 * vectors, and a lane drops to its own {@link LiquidatingAccount} only for a step with a liquidation event.
 *
 * <p>A step of the reference is (1) carrying costs, (2) the shadow account's shortfall, (3) fills due and breaches
 * ({@link LiquidatingAccount#settle}). Steps (1) and (2) change only sums (cash, margins, the shadow's charges) and
 * run here in lanes for every path ({@link LaneCarry} for the carrying costs). Step (3) changes nothing unless a
 * scope of the path has a fill due or is in breach on its current sizes; the lanes check that on vectors, and only
 * the lanes where it holds hand their cash, sizes and margins to their account, which settles the step in double
 * by the reference's own code (partial cuts, slippage, fees and their caps, scopes closing, bad debt) and hands
 * them back with its schedule. Paths reach such a step a few times at most, so the account's branches, which lane
 * masks would have to rewrite, stay in one place. A lane's check in float that finds a breach the reference's
 * double does not costs only the hand-over; one that misses a breach by float rounding delays it a step, like a
 * price within float rounding of a threshold (see {@link VectorEngine}).
 *
 * <p>A scope's state lives in {@link #due}: the step of its scheduled fill, {@link LiquidatingAccount#NONE} or
 * {@link LiquidatingAccount#CLOSED}. A closed scope's positions have size zero, so carrying costs pass it by without
 * a mask; only the borrow interest of a closed cross account needs one.
 *
 * <p><b>Continuous monitoring</b> checks within the step where {@link LaneExtremes#covers} holds: the lanes value
 * the shadow and the live account at the step's worse extreme price ({@link LaneExtremes}) rather than at its end,
 * and a scope is in breach within the step when its shortfall there is positive. A cross account that several
 * assets move ({@link LaneExcessBridge#covers}) is valued at the step's start and end instead, and its largest
 * shortfall within the step is the Brownian excess's ({@link LaneExcessBridge}). Either way a step in breach goes to
 * the lane's account ({@link LiquidatingAccount#settle(long, int, double[], double[], double[], double[], double[])}),
 * which draws the crossing time and fills from there, checking the rest of the step again after a fill, by the
 * reference's own code and draws; so does a step with a fill due. Other problems under continuous monitoring
 * (isolated positions whose side is not known, one asset's excess whose slope may change sign) run through
 * {@link LaneFrictions}.
 */
final class LaneLiquidation implements LaneBlocks {
    private static final int L = Lanes.COUNT;
    private final CompiledProblem p;
    private final LaneMarket market;
    private final LiquidatingAccount[] accounts = new LiquidatingAccount[L];
    private final boolean isolated;
    private final int positions;
    private final int[] asset;
    private final float[] entry;
    private final float[] startSize;
    private final float[] startMargin;
    private final boolean[] markBasis;
    /** Requirement of an entry-basis position at its starting size, for the shadow account; NaN on mark basis. */
    private final float[] fixedRequirement;
    private final int[] valueAsset;
    private final float[] valueUnits;
    private final int[] requirementAsset;
    private final float[] requirementUnits;
    private final LaneTiers tiers;
    private final LanePortfolio portfolio;
    private final LaneCarry carry;
    /** Continuous monitoring's extreme prices within the step where one asset moves the excess; else null. */
    private final LaneExtremes extremes;
    /** Continuous monitoring's Brownian excess where several assets move a cross account; else null. */
    private final LaneExcessBridge bridge;
    /** Continuous monitoring: each lane's step covariance, for the hand-over; null under discrete monitoring. */
    private final LaneCovariance covariance;

    /** Per lane: live cash; per position and lane (at {@code i * L}): live size and margin. */
    private final float[] cash = new float[L];
    private final float[] size;
    private final float[] margin;
    /** Per scope and lane: the step of the scheduled fill, {@link LiquidatingAccount#NONE} or {@code CLOSED}. */
    private final int[] due;
    private final int[] breachStep = new int[L];
    /**
     * Continuous monitoring: when within its step each lane first breached, from the reference account's check of
     * that step ({@link LiquidatingAccount#settledCrossingTime}); 1, the step's end, until then and under discrete
     * monitoring.
     */
    private final double[] breachFraction = new double[L];
    private final float[] worst = new float[L];
    /** Log returns of the step before, for fills that interpolate between two steps. */
    private final float[] previousLogReturn;
    /** Continuous monitoring: prices at the step's start, for the hand-over and the Brownian excess. */
    private final float[] previousPrice;
    /** The Brownian excess: the shadow's sizes per position and lane, and the shortfalls at the step's start. */
    private final float[] shadowSize;
    private final float[] shortfallStart = new float[L];
    private final float[] gapStart = new float[L];
    /**
     * The Brownian excess, between steps: the shadow's and the live account's shortfalls at the last step's end, and
     * the shadow's charges, the cash and the haircut shifts they were valued on, to carry them to this step's start;
     * {@link #carried} while they are last step's and no lane has been handed to its account since.
     */
    private final float[] endShortfall = new float[L];
    private final float[] endGap = new float[L];
    private final float[] endCharges = new float[L];
    private final float[] endCash = new float[L];
    private final float[] endShifts;
    private boolean carried;
    private final float[] variance = new float[L];

    /** Scratch lanes; see {@link LaneAccount} on why lanes pass between methods through arrays. */
    private final float[] held = new float[L];
    private final float[] heldRequirement = new float[L];
    private final float[] notional = new float[L];
    private final float[] requirement = new float[L];
    /** Per position and lane: the shadow's requirement of this step. */
    private final float[] startRequirement;
    /** Per scope and lane: the live account's shortfall (continuous: at the step's worse extreme). */
    private final float[] gap;
    /** The shadow's shortfall. */
    private final float[] shortfall = new float[L];
    /** Lanes with a liquidation event this step: non-zero. */
    private final int[] event = new int[L];
    /** One lane's state in double, handed to its account. */
    private final double[] laneLogPrice;
    private final double[] lanePreviousLogPrice;
    private final double[] lanePrice;
    private final double[] lanePreviousPrice;
    private final double[] laneSize;
    private final double[] laneMargin;
    private final double[] laneVariance;

    LaneLiquidation(CompiledProblem problem, LaneMarket market) {
        p = problem;
        this.market = market;
        isolated = p.isolated;
        positions = p.positions;
        asset = p.positionAsset.toArray();
        entry = Floats.of(p.positionEntry.toArray());
        startSize = Floats.of(p.positionSize.toArray());
        startMargin = Floats.of(p.positionMargin.toArray());
        markBasis = p.markBasis.toArray();
        fixedRequirement = new float[positions];
        for (int i = 0; i < positions; i++) {
            fixedRequirement[i] = markBasis[i] ? Float.NaN
                    : (float) p.tieredRequirement(i, p.notional(i, p.positionEntry.get(i)));
        }
        valueAsset = LaneAccount.nonZero(p.valueUnits.toArray());
        valueUnits = LaneAccount.pick(p.valueUnits.toArray(), valueAsset);
        requirementAsset = LaneAccount.nonZero(p.requirementUnits.toArray());
        requirementUnits = LaneAccount.pick(p.requirementUnits.toArray(), requirementAsset);
        tiers = new LaneTiers(p);
        portfolio = new LanePortfolio(p);
        carry = new LaneCarry(p, market);
        laneVariance = carry.haircuts == null ? null : new double[p.assets];
        boolean continuous = p.monitoring == Monitoring.CONTINUOUS;
        extremes = continuous && LaneExtremes.covers(p) ? new LaneExtremes(p, market) : null;
        bridge = continuous && extremes == null ? new LaneExcessBridge(p, market, tiers, carry, portfolio) : null;
        covariance = extremes != null ? extremes.covariance : bridge != null ? bridge.covariance : null;
        previousPrice = new float[continuous ? p.assets * L : 0];
        shadowSize = new float[bridge == null ? 0 : positions * L];
        endShifts = new float[carry.shiftLength()];
        for (int i = 0; bridge != null && i < positions; i++) {
            Arrays.fill(shadowSize, i * L, (i + 1) * L, startSize[i]);
        }
        int scopes = isolated ? positions : 1;
        gap = new float[scopes * L];
        size = new float[positions * L];
        startRequirement = new float[positions * L];
        margin = new float[positions * L];
        due = new int[scopes * L];
        previousLogReturn = new float[p.assets * L];
        for (int l = 0; l < L; l++) {
            accounts[l] = new LiquidatingAccount(problem);
        }
        laneLogPrice = new double[p.assets];
        lanePreviousLogPrice = new double[p.assets];
        lanePrice = new double[p.assets];
        lanePreviousPrice = new double[p.assets];
        laneSize = new double[positions];
        laneMargin = new double[positions];
    }

    /**
     * Whether this class runs {@code problem}: discrete monitoring, or continuous where the lanes know the side or
     * the excess is a cross account's that several assets move ({@link LaneExcessBridge#covers}), and every price
     * starts as a normal float. A price that float rounds to zero (below about 1e-45) or to infinity has no
     * logarithm in the lanes' within-step check (it came out NaN); the per-lane reference account
     * ({@link LaneFrictions}) runs such a problem.
     */
    static boolean covers(CompiledProblem problem) {
        return problem.monitoring == Monitoring.DISCRETE
                || pricesInFloatRange(problem) && (LaneExtremes.covers(problem) || LaneExcessBridge.covers(problem));
    }

    private static boolean pricesInFloatRange(CompiledProblem problem) {
        for (double price : problem.initialPrice.toArray()) {
            float f = (float) price;
            if (!(f >= Float.MIN_NORMAL) || Float.isInfinite(f)) {
                return false;
            }
        }
        return true;
    }

    /** The other lanes of the vector are simulated and discarded, and never handed to an account. */
    @Override
    public void simulateLanes(long firstPath, PathBlock out, int slot, int count) {
        // Philox counters carry the low 32 bits of the path index, as in ShockStream
        int paths = (int) firstPath;
        market.reset();
        start(count);
        for (int step = 1; step <= p.steps; step++) {
            Lanes.copy(market.logReturn, 0, previousLogReturn, 0, previousLogReturn.length);
            Lanes.copy(market.price, 0, previousPrice, 0, previousPrice.length);
            if (extremes != null) {
                extremes.beforeStep(step, count);
            } else if (bridge != null) {
                bridge.beforeStep(step, count);
            }
            market.advance(step - 1, paths);
            carry.accrue(step, size, cash, margin, due);
            if (extremes != null) {
                extremes.draw(step, paths, previousLogReturn);
            } else if (bridge != null) {
                bridge.draw(step, paths);
            }
            check(step);
            settle(step, firstPath, count);
        }
        for (int l = 0; l < count; l++) {
            handOver(l);
            out.firstBreachStep[slot + l] = breachStep[l];
            out.breachFraction[slot + l] = breachFraction[l];
            out.worstShortfall[slot + l] = worst[l];
            accounts[l].writeLive(lanePrice, out, slot + l);
        }
    }

    private void start(int count) {
        for (int l = 0; l < count; l++) {
            accounts[l].start();
        }
        Arrays.fill(cash, (float) p.cash);
        for (int i = 0; i < positions; i++) {
            Arrays.fill(size, i * L, (i + 1) * L, startSize[i]);
            Arrays.fill(margin, i * L, (i + 1) * L, startMargin[i]);
        }
        carry.start();
        Arrays.fill(due, LiquidatingAccount.NONE);
        Arrays.fill(breachStep, PathBlock.NO_BREACH);
        Arrays.fill(breachFraction, 1.0);
        Arrays.fill(worst, Float.NEGATIVE_INFINITY);
        carried = false;
    }

    /**
     * The shadow's and the live account's shortfalls of step {@code step}: the shadow's into the worst shortfall and
     * the first breach, the live scopes' into {@link #gap} for {@link #settle}. Under continuous monitoring they are
     * valued at the step's worse extreme price alone: the reference takes the lower of the excesses there and at the
     * step's end, and the extreme is never better than the end (a bridge's least value is at most its end's), while
     * {@link LaneExtremes#covers} makes every excess monotone in the price on the side it reads.
     */
    private void check(int step) {
        if (bridge != null) {
            bridgeShortfalls();
        } else {
            float[] at = extremes != null ? null : market.price;
            shadowShortfall(at, shortfall);
            liveGaps(at, gap);
        }
        FloatVector largest = FloatVector.fromArray(Lanes.FLOATS, shortfall, 0);
        FloatVector.fromArray(Lanes.FLOATS, worst, 0).max(largest).intoArray(worst, 0);
        VectorMask<Float> breach = largest.compare(GT, 0f);
        if (breach.anyTrue()) {
            IntVector steps = IntVector.fromArray(Lanes.INTS, breachStep, 0);
            steps.blend(step, breach.cast(Lanes.INTS).and(steps.compare(EQ, PathBlock.NO_BREACH)))
                    .intoArray(breachStep, 0);
        }
    }

    /**
     * The Brownian excess's largest shortfalls within the step ({@link LaneExcessBridge}) of the shadow into
     * {@link #shortfall} and of the live account into {@link #gap}, from each one's shortfalls at the step's start
     * and end, on the current cash and this step's haircuts, as the reference values both after the carrying costs.
     */
    private void bridgeShortfalls() {
        if (carried) {
            // the step starts at the last one's end prices, sizes and grid: its shortfalls are the last step's end's,
            // moved by what this step's carrying costs charged the shadow and took from the cash, and by its haircuts
            FloatVector.fromArray(Lanes.FLOATS, carry.charges, 0)
                    .sub(FloatVector.fromArray(Lanes.FLOATS, endCharges, 0))
                    .add(FloatVector.fromArray(Lanes.FLOATS, endShortfall, 0)).intoArray(shortfallStart, 0);
            FloatVector.fromArray(Lanes.FLOATS, endCash, 0).sub(FloatVector.fromArray(Lanes.FLOATS, cash, 0))
                    .add(FloatVector.fromArray(Lanes.FLOATS, endGap, 0)).intoArray(gapStart, 0);
            carry.addShiftChange(endShifts, previousPrice, shortfallStart);
            carry.addShiftChange(endShifts, previousPrice, gapStart);
        } else {
            shadowShortfall(previousPrice, shortfallStart);
            liveGaps(previousPrice, gapStart);
        }
        shadowShortfall(market.price, shortfall);
        liveGaps(market.price, gap);
        Lanes.copy(shortfall, 0, endShortfall, 0, L);
        Lanes.copy(gap, 0, endGap, 0, L);
        Lanes.copy(carry.charges, 0, endCharges, 0, L);
        Lanes.copy(cash, 0, endCash, 0, L);
        carry.copyShifts(endShifts);
        carried = true;
        bridge.startPrices(previousPrice);
        bridge.variance(shadowSize, previousPrice, variance);
        bridge.largest(shortfallStart, shortfall, variance, shortfall);
        if (someOpenLaneCut()) {
            // otherwise each lane's live excess moves as its shadow's, or the lane is closed and its gap unread
            bridge.variance(size, previousPrice, variance);
        }
        bridge.largest(gapStart, gap, variance, gap);
        // the reference checks a lane's live account that fewer than two assets move as one asset's, with other
        // draws: it checks the step
        VectorMask<Float> oneMoving = FloatVector.fromArray(Lanes.FLOATS, bridge.moving, 0).compare(LT, 2f);
        FloatVector.fromArray(Lanes.FLOATS, gap, 0).blend(Float.POSITIVE_INFINITY, oneMoving).intoArray(gap, 0);
    }

    /**
     * The prices position {@code i}'s checks read: {@code at}, or where that is null its worse extreme
     * ({@link LaneExtremes}).
     */
    private float[] prices(float[] at, int i) {
        return at != null ? at : extremes.worse(i);
    }

    /**
     * The shadow account's shortfall (starting sizes and margins, every carrying cost charged, never liquidated)
     * into {@code out}, at the prices {@code at} or (null) the step's worse extreme.
     */
    private void shadowShortfall(float[] at, float[] out) {
        FloatVector shortfall;
        if (isolated) {
            shortfall = FloatVector.broadcast(Lanes.FLOATS, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < positions; i++) {
                float[] price = prices(at, i);
                startRequirement(i, price);
                FloatVector equity = FloatVector.fromArray(Lanes.FLOATS, price, asset[i] * L).sub(entry[i])
                        .mul(startSize[i]).add(startMargin[i])
                        .sub(FloatVector.fromArray(Lanes.FLOATS, carry.charges, i * L));
                shortfall = shortfall.max(FloatVector.fromArray(Lanes.FLOATS, requirement, 0).sub(equity));
            }
        } else {
            // a cross account read at its worse extreme moves with one asset, at one extreme: that of its positions
            holdings(prices(at, 0));
            FloatVector equity = FloatVector.fromArray(Lanes.FLOATS, held, 0).add((float) p.cash)
                    .sub(FloatVector.fromArray(Lanes.FLOATS, carry.charges, 0));
            FloatVector required = FloatVector.fromArray(Lanes.FLOATS, heldRequirement, 0);
            for (int i = 0; i < positions; i++) {
                float[] price = prices(at, i);
                equity = FloatVector.fromArray(Lanes.FLOATS, price, asset[i] * L).sub(entry[i]).mul(startSize[i])
                        .add(equity);
                startRequirement(i, price);
                required = required.add(FloatVector.fromArray(Lanes.FLOATS, requirement, 0));
            }
            shortfall = required.sub(equity);
        }
        shortfall.intoArray(out, 0);
    }

    /**
     * Each scope's shortfall on its live sizes into {@code out}, at the prices {@code at} or (null) the step's worse
     * extreme. Runs after {@link #shadowShortfall} at the same prices, whose scratch it reads.
     */
    private void liveGaps(float[] at, float[] out) {
        if (!isolated) {
            // held and heldRequirement are these prices', from shadowShortfall
            FloatVector equity = FloatVector.fromArray(Lanes.FLOATS, held, 0)
                    .add(FloatVector.fromArray(Lanes.FLOATS, cash, 0));
            FloatVector required = FloatVector.fromArray(Lanes.FLOATS, heldRequirement, 0);
            for (int i = 0; i < positions; i++) {
                float[] price = prices(at, i);
                equity = FloatVector.fromArray(Lanes.FLOATS, price, asset[i] * L).sub(entry[i])
                        .mul(FloatVector.fromArray(Lanes.FLOATS, size, i * L)).add(equity);
                liveRequirement(i, price);
                required = required.add(FloatVector.fromArray(Lanes.FLOATS, requirement, 0));
            }
            required.sub(equity).intoArray(out, 0);
        } else {
            for (int i = 0; i < positions; i++) {
                float[] price = prices(at, i);
                liveRequirement(i, price);
                FloatVector units = FloatVector.fromArray(Lanes.FLOATS, size, i * L);
                FloatVector equity = FloatVector.fromArray(Lanes.FLOATS, price, asset[i] * L).sub(entry[i])
                        .mul(units).add(FloatVector.fromArray(Lanes.FLOATS, margin, i * L));
                FloatVector.fromArray(Lanes.FLOATS, requirement, 0).sub(equity).intoArray(out, i * L);
            }
        }
    }

    /**
     * Finds the lanes where some scope has a fill due at {@code step} (at the horizon: any fill still scheduled) or
     * is open, has none scheduled and is in breach on its live sizes ({@link #gap}), and settles the step there by
     * the lane's account, paths from {@code firstPath}.
     */
    private void settle(int step, long firstPath, int count) {
        boolean last = step == p.steps;
        IntVector.zero(Lanes.INTS).intoArray(event, 0);
        for (int scope = 0; scope < due.length / L; scope++) {
            markEvents(scope, step, last);
        }
        VectorMask<Integer> events = IntVector.fromArray(Lanes.INTS, event, 0).compare(NE, 0);
        // most steps have none: the mask's bits are read only when there are some
        long lanes = events.anyTrue() ? events.toLong() & (-1L >>> (64 - count)) : 0;
        // a lane's account may change its cash and sizes: next step's start is valued afresh
        carried &= lanes == 0;
        for (; lanes != 0; lanes &= lanes - 1) {
            int l = Long.numberOfTrailingZeros(lanes);
            handOver(l);
            if (covariance == null) {
                accounts[l].settle(step, laneLogPrice, lanePreviousLogPrice, lanePrice);
            } else {
                accounts[l].settle(firstPath + l, step, laneLogPrice, lanePreviousLogPrice, lanePrice,
                        lanePreviousPrice, covariance.of(l));
                if (breachStep[l] == step) {
                    breachFraction[l] = accounts[l].settledCrossingTime();
                }
            }
            takeBack(l);
        }
    }

    /**
     * Marks in {@link #event} the lanes where scope {@code scope} has an event at {@code step}: a fill due, or no
     * fill scheduled and its shortfall in {@link #gap} positive (a closed scope is neither).
     */
    private void markEvents(int scope, int step, boolean last) {
        IntVector scheduled = IntVector.fromArray(Lanes.INTS, due, scope * L);
        VectorMask<Integer> fill = last
                ? scheduled.compare(GE, step).and(scheduled.compare(NE, LiquidatingAccount.NONE))
                : scheduled.compare(EQ, step);
        VectorMask<Integer> breach = FloatVector.fromArray(Lanes.FLOATS, gap, scope * L).compare(GT, 0f)
                .cast(Lanes.INTS)
                .and(scheduled.compare(EQ, LiquidatingAccount.NONE));
        IntVector.fromArray(Lanes.INTS, event, 0).blend(1, fill.or(breach)).intoArray(event, 0);
    }

    /**
     * Collateral and debt at {@code price} (at this step's haircuts) into {@link #held}, and the collateral's
     * requirement with the portfolio margin into {@link #heldRequirement}.
     */
    private void holdings(float[] price) {
        FloatVector value = FloatVector.zero(Lanes.FLOATS);
        for (int j = 0; j < valueAsset.length; j++) {
            value = FloatVector.fromArray(Lanes.FLOATS, price, valueAsset[j] * L).mul(valueUnits[j]).add(value);
        }
        FloatVector required = FloatVector.zero(Lanes.FLOATS);
        for (int j = 0; j < requirementAsset.length; j++) {
            required = FloatVector.fromArray(Lanes.FLOATS, price, requirementAsset[j] * L).mul(requirementUnits[j])
                    .add(required);
        }
        value.intoArray(held, 0);
        required.intoArray(heldRequirement, 0);
        carry.addHaircutShifts(price, held, heldRequirement);
        if (portfolio.applies()) {
            // compiled for the starting sizes: the shadow's, and the live account's until a full liquidation
            portfolio.addTo(price, heldRequirement);
        }
    }

    /**
     * Position {@code i}'s requirement at its starting size into {@link #requirement}, and into its lanes of
     * {@link #startRequirement} for {@link #liveRequirement} of the same step.
     */
    private void startRequirement(int i, float[] price) {
        if (!markBasis[i]) {
            Lanes.fill(requirement, 0, fixedRequirement[i]);
        } else {
            FloatVector.fromArray(Lanes.FLOATS, price, asset[i] * L).mul(Math.abs(startSize[i]))
                    .intoArray(notional, 0);
            tiers.requirement(i, notional, requirement);
        }
        Lanes.copy(requirement, 0, startRequirement, i * L, L);
    }

    /** Position {@code i}'s requirement at its live size into {@link #requirement}: zero once nothing is left. */
    private void liveRequirement(int i, float[] price) {
        if (startSize[i] != 0f && uncutWhereOpen(i)) {
            // no open lane has cut the position: the shadow's requirement of this step is the live one
            Lanes.copy(startRequirement, i * L, requirement, 0, L);
            return;
        }
        FloatVector units = FloatVector.fromArray(Lanes.FLOATS, size, i * L);
        FloatVector basis = markBasis[i] ? FloatVector.fromArray(Lanes.FLOATS, price, asset[i] * L)
                : FloatVector.broadcast(Lanes.FLOATS, entry[i]);
        units.abs().mul(basis).intoArray(notional, 0);
        tiers.requirement(i, notional, requirement);
        FloatVector.fromArray(Lanes.FLOATS, requirement, 0).blend(0f, units.compare(EQ, 0f))
                .intoArray(requirement, 0);
    }

    /**
     * Whether every lane holds position {@code i}'s starting size or has closed the position's scope: a closed scope's
     * shortfall ({@link #gap}) is never read, so there the live account may be valued as the shadow.
     */
    private boolean uncutWhereOpen(int i) {
        VectorMask<Float> closed = IntVector.fromArray(Lanes.INTS, due, (isolated ? i : 0) * L)
                .compare(EQ, LiquidatingAccount.CLOSED).cast(Lanes.FLOATS);
        return FloatVector.fromArray(Lanes.FLOATS, size, i * L).compare(EQ, startSize[i]).or(closed).allTrue();
    }

    /** Whether some lane whose account is open holds a size other than its starting one (cross mode). */
    private boolean someOpenLaneCut() {
        for (int i = 0; i < positions; i++) {
            if (!uncutWhereOpen(i)) {
                return true;
            }
        }
        return false;
    }

    /** Lane {@code l}'s prices in double into the lane scratch, and its cash, sizes and margins into its account. */
    private void handOver(int l) {
        for (int a = 0; a < p.assets; a++) {
            laneLogPrice[a] = p.initialLogPrice.get(a) + market.logReturn[a * L + l];
            lanePreviousLogPrice[a] = p.initialLogPrice.get(a) + previousLogReturn[a * L + l];
            lanePrice[a] = market.price[a * L + l];
            if (covariance != null) {
                lanePreviousPrice[a] = previousPrice[a * L + l];
            }
        }
        for (int i = 0; i < positions; i++) {
            laneSize[i] = size[i * L + l];
            laneMargin[i] = margin[i * L + l];
        }
        accounts[l].resume(cash[l], laneSize, laneMargin);
        if (laneVariance != null) {
            market.conditionalVariance(p, l, laneVariance);
            accounts[l].haircutVariance(laneVariance);
        }
    }

    /** Lane {@code l}'s cash, sizes, margins and schedule back from its account after it settled a step. */
    private void takeBack(int l) {
        LiquidatingAccount account = accounts[l];
        cash[l] = (float) account.cash();
        for (int i = 0; i < positions; i++) {
            size[i * L + l] = (float) account.size(i);
            margin[i * L + l] = (float) account.margin(i);
        }
        for (int scope = 0; scope < due.length / L; scope++) {
            due[scope * L + l] = account.scheduled(scope);
        }
    }
}
