package io.marginsim.engine.opencl;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.PathBlock;
import io.marginsim.engine.Workloads;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.result.PathStats;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Large runs: device-side reduction, chunking and agreement of the breach probability with the reference. */
class OpenClRunTest {

    @Test
    void breachProbabilityAgreesWithScalarWithinTheConfidenceInterval() {
        int paths = 200_000;
        CompiledProblem problem = TestProblems.tiered(21);
        AtomicLong progress = new AtomicLong();
        PathStats gpu = OpenClTestEngines.floatEngine().run(problem, 0, paths, progress::addAndGet, 65_536);
        PathStats reference = new ScalarEngine().run(problem, 0, paths, p -> { });

        double p = (double) reference.breaches() / paths;
        double halfWidth = 1.96 * Math.sqrt(p * (1 - p) / paths);
        assertThat(progress.get()).isEqualTo(paths);
        assertThat(gpu.paths()).isEqualTo(paths);
        assertThat((double) gpu.breaches() / paths).isCloseTo(p, offset(halfWidth));
        // Same shocks, so nearly every path breaches at the same step: the histograms differ by a few paths.
        long moved = 0;
        long[] a = gpu.breachesAtStep();
        long[] b = reference.breachesAtStep();
        for (int s = 0; s < a.length; s++) {
            moved += Math.abs(a[s] - b[s]);
        }
        assertThat(moved).isLessThanOrEqualTo(2 * paths / 1000);
    }

    @Test
    void chunkSizeDoesNotChangeResults() {
        CompiledProblem problem = Workloads.correlated(8, 22);
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        PathStats whole = engine.run(problem, 5, 20_000, p -> { }, 20_000);
        for (int chunk : new int[] {777, 4096}) {
            PathStats chunked = engine.run(problem, 5, 20_000, p -> { }, chunk);
            assertThat(chunked.breachesAtStep()).as("chunk %d", chunk).containsExactly(whole.breachesAtStep());
            assertThat(chunked.sortedWorstShortfall()).containsExactly(whole.sortedWorstShortfall());
            assertThat(chunked.sortedTerminalEquity()).containsExactly(whole.sortedTerminalEquity());
        }
    }

    @Test
    void deviceHistogramCountsTheSimulatedPaths() {
        CompiledProblem problem = TestProblems.isolatedWithShort(23);
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        PathBlock block = new PathBlock(10_000);
        engine.simulate(problem, 100, block);
        PathStats expected = PathStats.of(problem.steps, block);
        PathStats reduced = engine.run(problem, 100, block.size(), p -> { }, 3_000);
        assertThat(reduced.breachesAtStep()).containsExactly(expected.breachesAtStep());
        assertThat(reduced.sortedWorstShortfall()).containsExactly(expected.sortedWorstShortfall());
        assertThat(reduced.sortedTerminalEquity()).containsExactly(expected.sortedTerminalEquity());
    }

    @Test
    void emptyRunHasNoPaths() {
        assertThat(OpenClTestEngines.floatEngine().run(Workloads.oneAsset(1), 0, 0, p -> { }).paths()).isZero();
    }
}
