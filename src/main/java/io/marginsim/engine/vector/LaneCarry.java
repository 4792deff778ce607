package io.marginsim.engine.vector;

import io.marginsim.engine.LiquidatingAccount;
import io.marginsim.liquidation.PremiumLink;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Frictions;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

import java.util.Arrays;

import static jdk.incubator.vector.VectorOperators.NE;

/**
 * The carrying costs of {@link LiquidatingAccount} for {@link Lanes#COUNT} paths in float, each step as the
 * reference's {@code accrue}: constant or premium-linked funding, borrow interest, and haircuts that follow the
 * path, for the live account (on the sizes it holds in lanes, see {@link LaneLiquidation}) and its shadow.
 *
 * <p>The premium's trailing log price is kept as the lane's log return relative to its start (the market's own
 * form, see {@link LaneMarket}), so the basis is a difference of small numbers rather than of log prices near 11.
 */
final class LaneCarry {
    private static final int L = Lanes.COUNT;
    private final LaneMarket market;
    private final CompiledProblem p;
    private final boolean isolated;
    private final int[] asset;
    private final float[] startSize;
    /** Per position, the constant funding rate per step (0: none). */
    private final float[] fundingRate;
    /** Premium-linked funding, or null; then {@link #pastLogReturn} is empty. */
    private final Frictions.PremiumFunding premium;
    /** Per position, its premium link, or null where its funding is not premium-linked (an array: read every step). */
    private final PremiumLink[] link;
    private final int history;
    /**
     * Ring of the last {@code history} steps' log returns: step {@code s} of asset {@code a} in lane {@code l} at
     * {@code ((s mod history) * assets + a) * L + l}, as the reference keeps its log prices; before the horizon a
     * path is flat at {@code logPriceBeforeShock}.
     */
    private final float[] pastLogReturn;
    private final float[] beforeShock;
    private final int[] borrowAsset;
    private final float[] borrowUnits;
    /** Haircuts that follow the path, or null. */
    final Frictions.PathHaircuts haircuts;
    /**
     * Per haircut entry and lane (at {@code c * L}): the units its collateral gains over the compiled value at this
     * step's haircut, {@code amount * (compiled - haircut)}.
     */
    private final float[] valueShift;

    /**
     * What the shadow account has been charged: cross mode, all carrying costs (one block of lanes); isolated, the
     * funding of each position (a block per position), as the reference's shadow counts them.
     */
    final float[] charges;
    /** Scratch lanes: a funding rate, a variance. */
    private final float[] rate = new float[L];
    private final float[] variance = new float[L];

    LaneCarry(CompiledProblem problem, LaneMarket market) {
        p = problem;
        this.market = market;
        isolated = p.isolated;
        asset = p.positionAsset.toArray();
        startSize = Floats.of(p.positionSize.toArray());
        double[] funding = p.frictions.fundingPerStep().toArray();
        fundingRate = funding.length == 0 ? new float[p.positions] : Floats.of(funding);
        premium = p.frictions.premiumFunding();
        history = premium == null ? 0 : premium.history();
        link = premium == null ? new PremiumLink[p.positions] : premium.link().toArray(new PremiumLink[0]);
        pastLogReturn = new float[history * p.assets * L];
        beforeShock = new float[p.assets];
        for (int a = 0; premium != null && a < p.assets; a++) {
            beforeShock[a] = (float) (premium.logPriceBeforeShock().get(a) - p.initialLogPrice.get(a));
        }
        double[] borrow = p.frictions.borrowPerStep().length() == 0 ? new double[p.assets]
                : p.frictions.borrowPerStep().toArray();
        borrowAsset = LaneAccount.nonZero(borrow);
        borrowUnits = LaneAccount.pick(borrow, borrowAsset);
        haircuts = p.frictions.haircuts();
        valueShift = new float[haircuts == null ? 0 : haircuts.asset().length() * L];
        charges = new float[(isolated ? p.positions : 1) * L];
    }

