package io.marginsim.engine.opencl;

import io.marginsim.engine.Precision;
import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.result.LiquidationReport;
import io.marginsim.result.Report;
import io.marginsim.result.ReportBuilder;
import io.marginsim.result.Samples;
import io.marginsim.simulation.Simulator;
import io.marginsim.stats.LiquidationStats;
import io.marginsim.stats.PathStats;
import io.marginsim.stats.PathStatsEncoding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Runs with liquidation mechanics reduce on the device: the liquidation counts and sums come back per work-group
 * and the loss and bad-debt samples stay there, yet give the statistics of the engine's own per-path outcomes.
 */
class OpenClFrictionRunTest {
    private static final int PATHS = 12_000;
    private static final int CHUNK = 5_000;
    /** Ranks compared between samples that should be equal: enough to catch a lost or moved value. */
    private static final int SPREAD = 201;
    /**
     * Relative error of a mean summed on the device: each work-item adds a few thousand values in float, then the
     * group adds its work-items' partials, each add rounding by at most {@code 2^-24} of the running sum; the host
     * adds the groups in double. 1e-4 covers a few thousand roundings of {@code 2^-24}.
     */
    private static final double FLOAT_SUM_TOLERANCE = 1e-4;
    /** The same in double: only the order of the additions differs from the host's. */
    private static final double DOUBLE_SUM_TOLERANCE = 1e-12;

    @Test
    void runStatisticsEqualThoseOfTheSimulatedPaths() {
        for (OpenClEngine engine : new OpenClEngine[] {OpenClTestEngines.floatEngine(),
                OpenClTestEngines.doubleEngine()}) {
            CompiledProblem problem = FrictionProblems.frozenCross(FrictionProblems.SLOW, 81);
            PathBlock block = PathBlock.forProblem(problem, PATHS);
            engine.simulate(problem, 7, block);
            PathStats expected = PathStats.of(problem.steps, block);
            double sums = engine.precision() == Precision.DOUBLE ? DOUBLE_SUM_TOLERANCE : FLOAT_SUM_TOLERANCE;
            try (PathStats reduced = engine.run(problem, 7, PATHS, p -> { }, CHUNK)) {
                assertThat(reduced.breachesAtStep()).containsExactly(expected.breachesAtStep());
                OpenClRunTest.assertSameQuantiles(reduced, expected);
                LiquidationStats actual = reduced.liquidation();
                LiquidationStats wanted = expected.liquidation();
                assertThat(actual.paths()).isEqualTo(PATHS);
                assertThat(actual.liquidatedPaths()).isEqualTo(wanted.liquidatedPaths()).isPositive();
                assertThat(actual.events()).isEqualTo(wanted.events());
                assertThat(actual.badDebtPaths()).isEqualTo(wanted.badDebtPaths()).isPositive();
                assertThat(actual.meanLoss()).isCloseTo(wanted.meanLoss(), offset(sums * Math.abs(wanted.meanLoss())));
                assertThat(actual.meanBadDebt()).isCloseTo(wanted.meanBadDebt(),
                        offset(sums * Math.abs(wanted.meanBadDebt())));
                assertThat(Samples.spread(actual.loss(), SPREAD)).containsExactly(Samples.spread(wanted.loss(), SPREAD));
                assertThat(Samples.spread(actual.badDebt(), SPREAD))
                        .containsExactly(Samples.spread(wanted.badDebt(), SPREAD));
            }
        }
    }

    @Test
    void theReportHasALiquidationSectionFromTheDevice() {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        CompiledProblem problem = FrictionProblems.frozenIsolated(FrictionProblems.ISOLATED_FRACTION, 82);
        PathBlock block = PathBlock.forProblem(problem, PATHS);
        engine.simulate(problem, 0, block);
        ReportBuilder.RunInfo info = Simulator.runInfo(problem, engine.name(), "test", 0);
        Report expected = ReportBuilder.build(PathStats.of(problem.steps, block), info);
        try (PathStats reduced = engine.run(problem, 0, PATHS, p -> { }, CHUNK)) {
            LiquidationReport actual = ReportBuilder.build(reduced, info).liquidation();
            assertThat(actual).isNotNull();
            assertThat(actual.liquidationProbability()).isEqualTo(expected.liquidation().liquidationProbability());
            assertThat(actual.expectedLiquidations()).isEqualTo(expected.liquidation().expectedLiquidations());
            assertThat(actual.liquidationLossQuantiles()).isEqualTo(expected.liquidation().liquidationLossQuantiles());
            assertThat(actual.badDebtQuantiles()).isEqualTo(expected.liquidation().badDebtQuantiles());
        }
    }

    @Test
    void carryingCostsAloneHaveNoLiquidationOutcomes() {
        CompiledProblem problem = FrictionProblems.frozenCross(null, 83);
        try (PathStats stats = OpenClTestEngines.floatEngine().run(problem, 0, PATHS, p -> { }, CHUNK)) {
            assertThat(stats.paths()).isEqualTo(PATHS);
            assertThat(stats.liquidation()).isNull();
            assertThat(stats.terminalEquity().size()).isEqualTo(PATHS);
        }
    }

    @Test
    void runCopiesBackLessThanAByteAPath() {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        CompiledProblem problem = FrictionProblems.frozenCross(FrictionProblems.LATENCY_LINEAR_FEE, 84);
        int paths = 80_000;
        long before = engine.bytesRead();
        try (PathStats stats = engine.run(problem, 0, paths, p -> { }, 8_192)) {
            // per chunk: the breach histogram and a few dozen bytes of counts and sums per work-group
            assertThat(engine.bytesRead() - before).isLessThan(paths);
            assertThat(stats.liquidation().paths()).isEqualTo(paths);
        }
    }

    @Test
    void statisticsOnTheDeviceEncodeByCopyingTheirChunksNotByRanking() {
        for (OpenClEngine engine : new OpenClEngine[] {OpenClTestEngines.floatEngine(),
                OpenClTestEngines.doubleEngine()}) {
            CompiledProblem problem = FrictionProblems.frozenCross(FrictionProblems.SLOW, 85);
            try (PathStats reduced = engine.run(problem, 3, PATHS, p -> { }, CHUNK)) {
                long before = engine.bytesRead();
                PathStats decoded = PathStatsEncoding.decode(PathStatsEncoding.encode(reduced));
                // four samples of one value a path, each chunk buffer read once
                int valueBytes = engine.precision() == Precision.DOUBLE ? 8 : 4;
                assertThat(engine.bytesRead() - before).isEqualTo(4L * PATHS * valueBytes);
                assertThat(decoded.breachesAtStep()).containsExactly(reduced.breachesAtStep());
                OpenClRunTest.assertSameQuantiles(decoded, reduced);
                assertThat(Samples.spread(decoded.liquidation().loss(), SPREAD))
                        .containsExactly(Samples.spread(reduced.liquidation().loss(), SPREAD));
                assertThat(Samples.spread(decoded.liquidation().badDebt(), SPREAD))
                        .containsExactly(Samples.spread(reduced.liquidation().badDebt(), SPREAD));
            }
        }
    }
}
