package io.marginsim.bench;

import io.marginsim.market.GbmMarket;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ModelCompiler;
import io.marginsim.problem.Workloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a tiered maintenance rule costs over a flat rate: the one-asset workload with its flat 5% replaced by
 * {@code tiers} Binance-style brackets on mark price (floors from 0 in steps of 200 of notional, rates rising
 * from 2%, cumulative deductions). {@code tiers = 1} is the flat rule. Score: path-steps per second.
 */
public class RuleBenchmark extends EngineThroughput {
    private static final int PATHS = 16_384;

    @Param({"1", "10"})
    public int tiers;

    @Override
    CompiledProblem problem() {
        double[] floor = new double[tiers];
        double[] rate = new double[tiers];
        double[] deduction = new double[tiers];
        for (int k = 0; k < tiers; k++) {
            floor[k] = 200.0 * k;
            rate[k] = tiers == 1 ? Workloads.MAINTENANCE_RATE : 0.02 + 0.005 * k;
            deduction[k] = k == 0 ? 0 : deduction[k - 1] + floor[k] * (rate[k] - rate[k - 1]);
        }
        double stepDays = 1.0 / Workloads.STEPS_PER_DAY;
        CompiledProblem.Market market = ModelCompiler.gbm(new String[] {"A0"}, new double[] {100.0},
                new double[] {Workloads.VOLATILITY}, new double[1], new double[][] {{1.0}}, stepDays);
        CompiledProblem.Account account = CompiledProblem.Account.builder(1, false, 100.0)
                .position(0, 10.0, 100.0, 0, true, floor, rate, deduction).build();
        return new CompiledProblem(market, account, STEPS, stepDays, 42);
    }

    @Benchmark
    @OperationsPerInvocation(PATHS * STEPS)
    public void pathSteps(Blackhole hole) {
        hole.consume(run(PATHS));
    }
}
