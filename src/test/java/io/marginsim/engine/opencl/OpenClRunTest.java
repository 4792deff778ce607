package io.marginsim.engine.opencl;

import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.engine.contract.Problems;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.BreachBins;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.Workloads;
import io.marginsim.result.LossStatistics;
import io.marginsim.result.ReportBuilder;
import io.marginsim.result.ReportFormat;
import io.marginsim.result.Samples;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Monitoring;
import io.marginsim.stats.PathStats;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Large runs: device-side reduction, chunking and agreement of the breach probability with the reference. */
class OpenClRunTest {
    /** Ranks compared between samples that should be equal: enough to catch a lost or moved value. */
    private static final int SPREAD = 201;

    @Test
    void breachProbabilityAgreesWithScalarWithinTheConfidenceInterval() {
        int paths = 200_000;
        CompiledProblem problem = Problems.tieredThreeBrackets(21);
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
            assertSameQuantiles(chunked, whole);
            chunked.close();
        }
        whole.close();
    }

    @Test
    void deviceHistogramCountsTheSimulatedPaths() {
        CompiledProblem problem = Problems.isolatedWithShort(23);
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        PathBlock block = new PathBlock(10_000);
        engine.simulate(problem, 100, block);
        PathStats expected = PathStats.of(problem.steps, block);
        PathStats reduced = engine.run(problem, 100, block.size(), p -> { }, 3_000);
        assertThat(reduced.breachesAtStep()).containsExactly(expected.breachesAtStep());
        assertSameQuantiles(reduced, expected);
        reduced.close();
    }

    /**
     * Under continuous monitoring the kernels count breach slots (step and sixteenth of the step): the device's
     * counts equal those of the paths' own steps and fractions, on the plain and the liquidating kernel, and so does
     * the report built from them.
     */
    @Test
    void continuousDeviceHistogramCountsBreachSlots() {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        for (CompiledProblem problem : new CompiledProblem[] {
                Problems.isolatedWithShort(26).withMonitoring(Monitoring.CONTINUOUS),
                Problems.tieredThreeBrackets(27).withMonitoring(Monitoring.CONTINUOUS),
                FrictionProblems.frozenCross(null, 28).withMonitoring(Monitoring.CONTINUOUS)}) {
            PathBlock block = PathBlock.forProblem(problem, 6_000);
            engine.simulate(problem, 11, block);
            PathStats expected = PathStats.of(problem.steps, BreachBins.CONTINUOUS, block);
            ReportBuilder.RunInfo info = Simulator.runInfo(problem, engine.name(), "test", 0);
            try (PathStats reduced = engine.run(problem, 11, block.size(), p -> { }, 2_500)) {
                assertThat(reduced.binsPerStep()).isEqualTo(BreachBins.CONTINUOUS);
                assertThat(reduced.breachesAtSlot()).as("%s", problem).containsExactly(expected.breachesAtSlot());
                assertThat(ReportFormat.json(ReportBuilder.build(reduced, info)))
                        .isEqualTo(ReportFormat.json(ReportBuilder.build(expected, info)));
            }
        }
    }

    @Test
    void runReportEqualsTheReportOfTheSimulatedPaths() {
        for (OpenClEngine engine : new OpenClEngine[] {OpenClTestEngines.floatEngine(),
                OpenClTestEngines.doubleEngine()}) {
            CompiledProblem problem = Problems.tieredThreeBrackets(24);
            PathBlock block = new PathBlock(12_000);
            engine.simulate(problem, 7, block);
            ReportBuilder.RunInfo info = Simulator.runInfo(problem, engine.name(), "test", 0);
            try (PathStats reduced = engine.run(problem, 7, block.size(), p -> { }, 5_000)) {
                // The JSON carries every number of the report, arrays included, so equal text is equal reports.
                assertThat(ReportFormat.json(ReportBuilder.build(reduced, info)))
                        .as(engine.description())
                        .isEqualTo(ReportFormat.json(ReportBuilder.build(PathStats.of(problem.steps, block), info)));
            }
        }
    }

    @Test
    void runCopiesBackOnlyHistograms() {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        CompiledProblem problem = Problems.tieredThreeBrackets(25);
        int chunk = 8_192;
        for (int paths : new int[] {20_000, 80_000}) {
            // the loss statistics read their ranks of the terminal equity in the report's query
            int ranks = 3 * ReportBuilder.BUFFER_TARGETS.length + ReportBuilder.EQUITY_LEVELS.length
                    + LossStatistics.ranks(paths).length;
            // Per sample: one top-digit histogram, then one histogram per distinct prefix of a requested rank.
            long selectBound = 2L * RadixSelect.DIGIT_BINS * Integer.BYTES + (long) ranks * RadixSelect.DIGIT_BINS
                    * Integer.BYTES;
            long before = engine.bytesRead();
            try (PathStats stats = engine.run(problem, 0, paths, p -> { }, chunk)) {
                long chunks = (paths + chunk - 1) / chunk;
                assertThat(engine.bytesRead() - before).as("run, %d paths", paths)
                        .isEqualTo(chunks * (problem.steps + 1) * Integer.BYTES);
                before = engine.bytesRead();
                ReportBuilder.build(stats, Simulator.runInfo(problem, engine.name(), "test", 0));
                assertThat(engine.bytesRead() - before).as("report, %d paths", paths).isLessThanOrEqualTo(selectBound);
            }
        }
    }

    static void assertSameQuantiles(PathStats actual, PathStats expected) {
        assertThat(Samples.spread(actual.worstShortfall(), SPREAD))
                .containsExactly(Samples.spread(expected.worstShortfall(), SPREAD));
        assertThat(Samples.spread(actual.terminalEquity(), SPREAD))
                .containsExactly(Samples.spread(expected.terminalEquity(), SPREAD));
    }

    @Test
    void emptyRunHasNoPaths() {
        assertThat(OpenClTestEngines.floatEngine().run(Workloads.oneAsset(1), 0, 0, p -> { }).paths()).isZero();
    }
}
