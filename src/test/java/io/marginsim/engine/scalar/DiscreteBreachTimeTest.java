package io.marginsim.engine.scalar;

import io.marginsim.engine.Specs;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.Report;
import io.marginsim.result.ReportBuilder;
import io.marginsim.spec.Monitoring;
import io.marginsim.stats.PathStats;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discrete monitoring keeps whole steps: every breach is at its step's end on the reference and the vector engine,
 * and the report's time-to-breach quantiles are, bit for bit, the step-end quantiles of the breach counts by step.
 * Continuous monitoring on the same account puts breaches within steps.
 */
class DiscreteBreachTimeTest {
    private static final int PATHS = 4_000;

    @Test
    void discreteBreachesAreAtStepEndsAndItsQuantilesAreWholeSteps() {
        CompiledProblem problem = ProblemCompiler.compile(Specs.single(0.8, 0, 10, 100, 0.005, 30, 4, PATHS, 5,
                Monitoring.DISCRETE));
        for (PathBlock block : new PathBlock[] {simulate(new ScalarEngine(1, PATHS), problem),
                simulate(new VectorEngine(1, PATHS), problem)}) {
            int breaches = 0;
            for (int i = 0; i < PATHS; i++) {
                if (block.firstBreachStep[i] != PathBlock.NO_BREACH) {
                    breaches++;
                    assertThat(block.breachFraction[i]).as("path %d", i).isEqualTo(1.0);
                }
            }
            assertThat(breaches).isGreaterThan(PATHS / 4);
        }
        PathStats stats = new ScalarEngine(1, 1_000).run(problem, 0, PATHS, p -> { });
        assertThat(stats.binsPerStep()).isEqualTo(1);
        double stepDays = 0.25;
        Report report = ReportBuilder.build(stats, new ReportBuilder.RunInfo("scalar", "", stepDays, 5, "discrete",
                100, 0, 0, 0));
        long[] byStep = stats.breachesAtStep();
        for (Map.Entry<String, Double> q : report.timeToBreachQuantilesDays().entrySet()) {
            double whole = BreachTimeClosedFormTest.wholeStepQuantile(byStep, stats.breaches(),
                    Double.parseDouble(q.getKey())) * stepDays;
            assertThat(Double.doubleToRawLongBits(q.getValue())).as("%s-quantile", q.getKey())
                    .isEqualTo(Double.doubleToRawLongBits(whole));
        }
    }

    @Test
    void continuousBreachesFallWithinSteps() {
        CompiledProblem problem = ProblemCompiler.compile(Specs.single(0.8, 0, 10, 100, 0.005, 30, 4, PATHS, 5,
                Monitoring.CONTINUOUS));
        PathBlock block = simulate(new ScalarEngine(1, PATHS), problem);
        int breaches = 0;
        int within = 0;
        for (int i = 0; i < PATHS; i++) {
            if (block.firstBreachStep[i] != PathBlock.NO_BREACH) {
                breaches++;
                assertThat(block.breachFraction[i]).isBetween(0.0, 1.0);
                within += block.breachFraction[i] < 1 ? 1 : 0;
            }
        }
        // a crossing seen at the step's end alone is rare: the bridge from above to below crosses within the step
        assertThat(within).isGreaterThan(breaches * 9 / 10);
    }

    private static PathBlock simulate(io.marginsim.engine.ParallelCpuEngine engine, CompiledProblem problem) {
        PathBlock block = new PathBlock(PATHS);
        engine.simulate(problem, 0, block);
        return block;
    }
}