    /** Starts new paths: nothing charged, the premium's past flat at the price before any shock. */
    void start() {
        Arrays.fill(charges, 0f);
        for (int s = 0; s < history; s++) {
            for (int a = 0; a < p.assets; a++) {
                Arrays.fill(pastLogReturn, (s * p.assets + a) * L, (s * p.assets + a + 1) * L, beforeShock[a]);
            }
        }
    }

    /**
     * Carrying costs of step {@code step} at the market's prices: each position's funding out of {@code cash}
     * (cross) or its lanes of {@code margin} (isolated) on its live {@code size}, the shadow's on its starting size;
     * borrow interest out of the cash of an account that {@code due} does not mark closed, and into the cross
     * shadow's charges. Also sets this step's haircuts when they follow the path.
     */
    void accrue(int step, float[] size, float[] cash, float[] margin, int[] due) {
        if (haircuts != null) {
            haircutShifts();
        }
        float[] price = market.price;
        if (premium != null) {
            Lanes.copy(market.logReturn, 0, pastLogReturn, (step % history) * p.assets * L, p.assets * L);
        }
        for (int i = 0; i < p.positions; i++) {
            boolean linked = link[i] != null;
            if (!linked && fundingRate[i] == 0f) {
                continue;
            }
            FloatVector mark = FloatVector.fromArray(Lanes.FLOATS, price, asset[i] * L);
            FloatVector perUnit;
            if (linked) {
                premiumRate(i, step);
                perUnit = mark.mul(FloatVector.fromArray(Lanes.FLOATS, rate, 0));
            } else {
                perUnit = mark.mul(fundingRate[i]);
            }
            int shadow = isolated ? i * L : 0;
            perUnit.mul(startSize[i]).add(FloatVector.fromArray(Lanes.FLOATS, charges, shadow))
                    .intoArray(charges, shadow);
            FloatVector pay = perUnit.mul(FloatVector.fromArray(Lanes.FLOATS, size, i * L));
            float[] payer = isolated ? margin : cash;
            int at = isolated ? i * L : 0;
            FloatVector.fromArray(Lanes.FLOATS, payer, at).sub(pay).intoArray(payer, at);
        }
        if (borrowAsset.length > 0) {
            FloatVector interest = FloatVector.zero(Lanes.FLOATS);
            for (int j = 0; j < borrowAsset.length; j++) {
                interest = FloatVector.fromArray(Lanes.FLOATS, price, borrowAsset[j] * L).mul(borrowUnits[j])
                        .add(interest);
            }
            if (!isolated) {
                interest.add(FloatVector.fromArray(Lanes.FLOATS, charges, 0)).intoArray(charges, 0);
            }
            VectorMask<Float> charged = isolated ? Lanes.FLOATS.maskAll(true)
                    : IntVector.fromArray(Lanes.INTS, due, 0).compare(NE, LiquidatingAccount.CLOSED).cast(Lanes.FLOATS);
            FloatVector.fromArray(Lanes.FLOATS, cash, 0).sub(interest, charged).intoArray(cash, 0);
        }
    }

    /**
     * Adds to {@code held} and {@code heldRequirement} what this step's haircuts add to the collateral's value and
     * requirement at {@code price} over the compiled haircuts.
     */
    void addHaircutShifts(float[] price, float[] held, float[] heldRequirement) {
        for (int c = 0; c < valueShift.length / L; c++) {
            FloatVector shifted = FloatVector.fromArray(Lanes.FLOATS, valueShift, c * L)
                    .mul(FloatVector.fromArray(Lanes.FLOATS, price, haircuts.asset().get(c) * L));
            FloatVector.fromArray(Lanes.FLOATS, held, 0).add(shifted).intoArray(held, 0);
            shifted.mul((float) haircuts.requiredShare().get(c))
                    .add(FloatVector.fromArray(Lanes.FLOATS, heldRequirement, 0)).intoArray(heldRequirement, 0);
        }
    }

