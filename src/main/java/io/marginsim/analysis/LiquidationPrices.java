package io.marginsim.analysis;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Valuation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exact prices at which the maintenance requirement is hit, one asset moving and everything else at today's
 * prices — the venues' own closed forms. Between two bracket boundaries, equity and requirement are both
 * linear in the moving price, so {@code equity(P) = requirement(P)} is solved per bracket and kept when the
 * solution lies in that bracket: Binance's "recompute with the tier the liquidation price falls in", applied to
 * every rule type (flat and size-scaled rules are one bracket; entry-basis requirements are constant). The tier arrays
 * are the rules as compiled, so a published maintenance amount is used as given, a bracket fixed at entry is the one
 * bracket, and a trigger fee is in every rate: Gate's fee-inclusive formula and Binance's {@code cum}-based one are
 * both this solve.
 *
 * <p>Isolated mode gives one answer per position; cross mode one per asset the account is exposed to.
 */
public final class LiquidationPrices {
    private LiquidationPrices() {
    }

    /**
     * One answer.
     *
     * @param scope   {@code account} (cross) or {@code position N} (isolated)
     * @param below   the highest liquidation price below the current price, NaN if none
     * @param above   the lowest liquidation price above the current price, NaN if none
     * @param breached whether the requirement is already not met at the current price
     */
    public record Result(String scope, String asset, double price, double below, double above, boolean breached) {
    }

    public static List<Result> compute(CompiledProblem p) {
        double[] price = Valuation.initialPrices(p);
        List<Result> out = new ArrayList<>();
        if (p.isolated) {
            for (int i = 0; i < p.positions; i++) {
                out.add(solve(p, price, p.positionAsset.get(i), i));
            }
        } else {
            for (int a = 0; a < p.assets; a++) {
                if (exposed(p, a)) {
                    out.add(solve(p, price, a, -1));
                }
            }
        }
        return out;
    }

    private static boolean exposed(CompiledProblem p, int asset) {
        if (p.valueUnits.get(asset) != 0 || p.requirementUnits.get(asset) != 0) {
            return true;
        }
        for (int i = 0; i < p.positions; i++) {
            if (p.positionAsset.get(i) == asset) {
                return true;
            }
        }
        return false;
    }

    /** Roots of margin(P) = equity(P) - requirement(P) for {@code asset}; {@code only >= 0} restricts to one position. */
    private static Result solve(CompiledProblem p, double[] today, int asset, int only) {
        double current = today[asset];
        TreeSet<Double> boundaries = new TreeSet<>();
        boundaries.add(0.0);
        for (int i = 0; i < p.positions; i++) {
            if (p.positionAsset.get(i) == asset && p.markBasis.get(i) && (only < 0 || only == i)) {
                for (int k = p.tierStart.get(i) + 1; k < p.tierStart.get(i + 1); k++) {
                    boundaries.add(p.tierFloor.get(k) / Math.abs(p.positionSize.get(i)));
                }
            }
        }
        if (only < 0) {
            portfolioKinks(p, today, asset, boundaries);
        }
        double below = Double.NaN;
        double above = Double.NaN;
        List<Double> edges = new ArrayList<>(boundaries);
        edges.add(Double.POSITIVE_INFINITY);
        for (int j = 0; j + 1 < edges.size(); j++) {
            double lo = edges.get(j);
            double hi = edges.get(j + 1);
            double root = rootInBracket(p, today, asset, only, lo, hi);
            if (Double.isNaN(root)) {
                continue;
            }
            if (root <= current) {
                below = Double.isNaN(below) ? root : Math.max(below, root);
            } else {
                above = Double.isNaN(above) ? root : Math.min(above, root);
            }
        }
        boolean breached = margin(p, withPrice(today, asset, current), only) < 0;
        String scope = only < 0 ? "account" : "position " + only;
        return new Result(scope, p.assetNames.get(asset), current, below, above, breached);
    }

    /**
     * Solves the linear piece on {@code [lo, hi)}: inside it every mark-basis bracket is fixed, so
     * {@code margin(P) = intercept + slope * P} with the bracket's rate in the slope and its deduction in the
     * intercept — the venue's closed form, not a search.
     */
    private static double rootInBracket(CompiledProblem p, double[] today, int asset, int only, double lo, double hi) {
        double probe = Double.isInfinite(hi) ? Math.max(2 * lo, 1) : 0.5 * (lo + hi);
        // at price zero every mark-basis requirement on the asset is zero; what remains is the constant part
        double intercept = margin(p, withPrice(today, asset, 0), only);
        double slope = only < 0 ? p.valueUnits.get(asset) - p.requirementUnits.get(asset) : 0;
        for (int i = 0; i < p.positions; i++) {
            if (p.positionAsset.get(i) != asset || (only >= 0 && only != i)) {
                continue;
            }
            slope += p.positionSize.get(i);
            if (p.markBasis.get(i)) {
                int k = p.bracket(i, p.notional(i, probe));
                slope -= Math.abs(p.positionSize.get(i)) * p.tierRate.get(k);
                intercept += p.tierDeduction.get(k);
            }
        }
        if (only < 0 && p.scenarios > 0) {
            // on this piece the portfolio requirement is the line of one scenario (or the minimum): swap it in for
            // its value at price zero, which margin() above took
            double[] atZero = withPrice(today, asset, 0);
            int s = p.worstScenario(withPrice(today, asset, probe));
            intercept += p.portfolioRequirement(atZero) - (s >= 0 ? p.scenarioLoss(s, atZero) : p.portfolioMinimum);
            slope -= s >= 0 ? p.scenarioUnits.get(s * p.assets + asset) : 0;
        }
        if (slope == 0) {
            return Double.NaN;
        }
        double root = -intercept / slope;
        return root > 0 && root >= lo && root < hi ? root : Double.NaN;
    }

    /**
     * Adds the prices of {@code asset} (others at {@code today}) where the portfolio requirement changes slope: where
     * two scenarios' losses, or a scenario's loss and the minimum, are equal. Between them it is one line.
     */
    private static void portfolioKinks(CompiledProblem p, double[] today, int asset, Set<Double> boundaries) {
        double[] atZero = withPrice(today, asset, 0);
        for (int s = 0; s < p.scenarios; s++) {
            // scenario s is the line cs + us * P in this asset's price
            double cs = p.scenarioLoss(s, atZero);
            double us = p.scenarioUnits.get(s * p.assets + asset);
            addKink(boundaries, (p.portfolioMinimum - cs) / us);
            for (int t = s + 1; t < p.scenarios; t++) {
                double ut = p.scenarioUnits.get(t * p.assets + asset);
                addKink(boundaries, (p.scenarioLoss(t, atZero) - cs) / (us - ut));
            }
        }
    }

    private static void addKink(Set<Double> boundaries, double price) {
        if (price > 0 && Double.isFinite(price)) {
            boundaries.add(price);
        }
    }

    /** Equity minus requirement of the account (or of one isolated position). */
    private static double margin(CompiledProblem p, double[] prices, int only) {
        if (only < 0) {
            return Valuation.crossEquity(p, prices) - Valuation.crossRequirement(p, prices);
        }
        double mark = prices[p.positionAsset.get(only)];
        return Valuation.isolatedEquity(p, only, mark) - Valuation.positionRequirement(p, only, mark);
    }

    private static double[] withPrice(double[] today, int asset, double value) {
        double[] prices = today.clone();
        prices[asset] = value;
        return prices;
    }
}
