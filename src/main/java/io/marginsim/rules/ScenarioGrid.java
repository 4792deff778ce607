package io.marginsim.rules;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;

import java.util.List;
import java.util.Map;

/**
 * Portfolio margin: one maintenance requirement for every position of a cross account, the portfolio's largest loss
 * over a grid of scenarios, the way Deribit's and Binance's portfolio margin and CME SPAN's risk arrays compute it
 * (SPAN: CME Group, "CME SPAN: Standard Portfolio Analysis of Risk", the 16 scenarios of price and volatility moves
 * per contract). Scenario {@code s} moves each asset's price by a relative {@code moves[s][a]}; a linear position of
 * {@code q} units on asset {@code a} loses {@code -q P[a] moves[s][a]} in it, so
 * <pre>
 *   requirement = max(minimum, max_s sum_i -q_i P[a_i] moves[s][a_i])
 * </pre>
 * which is piecewise linear in the prices. The positions it covers have no requirement of their own.
 *
 * @param scenarios the grid, in the spec's order
 * @param minimum   the requirement when no scenario loses more (0: a portfolio that gains in every scenario needs
 *                  nothing); in quote currency
 */
public record ScenarioGrid(List<Scenario> scenarios, double minimum) {
    /** A price move is relative: -1 would take the price to zero. */
    public static final double MAX_MOVE = 10;
    /** Enough for SPAN's 16 scenarios per asset over many assets, and small enough to evaluate each step. */
    public static final int MAX_SCENARIOS = 256;

    public ScenarioGrid {
        scenarios = List.copyOf(scenarios);
        if (scenarios.isEmpty() || scenarios.size() > MAX_SCENARIOS) {
            throw new SpecException("scenarios", "must list between 1 and " + MAX_SCENARIOS + " scenarios but listed "
                    + scenarios.size());
        }
        Checks.atMost("minimum", Checks.nonNegative("minimum", minimum), Checks.MAX_MONEY);
    }

    /**
     * One scenario: a relative price move per asset name; an asset not named does not move.
     *
     * @param name  a label for reports and errors
     * @param moves relative price moves by asset name, each greater than -1 and at most {@link #MAX_MOVE}
     */
    public record Scenario(String name, Map<String, Double> moves) {
        public Scenario {
            moves = Map.copyOf(moves);
            for (Map.Entry<String, Double> move : moves.entrySet()) {
                double m = move.getValue();
                if (!(m > -1 && m <= MAX_MOVE)) {
                    throw new SpecException("moves." + move.getKey(), "must be a relative price move > -1 and at most "
                            + Checks.show(MAX_MOVE) + " but was " + m);
                }
            }
        }

        /** The move of {@code asset}: 0 when the scenario does not name it. */
        public double move(String asset) {
            return moves.getOrDefault(asset, 0.0);
        }
    }
}
