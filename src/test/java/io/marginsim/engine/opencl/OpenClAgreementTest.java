package io.marginsim.engine.opencl;

import io.marginsim.engine.BreachTimes;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.Workloads;
import io.marginsim.engine.scalar.ScalarEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Path-by-path agreement with the scalar reference: the same first-breach step on at least 99.9% of paths in
 * float (all of them in double), and worst shortfall and terminal equity within rounding on paths that agree.
 */
class OpenClAgreementTest {
    private static final int PATHS = 4096;
    /** Not zero, so the path index really reaches the counter. */
    private static final long FIRST_PATH = 3_000_000_000L;
    /** Tolerances relative to the account's size (gross entry notional plus cash). */
    static final double FLOAT_TOLERANCE = 1e-5;
    static final double DOUBLE_TOLERANCE = 1e-12;

    @Test
    void oneAsset() {
        assertAgrees(Workloads.oneAsset(7));
    }

    @Test
    void eightCorrelatedAssets() {
        assertAgrees(Workloads.correlated(8, 8));
    }

    @Test
    void tieredRequirement() {
        assertAgrees(TestProblems.tiered(9));
    }

    @Test
    void entryBasisWithCollateral() {
        assertAgrees(TestProblems.entryBasisWithCollateral(10));
    }

    @Test
    void isolatedWithShort() {
        assertAgrees(TestProblems.isolatedWithShort(11));
    }

    @Test
    void doublePrecisionMatchesEveryPath() {
        for (CompiledProblem problem : new CompiledProblem[] {Workloads.correlated(8, 12),
                TestProblems.tiered(12), TestProblems.isolatedWithShort(12)}) {
            assertMatchesInDouble(problem);
        }
    }

    /** Every path at the same step, outcomes within {@value #DOUBLE_TOLERANCE} of the account's size. */
    static void assertMatchesInDouble(CompiledProblem problem) {
        PathBlock reference = scalar(problem);
        PathBlock block = opencl(OpenClTestEngines.doubleEngine(), problem);
        assertThat(block.breachStepAgreement(reference)).as(problem.toString()).isEqualTo(1.0);
        BreachTimes.assertAgree(problem, reference, block, 1.0, false);
        assertOutcomesClose(problem, reference, block, DOUBLE_TOLERANCE);
    }

    /** A share of paths breaches, and in float at least 99.9% of paths breach at the reference's step. */
    static void assertAgrees(CompiledProblem problem) {
        PathBlock reference = scalar(problem);
        int breaches = 0;
        for (int step : reference.firstBreachStep) {
            breaches += step == PathBlock.NO_BREACH ? 0 : 1;
        }
        assertThat(breaches).as("breaching paths, so the comparison means something").isBetween(PATHS / 20,
                PATHS - PATHS / 20);
        PathBlock block = opencl(OpenClTestEngines.floatEngine(), problem);
        assertThat(block.breachStepAgreement(reference)).as(problem.toString()).isGreaterThanOrEqualTo(0.999);
        BreachTimes.assertAgree(problem, reference, block, 0.999, false);
        assertOutcomesClose(problem, reference, block, FLOAT_TOLERANCE);
    }

    private static void assertOutcomesClose(CompiledProblem problem, PathBlock reference, PathBlock block,
                                            double relative) {
        double tolerance = relative * accountSize(problem);
        for (int i = 0; i < PATHS; i++) {
            if (block.firstBreachStep[i] == reference.firstBreachStep[i]) {
                assertThat(block.worstShortfall[i]).as("worst shortfall of path %d", i)
                        .isCloseTo(reference.worstShortfall[i], offset(tolerance));
                assertThat(block.terminalEquity[i]).as("terminal equity of path %d", i)
                        .isCloseTo(reference.terminalEquity[i], offset(tolerance));
            }
        }
    }

    /** Gross entry notional plus cash: the scale of the account's rounding errors. */
    static double accountSize(CompiledProblem problem) {
        double size = Math.abs(problem.cash);
        for (int i = 0; i < problem.positions; i++) {
            size += Math.abs(problem.positionSize.get(i) * problem.positionEntry.get(i));
        }
        return size;
    }

    private static PathBlock scalar(CompiledProblem problem) {
        PathBlock block = new PathBlock(PATHS);
        new ScalarEngine(1, PATHS).simulate(problem, FIRST_PATH, block);
        return block;
    }

    private static PathBlock opencl(OpenClEngine engine, CompiledProblem problem) {
        PathBlock block = new PathBlock(PATHS);
        engine.simulate(problem, FIRST_PATH, block);
        return block;
    }
}
