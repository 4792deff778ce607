package io.marginsim.engine.vector;

import io.marginsim.problem.ModelCompiler;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.market.GbmMarket;

/** Problems beyond the standard workloads: tiers, entry basis, isolated margin with a short. */
final class TestProblems {
    static final int STEPS = 128;
    static final double STEP_DAYS = 0.25;

    private TestProblems() {
    }

    /** Two assets (correlation 0.3, vols 0.8 and 1.1) with a little drift, so the market is not symmetric. */
    static CompiledProblem.Market twoAssets() {
        return ModelCompiler.gbm(new String[] {"BTC", "ETH"}, new double[] {100.0, 40.0}, new double[] {0.8, 1.1},
                new double[] {0.05, -0.1}, new double[][] {{1, 0.3}, {0.3, 1}}, STEP_DAYS);
    }

    /**
     * One long of notional ~1000 on asset 0 against four Binance-style brackets on mark price: floors 0, 500,
     * 900, 1100, rates 1%, 3%, 5%, 9%, cumulative deductions keeping the requirement continuous.
     */
    static CompiledProblem tiered(long seed) {
        double[] floor = {0, 500, 900, 1100};
        double[] rate = {0.01, 0.03, 0.05, 0.09};
        double[] deduction = new double[4];
        for (int k = 1; k < 4; k++) {
            deduction[k] = deduction[k - 1] + floor[k] * (rate[k] - rate[k - 1]);
        }
        CompiledProblem.Account account = new CompiledProblem.Account(false, 120.0, new double[2], new double[2],
                new int[] {0}, new double[] {10.0}, new double[] {100.0}, new double[1], new boolean[] {true},
                new int[] {0, 4}, floor, rate, deduction);
        return new CompiledProblem(twoAssets(), account, STEPS, STEP_DAYS, seed);
    }

    /**
     * Cross margin on entry basis: a long on asset 0 and a short on asset 1, 10% of entry notional, with
     * collateral of 2 units of asset 1 at a 20% haircut and a lending-style requirement on them.
     */
    static CompiledProblem entryBasis(long seed) {
        CompiledProblem.Account account = new CompiledProblem.Account(false, 100.0, new double[] {0, 1.6},
                new double[] {0, 0.1}, new int[] {0, 1}, new double[] {8.0, -15.0}, new double[] {100.0, 40.0},
                new double[2], new boolean[] {false, false}, new int[] {0, 1, 2}, new double[2],
                new double[] {0.1, 0.1}, new double[2]);
        return new CompiledProblem(twoAssets(), account, STEPS, STEP_DAYS, seed);
    }

    /**
     * Isolated margin: a 10x long on asset 0 (two tiers on mark) and a 5x short on asset 1 (flat on mark), with
     * cash and collateral outside both positions.
     */
    static CompiledProblem isolated(long seed) {
        CompiledProblem.Account account = new CompiledProblem.Account(true, 50.0, new double[] {0, 1.0},
                new double[2], new int[] {0, 1}, new double[] {10.0, -20.0}, new double[] {100.0, 40.0},
                new double[] {100.0, 160.0}, new boolean[] {true, true}, new int[] {0, 2, 3},
                new double[] {0, 1000, 0}, new double[] {0.04, 0.06, 0.05}, new double[] {0, 20, 0});
        return new CompiledProblem(twoAssets(), account, STEPS, STEP_DAYS, seed);
    }
}
