package io.marginsim.bench;

import io.marginsim.engine.Engine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Workloads;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the engine benchmarks share: the engine and thread count as parameters, one problem per trial, and a run
 * reduced to its breach count. Subclasses name the problem and scale the score with
 * {@code @OperationsPerInvocation} so that it reads as (asset-)path-steps per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public abstract class EngineThroughput {
    static final int STEPS = Workloads.HORIZON_DAYS * Workloads.STEPS_PER_DAY;

    @Param({"vector", "scalar"})
    public String engine;

    @Param({"1"})
    public int threads;

    private Engine simulator;
    private CompiledProblem problem;

    /** The problem of this trial, built once before it. */
    abstract CompiledProblem problem();

    @Setup
    public void setUp() {
        simulator = BenchEngines.create(engine, threads);
        problem = problem();
    }

    @TearDown
    public void tearDown() {
        simulator.close();
    }

    /** Simulates {@code paths} paths and returns the breach count, for the blackhole. */
    long run(int paths) {
        return simulator.run(problem, 0, paths, Engine.ProgressListener.NONE).breaches();
    }
}
