package io.marginsim.engine;

import io.marginsim.liquidation.ImpactModel;
import io.marginsim.liquidation.PartialPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The compiled account-side mechanics of {@link CompiledProblem}: carrying costs and the liquidation policy, in
 * flat per-position and per-asset arrays. {@link #NONE} is the plain breach model. The scalar reference engine
 * defines the math (see {@link LiquidatingAccount}); an engine that implements it lists {@link #FEATURES} among its
 * implemented features, and the others refuse problems that use any of it through
 * {@link CompiledProblem#referenceOnlyFeatures()}.
 *
 * @param fundingPerStep per position: funding rate charged each step, {@code ratePerInterval * stepHours /
 *                       intervalHours}; the payment is {@code size * P * fundingPerStep} (longs pay when positive)
 * @param borrowPerStep  per asset: debt units times the annual borrow rate times {@code stepDays / 365}; the
 *                       interest each step is {@code borrowPerStep[a] * P[a]}
 * @param liquidation    null: a breach closes at the breach step's price without costs
 */
public record Frictions(double[] fundingPerStep, double[] borrowPerStep, Liquidation liquidation) {
    public static final Frictions NONE = new Frictions(new double[0], new double[0], null);

    public static final String FUNDING = "funding";
    public static final String BORROW = "borrow interest";
    public static final String LIQUIDATION = "liquidation mechanics";
    public static final String LATENCY = "liquidation latency";
    public static final String SLIPPAGE = "liquidation slippage";
    public static final String FEE = "liquidation fee";
    public static final String PARTIAL = "partial liquidation";
    /** Every name {@link #features()} can list, for the engines that implement all of the mechanics. */
    public static final Set<String> FEATURES = Set.of(FUNDING, BORROW, LIQUIDATION, LATENCY, SLIPPAGE, FEE, PARTIAL);

    /**
     * @param latencySteps      latency in steps (seconds / step seconds), fractional
     * @param impact            null: no slippage
     * @param impactCoefficient {@code c} of the impact model
     * @param depth             per position, after volatility thinning: {@code depth / (1 + h * sigma)}
     * @param feeRate           per position, on the notional closed at the fill price
     * @param partial           per position
     */
    public record Liquidation(double latencySteps, ImpactModel impact, double impactCoefficient, double[] depth,
                              double[] feeRate, PartialPolicy[] partial) {
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
        for (double f : fundingPerStep) {
            if (f != 0) {
                return true;
            }
        }
        return false;
    }

    public boolean hasBorrow() {
        for (double b : borrowPerStep) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    public boolean isNone() {
        return liquidation == null && !hasFunding() && !hasBorrow();
    }

    /** The mechanics in use, by name, for engine refusals and notes. */
    public List<String> features() {
        List<String> out = new ArrayList<>();
        if (hasFunding()) {
            out.add(FUNDING);
        }
        if (hasBorrow()) {
            out.add(BORROW);
        }
        if (liquidation != null) {
            out.add(LIQUIDATION);
            if (liquidation.latencySteps > 0) {
                out.add(LATENCY);
            }
            if (liquidation.impact != null) {
                out.add(SLIPPAGE);
            }
            for (int i = 0; i < liquidation.feeRate.length; i++) {
                if (liquidation.feeRate[i] > 0) {
                    out.add(FEE);
                    break;
                }
            }
            for (PartialPolicy policy : liquidation.partial) {
                if (policy.mode() != PartialPolicy.Mode.FULL) {
                    out.add(PARTIAL);
                    break;
                }
            }
        }
        return out;
    }
}
