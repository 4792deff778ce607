package io.marginsim.engine.vector;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.Engine;
import io.marginsim.engine.PathBlock;
import io.marginsim.engine.Workloads;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.result.PathStats;
import io.marginsim.result.Samples;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Results through {@link VectorEngine#run}: independent of chunking and threads, and consistent with the reference. */
class VectorEngineRunTest {

    @Test
    void resultsDoNotDependOnChunkSizeOrThreadCount() {
        CompiledProblem problem = TestProblems.isolated(21);
        PathStats reference = new VectorEngine(1, 1_000_000).run(problem, 5, 3_001, Engine.ProgressListener.NONE);
        for (int[] geometry : new int[][] {{1, 1}, {2, 17}, {2, 333}, {3, 1024}, {2, 8192}}) {
            PathStats stats = new VectorEngine(geometry[0], geometry[1])
                    .run(problem, 5, 3_001, Engine.ProgressListener.NONE);
            assertThat(stats.breachesAtStep()).as("threads %d chunk %d", geometry[0], geometry[1])
                    .containsExactly(reference.breachesAtStep());
            assertThat(Samples.sorted(stats.worstShortfall())).containsExactly(Samples.sorted(reference.worstShortfall()));
            assertThat(Samples.sorted(stats.terminalEquity())).containsExactly(Samples.sorted(reference.terminalEquity()));
        }
    }

    @Test
    void aPathGivesTheSameBitsWhereverItFallsInABlock() {
        CompiledProblem problem = Workloads.correlated(3, 22);
        VectorEngine engine = new VectorEngine(1, 64);
        PathBlock whole = new PathBlock(100);
        engine.simulate(problem, 1_000, whole);
        PathBlock shifted = new PathBlock(37);
        engine.simulate(problem, 1_000 + 45, shifted);
        for (int i = 0; i < shifted.size(); i++) {
            assertThat(shifted.firstBreachStep[i]).isEqualTo(whole.firstBreachStep[45 + i]);
            assertThat(shifted.worstShortfall[i]).isEqualTo(whole.worstShortfall[45 + i]);
            assertThat(shifted.terminalEquity[i]).isEqualTo(whole.terminalEquity[45 + i]);
        }
    }

    @Test
    void breachProbabilityAgreesWithTheReferenceWithinTheMonteCarloInterval() {
        CompiledProblem problem = Workloads.oneAsset(23);
        int paths = 100_000;
        PathStats vector = new VectorEngine(2, 8192).run(problem, 0, paths, Engine.ProgressListener.NONE);
        PathStats scalar = new ScalarEngine(2, 8192).run(problem, 0, paths, Engine.ProgressListener.NONE);
        double p = (double) scalar.breaches() / paths;
        double halfWidth = 1.96 * Math.sqrt(p * (1 - p) / paths);
        assertThat((double) vector.breaches() / paths).isBetween(p - halfWidth, p + halfWidth);
        // the same draws on both engines: the counts differ only by paths that graze the threshold
        assertThat(Math.abs(vector.breaches() - scalar.breaches())).isLessThanOrEqualTo(paths / 1000);
    }

    @Test
    void compiledKernelsAllocateNothingPerStep() {
        // a vector that C2 fails to keep in registers is boxed: one object per operation and step, which this
        // catches where a benchmark would only look slow
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (CompiledProblem problem : new CompiledProblem[] {Workloads.correlated(3, 24), TestProblems.tiered(24),
                TestProblems.isolated(24)}) {
            VectorEngine engine = new VectorEngine(1, 4096);
            PathBlock block = new PathBlock(4096);
            long fewest = Long.MAX_VALUE;
            for (int run = 0; run < 300 && fewest > 16_384; run++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                engine.simulate(problem, run * 4096L, block);
                fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
            }
            // per call only the lane scratch arrays (a few KB); boxing would cost megabytes for 4096 x 128+ steps
            assertThat(fewest).as("bytes allocated by one simulate call on %s", problem).isLessThan(16_384);
        }
    }

    @Test
    void describesItsLanesAndThreads() {
        VectorEngine engine = new VectorEngine(3, 100);
        assertThat(engine.name()).isEqualTo("vector");
        assertThat(engine.description()).contains(Lanes.COUNT + " float32 lanes").contains("3 threads");
    }
}
