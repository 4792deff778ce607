package io.marginsim.bench;

import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.engine.opencl.CellBatch;
import io.marginsim.engine.opencl.OpenClEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.ReportBuilder;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.SpecReader;
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

import java.util.ArrayList;
import java.util.List;

/**
 * One question: how many small cells per second (statistics and report, what a sweep needs of each) does the
 * OpenCL engine finish when they run as one {@link CellBatch} ({@code batch}) rather than one run each
 * ({@code alone})? The cells are those of {@code examples/sweep-10k.json}: one BTC long at 60,000 with 10% cash,
 * 24 hourly steps, {@code paths} paths, position size and volatility differing from cell to cell (a flat 0.5%
 * maintenance rate stands in for the preset's tiers). Read the {@code cells} counter, which JMH reports as a rate.
 * Kernel compilation happens in the trial setup.
 *
 * <p>Without a usable OpenCL GPU the setup prints why and every invocation does nothing, so the rate reads 0.
 * {@code -Dmarginsim.bench.allowCpu=true} (passed to the fork) also accepts a CPU OpenCL device such as PoCL.
 */
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class CellBatchBenchmark {

    @Param({"batch", "alone"})
    public String mode;

    @Param({"1000"})
    public int paths;

    /** Cells per invocation. */
    @Param({"256"})
    public int cells;

    private static final String CELL = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": %s}],
             "account": {"cash": 6000, "positions": [{"asset": "BTC", "size": %s, "entryPrice": 60000,
                         "rules": {"type": "flat", "rate": 0.005}}]},
             "horizonDays": 1, "stepsPerDay": 24, "seed": 7}""";

    private OpenClEngine engine;
    private final List<CompiledProblem> problems = new ArrayList<>();

    /** Cells finished, reported by JMH per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long cells;
    }

    @Setup(Level.Trial)
    public void open() {
        for (int c = 0; c < cells; c++) {
            problems.add(ProblemCompiler.compile(SpecReader.parse(CELL.formatted(0.05 * (1 + c % 100),
                    0.1 * (1 + c / 100)), "cell " + c, false)));
        }
        try {
            engine = OpenClEngine.open(-1, Precision.FLOAT, Boolean.getBoolean("marginsim.bench.allowCpu"));
            engine.prepare(problems.getFirst());
            engine.run(batch()).forEach(PathStats::close);
            System.err.println("engine: " + engine.description());
        } catch (EngineUnavailableException e) {
            System.err.println("OpenCL benchmark skipped: " + e.getMessage());
        }
    }

    private CellBatch batch() {
        CellBatch batch = CellBatch.of(CellBatch.key(engine, problems.getFirst(), paths));
        problems.forEach(p -> batch.add(p, paths));
        return batch;
    }

    @Benchmark
    public void run(Counters counters, Blackhole blackhole) throws EngineUnavailableException {
        if (engine == null) {
            return;
        }
        if (mode.equals("batch")) {
            List<PathStats> all = engine.run(batch());
            for (int c = 0; c < cells; c++) {
                report(problems.get(c), all.get(c), blackhole);
            }
        } else {
            for (CompiledProblem problem : problems) {
                report(problem, engine.run(problem, 0, paths, Engine.ProgressListener.NONE), blackhole);
            }
        }
        counters.cells += cells;
    }

    private void report(CompiledProblem problem, PathStats stats, Blackhole blackhole) {
        try (stats) {
            blackhole.consume(ReportBuilder.build(stats, Simulator.runInfo(problem, engine.name(), "bench", 1)));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