    /** This step's haircut shifts ({@link #addHaircutShifts}), per entry and lane, into {@code into}. */
    void copyShifts(float[] into) {
        Lanes.copy(valueShift, 0, into, 0, valueShift.length);
    }

    /**
     * Adds to the lanes of the shortfall {@code shortfall} what the haircuts' change since the shifts {@code before}
     * ({@link #copyShifts}) moves it by at the prices {@code price}: the collateral's value less its requirement
     * falls by the change in shifted units times the price times the share not required.
     */
    void addShiftChange(float[] before, float[] price, float[] shortfall) {
        for (int c = 0; c < valueShift.length / L; c++) {
            FloatVector change = FloatVector.fromArray(Lanes.FLOATS, valueShift, c * L)
                    .sub(FloatVector.fromArray(Lanes.FLOATS, before, c * L));
            change.mul(FloatVector.fromArray(Lanes.FLOATS, price, haircuts.asset().get(c) * L))
                    .mul((float) (1 - haircuts.requiredShare().get(c))).neg()
                    .add(FloatVector.fromArray(Lanes.FLOATS, shortfall, 0)).intoArray(shortfall, 0);
        }
    }

    /** The number of haircut shifts {@link #copyShifts} writes. */
    int shiftLength() {
        return valueShift.length;
    }

    /**
     * Adds to each asset's lanes of {@code units} (at {@code a * L}) what this step's haircuts add to the slope of
     * the collateral's value less its requirement in that asset's price: the shifts of {@link #addHaircutShifts}
     * per unit of price.
     */
    void addHaircutUnits(float[] units) {
        for (int c = 0; c < valueShift.length / L; c++) {
            int at = haircuts.asset().get(c) * L;
            FloatVector.fromArray(Lanes.FLOATS, valueShift, c * L).mul((float) (1 - haircuts.requiredShare().get(c)))
                    .add(FloatVector.fromArray(Lanes.FLOATS, units, at)).intoArray(units, at);
        }
    }

    /**
     * Position {@code i}'s premium-linked funding rate per step at {@code step} into {@link #rate}:
     * {@link PremiumLink#rate} of the basis over the trailing interval, times the step's share of the interval, as
     * {@link LiquidatingAccount} computes it.
     */
    private void premiumRate(int i, int step) {
        PremiumLink link = this.link[i];
        int a = asset[i];
        int back = Math.floorMod(step - premium.intervalSteps().get(i), history);
        FloatVector basis = FloatVector.fromArray(Lanes.FLOATS, market.logReturn, a * L)
                .sub(FloatVector.fromArray(Lanes.FLOATS, pastLogReturn, (back * p.assets + a) * L))
                .mul((float) link.basisSensitivity());
        float band = (float) link.clampBand();
        FloatVector spread = basis.neg().add((float) premium.interest().get(i)).max(-band).min(band);
        basis.add(spread).max((float) link.rateFloor()).min((float) link.rateCap())
                .mul((float) premium.stepShare().get(i)).intoArray(rate, 0);
    }

    /**
     * This step's {@link #valueShift}: each entry's haircut {@code min(cap, scale * sqrt(h))} at its asset's
     * conditional variance {@code h} of the coming step, as {@link Frictions.PathHaircuts#units}.
     */
    private void haircutShifts() {
        for (int c = 0; c < haircuts.asset().length(); c++) {
            market.conditionalVariance(p, haircuts.asset().get(c), variance);
            FloatVector.fromArray(Lanes.FLOATS, variance, 0).sqrt().mul((float) haircuts.scale().get(c))
                    .min((float) haircuts.cap().get(c)).neg().add((float) haircuts.compiled().get(c))
                    .mul((float) haircuts.amount().get(c)).intoArray(valueShift, c * L);
        }
    }
}
