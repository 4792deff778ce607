package io.marginsim.engine.opencl;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.PortfolioSpecs;
import io.marginsim.engine.Specs;
import io.marginsim.engine.contract.Problems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.ReportBuilder;
import io.marginsim.result.ReportFormat;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Monitoring;
import io.marginsim.stats.PathStats;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cells run as one batch give, cell by cell, the statistics of running each cell alone on the same engine. */
class OpenClBatchTest {
    @Test
    void batchOfCellsWithDifferentNumbersEqualsCellByCellRuns() throws EngineUnavailableException {
        List<CompiledProblem> problems = new ArrayList<>();
        List<Integer> paths = new ArrayList<>();
        // sizes, volatilities, cash, drifts, rates, seeds, path counts and horizons all differ
        double[][] cells = {
                {0.5, 1.0, 30, 0.0, 0.005, 4, 4, 1000, 11},
                {0.9, 2.5, 12, 0.1, 0.01, 2, 8, 333, 12},
                {0.2, -1.5, 50, -0.2, 0.02, 6, 3, 2048, 11},
                {1.5, 0.7, 5, 0.0, 0.005, 1, 1, 1, 99},
                {0.6, 3.0, 40, 0.05, 0.003, 4, 4, 4097, 123_456_789_012L},
        };
        for (double[] c : cells) {
            // discrete, as the tiered cell below: one program key (continuous cells have their own test)
            problems.add(ProblemCompiler.compile(Specs.single(c[0], c[3], c[1], c[2], c[4], (int) c[5], (int) c[6],
                    (long) c[7], (long) c[8], Monitoring.DISCRETE)));
            paths.add((int) c[7]);
        }
        // three tiers instead of one, on the same shape (one asset, one position)
        problems.add(Problems.tieredThreeBrackets(21));
        paths.add(1500);
        assertBatchEqualsSingleRuns(OpenClTestEngines.floatEngine(), problems, paths);
        assertBatchEqualsSingleRuns(OpenClTestEngines.doubleEngine(), problems, paths);
    }

    @Test
    void batchOfMarketModelCellsEqualsCellByCellRuns() throws EngineUnavailableException {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        assertBatchEqualsSingleRuns(engine, List.of(Problems.combined(3), Problems.combined(4)),
                List.of(700, 1300));
        assertBatchEqualsSingleRuns(engine, List.of(Problems.dcc2(5, true), Problems.dcc2(6, true)),
                List.of(900, 256));
        assertBatchEqualsSingleRuns(engine,
                List.of(Problems.isolatedWithShort(7), Problems.isolatedWithShort(8)), List.of(640, 1000));
    }

    @Test
    void batchOfContinuouslyMonitoredCellsEqualsCellByCellRuns() throws EngineUnavailableException {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        assertBatchEqualsSingleRuns(engine, List.of(Problems.tieredThreeBrackets(9).withMonitoring(Monitoring.CONTINUOUS),
                Problems.tieredThreeBrackets(10).withMonitoring(Monitoring.CONTINUOUS)), List.of(700, 1300));
        assertBatchEqualsSingleRuns(engine,
                List.of(Problems.isolatedWithShort(11).withMonitoring(Monitoring.CONTINUOUS),
                        Problems.isolatedWithShort(12).withMonitoring(Monitoring.CONTINUOUS)), List.of(500, 900));
        // market models: each cell's paths take their own step covariance from the model state
        assertBatchEqualsSingleRuns(engine, List.of(Problems.combined(13).withMonitoring(Monitoring.CONTINUOUS),
                Problems.combined(14).withMonitoring(Monitoring.CONTINUOUS)), List.of(600, 1100));
        assertBatchEqualsSingleRuns(engine, List.of(Problems.dcc2(15, true).withMonitoring(Monitoring.CONTINUOUS),
                Problems.dcc2(16, true).withMonitoring(Monitoring.CONTINUOUS)), List.of(900, 300));
        assertThat(CellBatch.key(engine, Problems.tieredThreeBrackets(1), 100)).as("a discrete cell runs another program")
                .isNotEqualTo(CellBatch.key(engine, Problems.tieredThreeBrackets(1).withMonitoring(Monitoring.CONTINUOUS), 100));
    }

