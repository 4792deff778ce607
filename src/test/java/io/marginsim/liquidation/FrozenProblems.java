package io.marginsim.liquidation;

import io.marginsim.engine.Specs;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Spec;

/**
 * Two specs without any liquidation key, whose per-path outcomes were frozen before liquidation mechanics existed;
 * other engines' tests add liquidation keys to them.
 */
public final class FrozenProblems {
    static final int PATHS = 40;

    /** Cross: collateral with haircut, a debt, a tiered preset long and a flat short; about half the paths breach. */
    public static final String CROSS = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.9, "drift": 0.1},
                        {"name": "ETH", "price": 3000, "volatility": 1.1}],
             "correlation": [[1, 0.6], [0.6, 1]],
             "account": {"cash": 1500,
                         "collateral": [{"asset": "ETH", "amount": 2, "haircut": 0.1}],
                         "debts": [{"asset": "ETH", "amount": 0.5}],
                         "positions": [{"asset": "BTC", "size": 1.5, "entryPrice": 59000,
                                        "venue": "binance-usdm", "symbol": "BTCUSDT"},
                                       {"asset": "ETH", "size": -10, "entryPrice": 3100,
                                        "rules": {"type": "flat", "rate": 0.01, "basis": "entry"}}]},
             "monitoring": "discrete", "horizonDays": 4, "stepsPerDay": 24, "seed": 42, "engine": "scalar"}""";

    /** Isolated: two positions on their own margins, one long and one short. */
    public static final String ISOLATED = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.9},
                        {"name": "ETH", "price": 3000, "volatility": 1.1}],
             "correlation": [[1, 0.6], [0.6, 1]],
             "account": {"mode": "isolated", "cash": 1000,
                         "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000, "margin": 4000,
                                        "venue": "bybit-linear", "symbol": "BTCUSDT"},
                                       {"asset": "ETH", "size": -5, "entryPrice": 3000, "margin": 1200,
                                        "rules": {"type": "flat", "rate": 0.02}}]},
             "monitoring": "discrete", "horizonDays": 4, "stepsPerDay": 24, "seed": 7, "engine": "scalar"}""";

    private FrozenProblems() {
    }

    static PathBlock run(String json) {
        Spec spec = Specs.parse(json);
        PathBlock block = new PathBlock(PATHS);
        new ScalarEngine(1, 16).simulate(ProblemCompiler.compile(spec), 0, block);
        return block;
    }

    /** Prints the vectors to freeze; run once on the code before the change. */
    public static void main(String[] args) {
        for (String json : new String[] {CROSS, ISOLATED}) {
            PathBlock b = run(json);
            System.out.println(java.util.Arrays.toString(b.firstBreachStep));
            StringBuilder s = new StringBuilder();
            for (double v : b.terminalEquity) {
                s.append(Double.toString(v)).append(", ");
            }
            System.out.println(s);
        }
    }
}
