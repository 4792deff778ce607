package io.marginsim.engine.opencl;

import io.marginsim.engine.contract.Problems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.result.ReportBuilder;
import io.marginsim.result.ReportFormat;
import io.marginsim.simulation.Simulator;
import io.marginsim.stats.PathStats;
import org.junit.jupiter.api.Test;

import static io.marginsim.engine.opencl.OpenClRunTest.assertSameQuantiles;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs of the market models: the per-path model state (GARCH variance, AR(1) return, DCC's Q and factor) lives in
 * one work-item, and the history is one buffer shared by every chunk, so
 * neither the chunking nor the device reduction may change a result.
 */
class OpenClModelRunTest {

    @Test
    void chunkSizeDoesNotChangeResults() {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        for (CompiledProblem problem : new CompiledProblem[] {Problems.combined(41),
                Problems.combinedCopula(41), Problems.dcc4(41, true), Problems.historical(41)}) {
            try (PathStats whole = engine.run(problem, 5, 12_000, p -> { }, 12_000)) {
                for (int chunk : new int[] {777, 4096}) {
                    try (PathStats chunked = engine.run(problem, 5, 12_000, p -> { }, chunk)) {
                        assertThat(chunked.breachesAtStep()).as("chunk %d", chunk)
                                .containsExactly(whole.breachesAtStep());
                        assertSameQuantiles(chunked, whole);
                    }
                }
            }
        }
    }

    @Test
    void runReportEqualsTheReportOfTheSimulatedPaths() {
        for (OpenClEngine engine : new OpenClEngine[] {OpenClTestEngines.floatEngine(),
                OpenClTestEngines.doubleEngine()}) {
            for (CompiledProblem problem : new CompiledProblem[] {Problems.combined(42),
                    Problems.combinedCopula(42)}) {
                PathBlock block = new PathBlock(8_000);
                engine.simulate(problem, 7, block);
                ReportBuilder.RunInfo info = Simulator.runInfo(problem, engine.name(), "test", 0);
                try (PathStats reduced = engine.run(problem, 7, block.size(), p -> { }, 3_000)) {
                    assertThat(ReportFormat.json(ReportBuilder.build(reduced, info)))
                            .as(engine.description() + " " + problem.marketModelFeatures())
                            .isEqualTo(ReportFormat.json(ReportBuilder.build(PathStats.of(problem.steps, block),
                                    info)));
                }
            }
        }
    }
}
