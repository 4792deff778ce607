package io.marginsim.bench;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Workloads;
import io.marginsim.spec.Monitoring;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Locale;

/**
 * Path-steps per second of each CPU engine on the standard one-asset workload ({@link Workloads#oneAsset}):
 * one long at 10x, flat 5% maintenance, 256 steps, checked at step ends or also between them (the cost of
 * continuous monitoring).
 */
public class OneAssetBenchmark extends EngineThroughput {
    private static final int PATHS = 16_384;

    @Param({"discrete", "continuous"})
    public String monitoring;

    @Override
    CompiledProblem problem() {
        return Workloads.oneAsset(42).withMonitoring(Monitoring.valueOf(monitoring.toUpperCase(Locale.ROOT)));
    }

    @Benchmark
    @OperationsPerInvocation(PATHS * STEPS)
    public void pathSteps(Blackhole hole) {
        hole.consume(run(PATHS));
    }
}
