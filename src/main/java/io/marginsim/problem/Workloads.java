package io.marginsim.problem;

import io.marginsim.market.GbmMarket;

/**
 * The standard benchmark workloads, shared by tests, the {@code bench} command and the JMH benchmarks so that
 * every engine is measured on the same problem: long positions at 10x leverage under a flat 5% maintenance
 * rate, annual volatility 0.8, 32 days of 8 steps (256 steps), margin checked at step ends.
 */
public final class Workloads {
    public static final int STEPS_PER_DAY = 8;
    public static final int HORIZON_DAYS = 32;
    public static final double VOLATILITY = 0.8;
    public static final double LEVERAGE = 10.0;
    public static final double MAINTENANCE_RATE = 0.05;
    /** Pairwise correlation of the multi-asset workload. */
    public static final double CORRELATION = 0.5;

    private Workloads() {
    }

    /** One long asset at 10x, flat 5% maintenance, vol 0.8, 256 steps. */
    public static CompiledProblem oneAsset(long seed) {
        return correlated(1, seed);
    }

    /** {@code n} equicorrelated assets, one long 10x position each in one cross-margined pool. */
    public static CompiledProblem correlated(int n, long seed) {
        String[] names = new String[n];
        double[] prices = new double[n];
        double[] vols = new double[n];
        double[] drifts = new double[n];
        double[][] corr = new double[n][n];
        for (int a = 0; a < n; a++) {
            names[a] = "A" + a;
            prices[a] = 100.0;
            vols[a] = VOLATILITY;
            for (int b = 0; b < n; b++) {
                corr[a][b] = a == b ? 1.0 : CORRELATION;
            }
        }
        double stepDays = 1.0 / STEPS_PER_DAY;
        CompiledProblem.Market market = ModelCompiler.gbm(names, prices, vols, drifts, corr, stepDays);
        double cash = n * 10.0 * 100.0 / LEVERAGE;
        CompiledProblem.Account.Builder account = CompiledProblem.Account.builder(n, false, cash);
        for (int i = 0; i < n; i++) {
            account.position(i, 10.0, 100.0, 0, true, new double[] {0}, new double[] {MAINTENANCE_RATE},
                    new double[] {0});
        }
        return new CompiledProblem(market, account.build(), HORIZON_DAYS * STEPS_PER_DAY, stepDays, seed);
    }
}
