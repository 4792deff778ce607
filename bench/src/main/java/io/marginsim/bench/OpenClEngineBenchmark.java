package io.marginsim.bench;

import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.engine.opencl.OpenClEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Workloads;
import io.marginsim.stats.PathStats;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One question: how many path-steps per second does the OpenCL engine simulate and reduce on the standard
 * workload ({@link Workloads#correlated}, 256 steps, float), on GBM and on each market model
 * ({@link ModelWorkloads})? Read the {@code pathSteps} counter, which JMH reports as a rate; a model's cost is its
 * rate over {@code gbm}'s (the aim: below 2x on a GPU), and the liquidation mechanics' cost is the rate
 * with {@code mechanics} over that without. Kernel compilation happens in the trial setup,
 * outside the measurement.
 *
 * <p>Without a usable OpenCL GPU the setup prints why and every invocation does nothing, so the rate reads 0.
 * {@code -Dmarginsim.bench.allowCpu=true} (passed to the fork) also accepts a CPU OpenCL device such as PoCL.
 */
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class OpenClEngineBenchmark {

    @Param({"1", "8"})
    public int assets;

    @Param({"gbm", "t", "merton", "garch"})
    public String model;

    /** Whether the accounts pay funding and are liquidated with every mechanic ({@link ModelWorkloads#MECHANICS}). */
    @Param({"false", "true"})
    public boolean mechanics;

    /** Paths per invocation: a few chunks, so the double buffering is part of what is measured. */
    @Param({"4194304"})
    public long paths;

    private OpenClEngine engine;
    private CompiledProblem problem;

    /** Path-steps simulated, reported by JMH per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long pathSteps;
    }

    @Setup(Level.Trial)
    public void open() {
        problem = ModelWorkloads.workload(model, assets, mechanics);
        try {
            engine = OpenClEngine.open(-1, Precision.FLOAT, Boolean.getBoolean("marginsim.bench.allowCpu"));
            engine.prepare(problem);
            System.err.println("engine: " + engine.description());
        } catch (EngineUnavailableException e) {
            System.err.println("OpenCL benchmark skipped: " + e.getMessage());
        }
    }

    @Benchmark
    public void run(Counters counters, Blackhole blackhole) {
        if (engine == null) {
            return;
        }
        // Closed at once: the samples would otherwise hold 8 bytes a path of device memory until collected.
        try (PathStats stats = engine.run(problem, 0, paths, Engine.ProgressListener.NONE)) {
            blackhole.consume(stats.breaches());
        }
        counters.pathSteps += paths * problem.steps;
    }

    @TearDown(Level.Trial)
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
