package io.marginsim.bench;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Workloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Collections;

/**
 * What carrying costs and liquidation mechanics cost in each CPU engine: the standard workload (10x longs, flat 5%,
 * volatility 0.8, 256 steps of 3 hours) on one asset and on eight ({@link ModelWorkloads#withMechanics}), with
 * {@code plain} (no mechanics: the vector engine's all-lane account), {@code funding} (funding on every position
 * and no liquidation object: the vector engine's account lanes with carrying costs) or {@code full} (funding, half a step of latency,
 * linear impact, a 0.5% fee and partial liquidation by halves above a notional of 300, so paths are cut several
 * times). Score: path-steps per second (a path-step moves every asset), one thread.
 */
public class FrictionBenchmark extends EngineThroughput {
    private static final int PATHS = 4_096;

    @Param({"plain", "funding", "full"})
    public String mechanics;

    @Param({"1", "8"})
    public int assets;

    @Override
    CompiledProblem problem() {
        return switch (mechanics) {
            case "plain" -> Workloads.correlated(assets, 42);
            case "funding" -> ModelWorkloads.withMechanics(assets, ModelWorkloads.FUNDING, "");
            case "full" -> ModelWorkloads.withMechanics(assets, ModelWorkloads.FUNDING, """
                    "liquidation": {"latencySeconds": 5400, "feeRate": 0.005,
                                    "slippage": {"model": "linear", "depth": %s},
                                    "partial": {"mode": "fraction", "fraction": 0.5, "aboveNotional": 300}}"""
                    .formatted("[" + String.join(", ", Collections.nCopies(assets, "1000000")) + "]"));
            default -> throw new IllegalArgumentException(
                    "mechanics must be plain, funding or full but was " + mechanics);
        };
    }

    @Benchmark
    @OperationsPerInvocation(PATHS * STEPS)
    public void pathSteps(Blackhole hole) {
        hole.consume(run(PATHS));
    }
}
