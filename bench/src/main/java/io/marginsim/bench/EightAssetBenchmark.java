package io.marginsim.bench;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Workloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Asset-path-steps per second of each CPU engine on eight equicorrelated assets ({@link Workloads#correlated}),
 * one long 10x position each in one cross-margined pool.
 */
public class EightAssetBenchmark extends EngineThroughput {
    private static final int ASSETS = 8;
    private static final int PATHS = 4_096;

    @Override
    CompiledProblem problem() {
        return Workloads.correlated(ASSETS, 42);
    }

    @Benchmark
    @OperationsPerInvocation(PATHS * STEPS * ASSETS)
    public void assetPathSteps(Blackhole hole) {
        hole.consume(run(PATHS));
    }
}
