package io.marginsim.bench;

import io.marginsim.engine.Engine;
import io.marginsim.engine.ParallelCpuEngine;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Workloads;
import io.marginsim.spec.SpecReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Map;

/**
 * What each market model costs over GBM in the vector engine: the one-asset workload (one long at 10x, flat 5%,
 * volatility 0.8, 256 steps of 1/8 day) with one model added. Student-t at nu = 4 draws one extra Philox block and
 * two logarithms per step, at nu = 4.5 four blocks and the Marsaglia-Tsang candidates; Merton jumps (20 a year)
 * one block and a Poisson test, with the jump size only when a lane jumps; GARCH and AR(1) draw nothing more.
 * Score: path-steps per second, one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ModelBenchmark {
    private static final int PATHS = 16_384;
    private static final int STEPS = Workloads.HORIZON_DAYS * Workloads.STEPS_PER_DAY;
    /** The extra asset keys of each model. */
    private static final Map<String, String> MODELS = Map.of(
            "gbm", "",
            "t4", ", \"degreesOfFreedom\": 4",
            "t4.5", ", \"degreesOfFreedom\": 4.5",
            "merton", ", \"jumpIntensity\": 20, \"jumpMean\": -0.05, \"jumpStdev\": 0.05",
            "garch", ", \"garch\": {\"alpha\": 0.1, \"beta\": 0.85}",
            "ar1", ", \"ar1\": 0.2");

    @Param({"gbm", "t4", "t4.5", "merton", "garch", "ar1"})
    public String model;

    @Param({"1"})
    public int threads;

    private Engine engine;
    private CompiledProblem problem;

    @Setup
    public void setUp() {
        String json = """
                {"assets": [{"name": "A0", "price": 100, "volatility": %s%s}],
                 "account": {"cash": 100, "positions": [{"asset": "A0", "size": 10, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": %s}}]},
                 "horizonDays": %d, "stepsPerDay": %d, "seed": 42, "engine": "vector"}"""
                .formatted(Workloads.VOLATILITY, MODELS.get(model), Workloads.MAINTENANCE_RATE,
                        Workloads.HORIZON_DAYS, Workloads.STEPS_PER_DAY);
        problem = ProblemCompiler.compile(SpecReader.parse(json, "ModelBenchmark " + model, false));
        engine = new VectorEngine(threads, ParallelCpuEngine.DEFAULT_CHUNK);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    @OperationsPerInvocation(PATHS * STEPS)
    public void pathSteps(Blackhole hole) {
        hole.consume(engine.run(problem, 0, PATHS, Engine.ProgressListener.NONE).breaches());
    }
}
