package io.marginsim.engine.opencl;

import io.marginsim.problem.ModelCompiler;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.market.GbmMarket;

/**
 * Small problems that exercise what the standard workloads do not: tiered requirements, entry-price basis,
 * collateral units, shorts and isolated margin.
 */
final class TestProblems {
    private static final double STEP_DAYS = 1.0 / 8;
    private static final int STEPS = 128;
    /** Binance-style brackets with cumulative deduction, continuous at each floor. */
    private static final double[] FLOORS = {0, 500, 1000};
    private static final double[] RATES = {0.01, 0.025, 0.05};
    private static final double[] DEDUCTIONS = {0, 7.5, 32.5};

    private TestProblems() {
    }

    /** One long of notional about 1000 across three tiers, cross margin, marked at the current price. */
    static CompiledProblem tiered(long seed) {
        return new CompiledProblem(market(1), new CompiledProblem.Account(false, 160.0, new double[1],
                new double[1], new int[] {0}, new double[] {10.0}, new double[] {100.0}, new double[1],
                new boolean[] {true}, new int[] {0, 3}, FLOORS, RATES, DEDUCTIONS), STEPS, STEP_DAYS, seed);
    }

    /**
     * A tiered long on entry-price basis backed by collateral in a second, correlated asset that also adds to
     * the requirement (lending-style), plus some debt in cash.
     */
    static CompiledProblem entryBasisWithCollateral(long seed) {
        return new CompiledProblem(market(2), new CompiledProblem.Account(false, 60.0, new double[] {0, 1.2},
                new double[] {0, 0.1}, new int[] {0}, new double[] {10.0}, new double[] {100.0}, new double[1],
                new boolean[] {false}, new int[] {0, 3}, FLOORS, RATES, DEDUCTIONS), STEPS, STEP_DAYS, seed);
    }

    /** Isolated long and short on two assets, each with its own margin, next to collateral of the first asset. */
    static CompiledProblem isolatedWithShort(long seed) {
        return new CompiledProblem(market(2), new CompiledProblem.Account(true, 50.0, new double[] {0.5, 0},
                new double[2], new int[] {0, 1}, new double[] {10.0, -8.0}, new double[] {100.0, 100.0},
                new double[] {200.0, 150.0}, new boolean[] {true, true}, new int[] {0, 1, 4},
                new double[] {0, 0, 500, 1000}, new double[] {0.05, 0.01, 0.025, 0.05},
                new double[] {0, 0, 7.5, 32.5}), STEPS, STEP_DAYS, seed);
    }

    private static CompiledProblem.Market market(int assets) {
        String[] names = new String[assets];
        double[] prices = new double[assets];
        double[] vols = new double[assets];
        double[] drifts = new double[assets];
        double[][] corr = new double[assets][assets];
        for (int a = 0; a < assets; a++) {
            names[a] = "A" + a;
            prices[a] = 100.0;
            vols[a] = 0.9 - 0.2 * a;
            drifts[a] = 0.1 * a;
            for (int b = 0; b < assets; b++) {
                corr[a][b] = a == b ? 1.0 : 0.7;
            }
        }
        return ModelCompiler.gbm(names, prices, vols, drifts, corr, STEP_DAYS);
    }
}