    @Test
    void batchOfPortfolioMarginCellsEqualsCellByCellRuns() throws EngineUnavailableException {
        // each cell's grid sits after its account in the cell's block of the account array
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        for (Monitoring monitoring : Monitoring.values()) {
            assertBatchEqualsSingleRuns(engine, List.of(
                    ProblemCompiler.compile(PortfolioSpecs.twoAssets(15_000, 3, 700, monitoring)),
                    ProblemCompiler.compile(PortfolioSpecs.twoAssets(12_000, 3, 900, monitoring))), List.of(700, 900));
        }
    }

    @Test
    void onlyProblemsOfOneProgramWithoutHistoryShareABatch() {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        String tiered = CellBatch.key(engine, Problems.tieredThreeBrackets(1), 1000);
        assertThat(tiered).isNotNull().isEqualTo(CellBatch.key(engine, Problems.tieredThreeBrackets(2), 10));
        assertThat(CellBatch.key(engine, Problems.isolatedWithShort(1), 1000)).isNotNull().isNotEqualTo(tiered);
        assertThat(CellBatch.key(engine, Problems.garch(1), 1000)).isNotNull().isNotEqualTo(tiered);
        assertThat(CellBatch.key(engine, Problems.historical(1), 1000)).isNull();
        CompiledProblem liquidating = ProblemCompiler.compile(Specs.parse("""
                {"assets": [{"name": "X", "price": 100, "volatility": 0.5}],
                 "account": {"cash": 30, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.005}}]},
                 "monitoring": "discrete", "horizonDays": 4, "stepsPerDay": 4, "paths": 1000, "liquidation": {"feeRate": 0.01}}"""));
        assertThat(CellBatch.key(engine, liquidating, 1000)).isNull();
        assertThat(CellBatch.key(engine, Problems.tieredThreeBrackets(1), CellBatch.MAX_CELL_PATHS + 1)).isNull();

        CellBatch batch = CellBatch.of(tiered);
        int steps = Problems.tieredThreeBrackets(1).steps;
        int paths = (int) (CellBatch.MAX_PATH_STEPS / steps / 3);
        for (int i = 0; i < 3; i++) {
            assertThat(batch.fits(tiered, paths, steps)).isTrue();
            batch.add(Problems.tieredThreeBrackets(i), paths);
        }
        long left = CellBatch.MAX_PATH_STEPS - batch.pathSteps();
        assertThat(batch.fits(tiered, 1, (int) left)).isTrue();
        assertThat(batch.fits(tiered, 1, (int) left + 1)).as("past the path-step bound").isFalse();
        assertThat(CellBatch.of(tiered).fits(CellBatch.key(engine, Problems.garch(1), 1), 1, 1)).isFalse();
    }

    private static void assertBatchEqualsSingleRuns(OpenClEngine engine, List<CompiledProblem> problems,
                                                    List<Integer> paths) throws EngineUnavailableException {
        String key = CellBatch.key(engine, problems.getFirst(), paths.getFirst());
        CellBatch batch = CellBatch.of(key);
        for (int c = 0; c < problems.size(); c++) {
            assertThat(CellBatch.key(engine, problems.get(c), paths.get(c))).as("key of cell %d", c).isEqualTo(key);
            batch.add(problems.get(c), paths.get(c));
        }
        List<PathStats> batched = engine.run(batch);
        assertThat(batched).hasSize(problems.size());
        for (int c = 0; c < problems.size(); c++) {
            CompiledProblem problem = problems.get(c);
            ReportBuilder.RunInfo info = Simulator.runInfo(problem, engine.name(), "test", 0);
            try (PathStats alone = engine.run(problem, 0, paths.get(c), p -> { });
                 PathStats inBatch = batched.get(c)) {
                assertThat(inBatch.paths()).isEqualTo(paths.get(c).longValue());
                assertThat(inBatch.breachesAtSlot()).as("cell %d", c).containsExactly(alone.breachesAtSlot());
                OpenClRunTest.assertSameQuantiles(inBatch, alone);
                // The JSON carries every number of the report, arrays included, so equal text is equal reports.
                assertThat(ReportFormat.json(ReportBuilder.build(inBatch, info))).as("%s, cell %d",
                        engine.description(), c).isEqualTo(ReportFormat.json(ReportBuilder.build(alone, info)));
            }
        }
    }
}
