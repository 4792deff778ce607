package io.marginsim.bench;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.engine.ProblemCompiler;
import io.marginsim.engine.Workloads;
import io.marginsim.engine.opencl.OpenClEngine;
import io.marginsim.result.PathStats;
import io.marginsim.spec.SpecReader;
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
 * One question: what does a market model cost on the OpenCL engine next to GBM? The workload is
 * {@link Workloads#correlated}'s (10x longs, flat 5%, long-run volatility 0.8, 256 steps, float) with every asset
 * given the model: {@code t} (Student-t, 4 degrees of freedom: two Philox blocks and two logarithms more per
 * asset-step), {@code merton} (20 jumps a year of mean -0.05, stdev 0.1), {@code garch} (alpha 0.1, beta 0.85).
 * Read the {@code pathSteps} counter as a rate and divide by {@code gbm}'s; the aim is below 2x on a GPU.
 *
 * <p>Without a usable OpenCL GPU the setup prints why and the rate reads 0; {@code -Dmarginsim.bench.allowCpu=true}
 * (passed to the fork) accepts a CPU device such as PoCL.
 */
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class OpenClModelBenchmark {

    @Param({"gbm", "t", "merton", "garch"})
    public String model;

    @Param({"1", "8"})
    public int assets;

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

    /** The standard workload with {@code model} on every asset. */
    public static CompiledProblem workload(String model, int assets) {
        String keys = switch (model) {
            case "gbm" -> "\"volatility\": 0.8";
            case "t" -> "\"volatility\": 0.8, \"degreesOfFreedom\": 4";
            case "merton" -> "\"volatility\": 0.8, \"jumpIntensity\": 20, \"jumpMean\": -0.05, \"jumpStdev\": 0.1";
            // long-run variance omega / (1 - alpha - beta) = 0.64
            case "garch" -> "\"garch\": {\"omega\": 0.032, \"alpha\": 0.1, \"beta\": 0.85}";
            default -> throw new IllegalArgumentException("model must be gbm, t, merton or garch but was " + model);
        };
        StringBuilder assetList = new StringBuilder();
        StringBuilder positions = new StringBuilder();
        StringBuilder correlation = new StringBuilder();
        for (int a = 0; a < assets; a++) {
            String sep = a == 0 ? "" : ", ";
            assetList.append(sep).append("{\"name\": \"A").append(a).append("\", \"price\": 100, ").append(keys)
                    .append('}');
            positions.append(sep).append("{\"asset\": \"A").append(a).append("\", \"size\": 10, \"entryPrice\": 100, ")
                    .append("\"rules\": {\"type\": \"flat\", \"rate\": ").append(Workloads.MAINTENANCE_RATE)
                    .append("}}");
            correlation.append(sep).append('[');
            for (int b = 0; b < assets; b++) {
                correlation.append(b == 0 ? "" : ", ").append(a == b ? 1.0 : Workloads.CORRELATION);
            }
            correlation.append(']');
        }
        String json = """
                {"assets": [%s], "correlation": [%s],
                 "account": {"cash": %s, "positions": [%s]},
                 "horizonDays": %d, "stepsPerDay": %d, "seed": 42}"""
                .formatted(assetList, correlation, assets * 10.0 * 100.0 / Workloads.LEVERAGE, positions,
                        Workloads.HORIZON_DAYS, Workloads.STEPS_PER_DAY);
        return ProblemCompiler.compile(SpecReader.parse(json, "model benchmark", false));
    }

    @Setup(Level.Trial)
    public void open() {
        problem = workload(model, assets);
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
