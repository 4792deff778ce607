package io.marginsim.engine.vector;

import io.marginsim.engine.Engine;
import io.marginsim.engine.contract.Problems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.result.Samples;
import io.marginsim.stats.PathStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * DCC correlation and filtered historical simulation in float lanes: the engine claims both and its results do not
 * depend on chunking and threads. The contract suite compares them with the reference path by path.
 */
class VectorDccAndHistoricalTest {

    @Test
    void bothModelsAreImplemented() {
        CompiledProblem historical = Problems.laneHistorical();
        try (VectorEngine engine = new VectorEngine(1, 64)) {
            assertThat(engine.implementedFeatures()).contains(Feature.DCC, Feature.HISTORICAL);
            assertThat(historical.featuresBeyond(engine.implementedFeatures())).isEmpty();
            assertThat(Problems.dccLanes(2, true, 0.05, 0.9, 1).featuresBeyond(engine.implementedFeatures()))
                    .isEmpty();
        }
    }

    @Test
    void resultsDoNotDependOnChunkSizeOrThreadCount() {
        // the DCC state is per lane and reset per block of lanes; the Vector API's transcendental functions may
        // differ by an ulp between interpreted and compiled code, so equal bits are not guaranteed
        assertIndependentOfGeometry(Problems.dccLanes(4, true, 0.05, 0.9, 56), 1e-3);
        assertIndependentOfGeometry(Problems.laneHistorical(), 1e-3);
    }

    private static void assertIndependentOfGeometry(CompiledProblem problem, double tolerance) {
        try (VectorEngine whole = new VectorEngine(1, 1_000_000)) {
            PathStats reference = whole.run(problem, 5, 3_001, Engine.ProgressListener.NONE);
            for (int[] geometry : new int[][] {{1, 1}, {2, 17}, {2, 333}, {3, 1024}}) {
                try (VectorEngine engine = new VectorEngine(geometry[0], geometry[1])) {
                    PathStats stats = engine.run(problem, 5, 3_001, Engine.ProgressListener.NONE);
                    assertThat(stats.breachesAtStep()).as("threads %d chunk %d", geometry[0], geometry[1])
                            .containsExactly(reference.breachesAtStep());
                    assertClose(Samples.sorted(stats.worstShortfall()), Samples.sorted(reference.worstShortfall()),
                            tolerance);
                    assertClose(Samples.sorted(stats.terminalEquity()), Samples.sorted(reference.terminalEquity()),
                            tolerance);
                }
            }
        }
    }

    private static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(tolerance));
        }
    }
}
