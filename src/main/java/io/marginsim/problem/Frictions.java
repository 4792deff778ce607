package io.marginsim.problem;

import io.marginsim.liquidation.ImpactModel;
import io.marginsim.liquidation.PartialPolicy;
import io.marginsim.liquidation.PremiumLink;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The compiled account-side mechanics of {@link CompiledProblem}: carrying costs and the liquidation policy, in
 * flat per-position and per-asset arrays. {@link #NONE} is the plain breach model. The scalar reference engine
 * defines the math (see {@code LiquidatingAccount}); an engine runs problems that use it when its
 * {@code Engine.implementedFeatures()} names every one of {@link CompiledProblem#mechanicsFeatures()} (the vector and
 * OpenCL engines name every {@link Feature.Kind#MECHANICS} feature), and refuses them otherwise through
 * {@link CompiledProblem#featuresBeyond}. An engine that runs {@code LiquidatingAccount} per path implements them all,
 * provided it also feeds {@code LiquidatingAccount.haircutVariance} for {@link Feature#PATH_HAIRCUTS}.
 *
 * @param fundingPerStep per position: constant funding rate charged each step, {@code ratePerInterval * stepHours /
 *                       intervalHours}; the payment is {@code size * P * fundingPerStep} (longs pay when positive)
 * @param borrowPerStep  per asset: debt units times the annual borrow rate times {@code stepDays / 365}; the
 *                       interest each step is {@code borrowPerStep[a] * P[a]}
 * @param liquidation    null: a breach closes at the breach step's price without costs
 * @param premiumFunding null: no position has premium-linked funding
 * @param haircuts       null: every haircut is the compiled constant
 */
public record Frictions(DoubleArray fundingPerStep, DoubleArray borrowPerStep, Liquidation liquidation,
                        PremiumFunding premiumFunding, PathHaircuts haircuts) {
    public static final Frictions NONE = new Frictions(new double[0], new double[0], null);

    public Frictions(double[] fundingPerStep, double[] borrowPerStep, Liquidation liquidation,
                     PremiumFunding premiumFunding, PathHaircuts haircuts) {
        this(DoubleArray.of(fundingPerStep), DoubleArray.of(borrowPerStep), liquidation, premiumFunding, haircuts);
    }

    /** Constant carrying costs and liquidation terms only. */
    public Frictions(double[] fundingPerStep, double[] borrowPerStep, Liquidation liquidation) {
        this(fundingPerStep, borrowPerStep, liquidation, null, null);
    }

    /**
     * Volatility-scaled haircuts ({@link io.marginsim.liquidation.HaircutModel.VolatilityScaled}) of collateral on
     * GARCH assets, evaluated each step at the asset's conditional variance {@code h} of the coming step (per-step
     * units, before the stress multiplier, like the compiled haircut): {@code haircut = min(cap, scale * sqrt(h))},
     * which is {@code min(cap, k * sigma * sqrt(horizonDays / 365))} with {@code sigma = sqrt(h * 365 / stepDays)}.
     * The compiled {@code valueUnits} and {@code requirementUnits} hold each entry at {@code compiled}; at a step
     * they become {@code valueUnits[a] + amount * (compiled - haircut)} and
     * {@code requirementUnits[a] + amount * (compiled - haircut) * requiredShare}.
     *
     * @param asset         per entry, the collateral's asset
     * @param amount        per entry, units pledged
     * @param scale         per entry, {@code k * sqrt(horizonDays / stepDays)}
     * @param cap           per entry
     * @param compiled      per entry, the haircut at the asset's constant (long-run) volatility
     * @param requiredShare per entry, {@code 1 - liquidationThreshold}
     */
    public record PathHaircuts(IntArray asset, DoubleArray amount, DoubleArray scale, DoubleArray cap,
                               DoubleArray compiled, DoubleArray requiredShare) {
        public PathHaircuts(int[] asset, double[] amount, double[] scale, double[] cap, double[] compiled,
                            double[] requiredShare) {
            this(IntArray.of(asset), DoubleArray.of(amount), DoubleArray.of(scale), DoubleArray.of(cap),
                    DoubleArray.of(compiled), DoubleArray.of(requiredShare));
        }

        /** Writes the value and requirement units at per-step conditional variances {@code variance}. */
        public void units(CompiledProblem p, double[] variance, double[] valueUnits, double[] requirementUnits) {
            p.valueUnits.copyTo(0, valueUnits, 0, p.assets);
            p.requirementUnits.copyTo(0, requirementUnits, 0, p.assets);
            for (int c = 0; c < asset.length(); c++) {
                double haircut = Math.min(cap.get(c), scale.get(c) * Math.sqrt(variance[asset.get(c)]));
                double shift = amount.get(c) * (compiled.get(c) - haircut);
                valueUnits[asset.get(c)] += shift;
                requirementUnits[asset.get(c)] += shift * requiredShare.get(c);
            }
        }
    }

    /**
     * Premium-linked funding ({@link PremiumLink}): the rate of position {@code i} at step {@code t} is
     * {@code link[i].rate(premium, interest[i])} per interval with
     * {@code premium = link[i].basisSensitivity() * (logP_t - logP_{t - intervalSteps[i]})} of the position's asset,
     * where {@code logP_s} for {@code s <= 0} is {@code logPriceBeforeShock}: the path is flat at the spec's price
     * before the horizon, so a stress shock at t0 is the first move and lifts the premium for exactly one interval.
     * The payment at step {@code t} is {@code size * P_t * rate * stepShare[i]}, like constant funding.
     *
     * @param link                per position, null where the position's funding is constant (or absent)
     * @param interest            per position: the interest rate per interval ({@code fundingRatePerInterval})
     * @param stepShare           per position: {@code stepHours / intervalHours}
     * @param intervalSteps       per position: the trailing interval in steps, rounded, at least 1
     * @param logPriceBeforeShock per asset: {@code log(price)} of the spec, before any stress shock
     */
    public record PremiumFunding(List<PremiumLink> link, DoubleArray interest, DoubleArray stepShare,
                                 IntArray intervalSteps, DoubleArray logPriceBeforeShock) {
        public PremiumFunding(PremiumLink[] link, double[] interest, double[] stepShare, int[] intervalSteps,
                              double[] logPriceBeforeShock) {
            this(Collections.unmodifiableList(Arrays.asList(link.clone())), DoubleArray.of(interest),
                    DoubleArray.of(stepShare), IntArray.of(intervalSteps), DoubleArray.of(logPriceBeforeShock));
        }

        /** Log prices a path must keep per asset: the current one and one interval back. */
        public int history() {
            int most = 0;
            for (int i = 0; i < intervalSteps.length(); i++) {
                most = Math.max(most, intervalSteps.get(i));
            }
            return most + 1;
        }
    }

    /**
     * @param latencySteps      latency in steps (seconds / step seconds), fractional
     * @param impact            null: no slippage
     * @param impactCoefficient {@code c} of the impact model
     * @param depth             per position, after volatility thinning: {@code depth / (1 + h * sigma)}
     * @param feeRate           per position, on the notional closed at the fill price
     * @param feeCapped         per position: the fee is at most the scope's equity after the fill (and never
     *                          negative), so it never makes bad debt by itself
     * @param partial           per position
     */
    public record Liquidation(double latencySteps, ImpactModel impact, double impactCoefficient, DoubleArray depth,
                              DoubleArray feeRate, BooleanArray feeCapped, List<PartialPolicy> partial) {
        public Liquidation(double latencySteps, ImpactModel impact, double impactCoefficient, double[] depth,
                           double[] feeRate, boolean[] feeCapped, PartialPolicy[] partial) {
            this(latencySteps, impact, impactCoefficient, DoubleArray.of(depth), DoubleArray.of(feeRate),
                    BooleanArray.of(feeCapped), partial == null ? null : List.of(partial));
        }

        /** Steps from a breach to the step whose price its fill uses: the latency rounded up. */
        public int latencyWhole() {
            return (int) Math.ceil(latencySteps);
        }

        /** Where between the last two of those steps the fill falls, in log price; 0 is on the last step. */
        public double latencyFraction() {
            return latencySteps - Math.floor(latencySteps);
        }
    }

    public boolean hasFunding() {
        for (int i = 0; i < fundingPerStep.length(); i++) {
            if (fundingPerStep.get(i) != 0) {
                return true;
            }
        }
        return false;
    }

    public boolean hasBorrow() {
        for (int i = 0; i < borrowPerStep.length(); i++) {
            if (borrowPerStep.get(i) != 0) {
                return true;
            }
        }
        return false;
    }

    public boolean isNone() {
        return liquidation == null && !hasFunding() && !hasBorrow() && premiumFunding == null && haircuts == null;
    }
}
