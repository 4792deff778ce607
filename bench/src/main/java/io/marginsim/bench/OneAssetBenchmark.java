package io.marginsim.bench;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.Workloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Path-steps per second of each CPU engine on the standard one-asset workload ({@link Workloads#oneAsset}):
 * one long at 10x, flat 5% maintenance, 256 steps.
 */
public class OneAssetBenchmark extends EngineThroughput {
    private static final int PATHS = 16_384;

    @Override
    CompiledProblem problem() {
        return Workloads.oneAsset(42);
    }

    @Benchmark
    @OperationsPerInvocation(PATHS * STEPS)
    public void pathSteps(Blackhole hole) {
        hole.consume(run(PATHS));
    }
}
