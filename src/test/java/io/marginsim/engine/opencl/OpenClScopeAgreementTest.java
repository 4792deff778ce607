package io.marginsim.engine.opencl;

import io.marginsim.engine.Engine;
import io.marginsim.engine.ScopeAgreement;
import io.marginsim.engine.Specs;
import io.marginsim.engine.contract.EngineUnderTest;
import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.engine.contract.Problems;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Monitoring;
import io.marginsim.stats.PathStats;
import io.marginsim.stats.ScopeStats;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Each isolated position's outcomes from the plain path kernel (paths.cl, with monitor.cl under continuous
 * monitoring) and the liquidating kernel (frictions.cl) against the reference path by path, and reduced into a run's
 * statistics chunk by chunk: in float the same breach step for each position on at least 99.9% of paths and, where it
 * is the same, the equity at close (and liquidation loss and bad debt) within
 * {@link EngineUnderTest#KERNEL_FLOAT_RELATIVE} of the account's size; in double every path.
 */
class OpenClScopeAgreementTest {
    private static final int PATHS = 3_001;

    @Test
    void positionsCheckedAtStepEnds() {
        assertAgrees(OpenClTestEngines.floatEngine(), Problems.isolatedWithShort(61), 0.999,
                EngineUnderTest.KERNEL_FLOAT_RELATIVE);
    }

    @Test
    void positionsCheckedContinuously() {
        assertAgrees(OpenClTestEngines.floatEngine(),
                Problems.isolatedWithShort(62).withMonitoring(Monitoring.CONTINUOUS), 0.999,
                EngineUnderTest.KERNEL_FLOAT_RELATIVE);
    }

    @Test
    void doublePrecisionMatchesEveryPositionOnEveryPath() {
        assertAgrees(OpenClTestEngines.doubleEngine(), Problems.isolatedWithShort(63), 1.0,
                EngineUnderTest.KERNEL_DOUBLE_RELATIVE);
        assertAgrees(OpenClTestEngines.doubleEngine(),
                Problems.isolatedWithShort(64).withMonitoring(Monitoring.CONTINUOUS), 1.0,
                EngineUnderTest.KERNEL_DOUBLE_RELATIVE);
    }

    @Test
    void liquidationMechanicsWithFundingPartialCutsAndFees() {
        assertAgrees(OpenClTestEngines.floatEngine(),
                FrictionProblems.frozenIsolated(FrictionProblems.ISOLATED_FRACTION, 66), 0.999,
                EngineUnderTest.KERNEL_FLOAT_RELATIVE);
    }

    @Test
    void liquidationMechanicsInDoubleUnderEitherMonitoring() {
        for (Monitoring monitoring : Monitoring.values()) {
            assertAgrees(OpenClTestEngines.doubleEngine(),
                    FrictionProblems.frozenIsolated(FrictionProblems.ISOLATED_TIER, 67).withMonitoring(monitoring),
                    1.0, EngineUnderTest.KERNEL_DOUBLE_RELATIVE);
        }
    }

    /** An account of many isolated positions runs in smaller chunks, so their outcomes stay within the bound. */
    @Test
    void manyPositionsBoundTheChunk() {
        String position = "{\"asset\": \"A\", \"size\": 1, \"entryPrice\": 100, \"margin\": 10, "
                + "\"rules\": {\"type\": \"flat\", \"rate\": 0.05}}";
        CompiledProblem many = ProblemCompiler.compile(Specs.parse(String.format(Locale.ROOT, """
                {"assets": [{"name": "A", "price": 100, "volatility": 0.5}],
                 "account": {"mode": "isolated", "cash": 0, "positions": [%s]}, "horizonDays": 1}""", String.join(", ", Collections.nCopies(200, position)))));
        int chunk = ScopeSlot.chunkPaths(many, OpenClEngine.DEFAULT_CHUNK_PATHS);
        assertThat(chunk).isLessThan(OpenClEngine.DEFAULT_CHUNK_PATHS);
        assertThat((long) chunk * 200 * (Integer.BYTES + 3 * Double.BYTES))
                .isLessThanOrEqualTo(ScopeSlot.MAX_CHUNK_BYTES);
        assertThat(ScopeSlot.chunkPaths(Problems.isolatedWithShort(1), OpenClEngine.DEFAULT_CHUNK_PATHS))
                .isEqualTo(OpenClEngine.DEFAULT_CHUNK_PATHS);
    }

    /** Chunks of a run reduce into the same counts as the reference's run, in double. */
    @Test
    void aRunInChunksCountsEachPositionsBreachesAsTheReference() {
        CompiledProblem problem = Problems.isolatedWithShort(65);
        PathStats reference = new ScalarEngine(1, 1000).run(problem, 0, PATHS, Engine.ProgressListener.NONE);
        try (PathStats device = OpenClTestEngines.doubleEngine().run(problem, 0, PATHS, Engine.ProgressListener.NONE,
                1000)) {
            ScopeStats a = reference.scopes();
            ScopeStats b = device.scopes();
            assertThat(b.paths()).isEqualTo(PATHS);
            assertThat(b.tiedFirst()).isEqualTo(a.tiedFirst());
            for (int s = 0; s < problem.positions; s++) {
                assertThat(b.breachesAtStep(s)).isEqualTo(a.breachesAtStep(s));
                assertThat(b.firstAlone(s)).isEqualTo(a.firstAlone(s));
                assertThat(b.meanLoss(s)).isCloseTo(a.meanLoss(s), offset(1e-9 * 1000));
            }
        }
    }

    private static void assertAgrees(OpenClEngine engine, CompiledProblem problem, double agreement,
                                     double relative) {
        PathBlock reference = PathBlock.forProblem(problem, PATHS);
        new ScalarEngine(1, PATHS).simulate(problem, 0, reference);
        PathBlock block = PathBlock.forProblem(problem, PATHS);
        engine.simulate(problem, 0, block);
        ScopeAgreement.assertAgrees(reference.scopes, block.scopes, agreement,
                relative * EngineUnderTest.accountSize(problem));
    }
}
