package io.marginsim.problem;

/**
 * Account valuation at given prices, in double precision: the one definition of equity and requirement that
 * the scalar reference engine, liquidation prices and reports share.
 */
public final class Valuation {
    private Valuation() {
    }

    /** Cross mode: cash + collateral and debt at market + unrealised profit and loss of every position. */
    public static double crossEquity(CompiledProblem p, double[] price) {
        return p.cash + unitsValue(p.valueUnits, price) + totalPnl(p, price);
    }

    /** {@link #crossEquity(CompiledProblem, double[])} with collateral and debt in {@code valueUnits} instead. */
    public static double crossEquity(CompiledProblem p, double[] valueUnits, double[] price) {
        return p.cash + unitsValue(valueUnits, price) + totalPnl(p, price);
    }

    /**
     * Cross mode: lending requirement on collateral + tiered requirement of every position + the portfolio margin
     * of the scenario grid.
     */
    public static double crossRequirement(CompiledProblem p, double[] price) {
        return crossRequirement(p, unitsValue(p.requirementUnits, price), price);
    }

    /**
     * {@link #crossRequirement(CompiledProblem, double[])} with the collateral's requirement in
     * {@code requirementUnits} instead (haircuts that move along the path change both unit arrays).
     */
    public static double crossRequirement(CompiledProblem p, double[] requirementUnits, double[] price) {
        return crossRequirement(p, unitsValue(requirementUnits, price), price);
    }

    /** {@code collateral}, the collateral's requirement, + the portfolio margin + every position's requirement. */
    private static double crossRequirement(CompiledProblem p, double collateral, double[] price) {
        double requirement = collateral + p.portfolioRequirement(price);
        for (int i = 0; i < p.positions; i++) {
            requirement += positionRequirement(p, i, price[p.positionAsset.get(i)]);
        }
        return requirement;
    }

    /** Isolated mode: margin + unrealised profit and loss of position {@code i}. */
    public static double isolatedEquity(CompiledProblem p, int i, double mark) {
        return p.positionMargin.get(i) + p.positionSize.get(i) * (mark - p.positionEntry.get(i));
    }

    public static double positionRequirement(CompiledProblem p, int i, double mark) {
        return p.tieredRequirement(i, p.notional(i, mark));
    }

    /** Account equity in isolated mode: cash, collateral and each position's own equity. */
    public static double isolatedAccountEquity(CompiledProblem p, double[] price) {
        double equity = p.cash + unitsValue(p.valueUnits, price);
        for (int i = 0; i < p.positions; i++) {
            equity += isolatedEquity(p, i, price[p.positionAsset.get(i)]);
        }
        return equity;
    }

    /** Requirement minus equity now: positive means the account (or, isolated, some position) is in breach. */
    public static double shortfall(CompiledProblem p, double[] price) {
        if (!p.isolated) {
            return crossRequirement(p, price) - crossEquity(p, price);
        }
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.positions; i++) {
            double mark = price[p.positionAsset.get(i)];
            worst = Math.max(worst, positionRequirement(p, i, mark) - isolatedEquity(p, i, mark));
        }
        return worst;
    }

    /**
     * Cross mode: the slope {@code d(equity - requirement) / dP[a]} of the margin excess in each asset's price at
     * {@code price}, written to {@code out}; a tiered rule contributes the rate of the bracket it is in, portfolio
     * margin the loss units of its worst scenario.
     */
    public static void crossExcessSlopes(CompiledProblem p, double[] price, double[] out) {
        for (int a = 0; a < p.assets; a++) {
            out[a] = p.valueUnits.get(a) - p.requirementUnits.get(a);
        }
        subtractPortfolioSlopes(p, price, out);
        for (int i = 0; i < p.positions; i++) {
            out[p.positionAsset.get(i)] += positionExcessSlope(p, i, price[p.positionAsset.get(i)]);
        }
    }

    /**
     * Subtracts from {@code out} the slope of the portfolio requirement at {@code price}: the loss units of the
     * scenario that is the requirement there ({@link CompiledProblem#worstScenario}), nothing where the minimum binds.
     */
    public static void subtractPortfolioSlopes(CompiledProblem p, double[] price, double[] out) {
        int s = p.worstScenario(price);
        if (s < 0) {
            return;
        }
        for (int a = 0; a < p.assets; a++) {
            out[a] -= p.scenarioUnits.get(s * p.assets + a);
        }
    }

    /** Slope in the mark price of position {@code i}'s equity minus its own requirement (cross or isolated). */
    public static double positionExcessSlope(CompiledProblem p, int i, double mark) {
        double size = p.positionSize.get(i);
        return p.markBasis.get(i) ? size - Math.abs(size) * p.tierRate.get(p.bracket(i, p.notional(i, mark))) : size;
    }

    /** Starting prices of the problem. */
    public static double[] initialPrices(CompiledProblem p) {
        return p.initialPrice.toArray();
    }

    private static double totalPnl(CompiledProblem p, double[] price) {
        double pnl = 0;
        for (int i = 0; i < p.positions; i++) {
            pnl += p.positionSize.get(i) * (price[p.positionAsset.get(i)] - p.positionEntry.get(i));
        }
        return pnl;
    }

    /** {@link #unitsValue(double[], double[])} of the problem's own units. */
    public static double unitsValue(DoubleArray units, double[] price) {
        double value = 0;
        for (int a = 0; a < units.length(); a++) {
            value += units.get(a) * price[a];
        }
        return value;
    }

    /** Value of holding {@code units[a]} of every asset {@code a} at {@code price}. */
    public static double unitsValue(double[] units, double[] price) {
        double value = 0;
        for (int a = 0; a < units.length; a++) {
            value += units[a] * price[a];
        }
        return value;
    }
}
