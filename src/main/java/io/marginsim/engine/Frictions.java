package io.marginsim.engine;

import io.marginsim.liquidation.ImpactModel;
import io.marginsim.liquidation.PartialPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * The compiled account-side mechanics of {@link CompiledProblem}: carrying costs and the liquidation policy, in
 * flat per-position and per-asset arrays. {@link #NONE} is the plain breach model. The scalar reference engine
 * defines the math (see {@link LiquidatingAccount}); other engines refuse problems that use any of it
 * through {@link CompiledProblem#referenceOnlyFeatures()}.
 *
 * @param fundingPerStep per position: funding rate charged each step, {@code ratePerInterval * stepHours /
 *                       intervalHours}; the payment is {@code size * P * fundingPerStep} (longs pay when positive)
 * @param borrowPerStep  per asset: debt units times the annual borrow rate times {@code stepDays / 365}; the
 *                       interest each step is {@code borrowPerStep[a] * P[a]}
 * @param liquidation    null: a breach closes at the breach step's price without costs
 */
public record Frictions(double[] fundingPerStep, double[] borrowPerStep, Liquidation liquidation) {
    public static final Frictions NONE = new Frictions(new double[0], new double[0], null);
    /** Feature name of {@link Liquidation#feeCapped}. */
    public static final String FEE_CAPPED = "liquidation fee capped at remaining margin";

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
    public record Liquidation(double latencySteps, ImpactModel impact, double impactCoefficient, double[] depth,
                              double[] feeRate, boolean[] feeCapped, PartialPolicy[] partial) {
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
            out.add("funding");
        }
        if (hasBorrow()) {
            out.add("borrow interest");
        }
        if (liquidation != null) {
            out.add("liquidation mechanics");
            if (liquidation.latencySteps > 0) {
                out.add("liquidation latency");
            }
            if (liquidation.impact != null) {
                out.add("liquidation slippage");
            }
            boolean fee = false;
            boolean capped = false;
            for (int i = 0; i < liquidation.feeRate.length; i++) {
                fee |= liquidation.feeRate[i] > 0;
                capped |= liquidation.feeRate[i] > 0 && liquidation.feeCapped[i];
            }
            if (fee) {
                out.add("liquidation fee");
            }
            if (capped) {
                out.add(FEE_CAPPED);
            }
            for (PartialPolicy policy : liquidation.partial) {
                if (policy.mode() != PartialPolicy.Mode.FULL) {
                    out.add("partial liquidation");
                    break;
                }
            }
        }
        return out;
    }
}
