package io.marginsim.engine.vector;

import io.marginsim.engine.contract.EngineUnderTest;
import io.marginsim.engine.contract.ReferenceAgreement;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;

import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path-by-path agreement of a liquidating lanes account in the vector engine (float prices, the reference's account
 * in double per lane) with the scalar reference, by the criteria of {@link ReferenceAgreement#assertLiquidationAgrees}
 * for the vector engine, on the lanes tests' own problems; the contract suite runs the catalogue's.
 */
final class LaneAgreement {
    /** Not a multiple of {@link Lanes#COUNT}, so every problem also runs a padded last vector. */
    static final int PATHS = 10_003;
    private static final long FIRST_PATH = 1_000;

    private LaneAgreement() {
    }

    /** The criteria with outcomes within 1e-5 of the gross notional on every compared path. */
    static PathBlock assertAgrees(CompiledProblem problem) {
        return assertAgrees(problem, 1e-5, 0);
    }

    /**
     * The criteria with outcomes within {@code relative} of the gross notional on every compared path but at most
     * {@code outliers}; returns the reference's block, to check what it exercised.
     */
    static PathBlock assertAgrees(CompiledProblem problem, double relative, int outliers) {
        return ReferenceAgreement.assertLiquidationAgrees(EngineUnderTest.VECTOR_FLOAT, problem, FIRST_PATH, PATHS,
                relative * EngineUnderTest.grossNotional(problem), outliers, PATHS / 4);
    }

    /** The problem exercises repeated liquidation: more than a tenth of the paths are cut at least twice. */
    static void assertCutSeveralTimes(PathBlock reference) {
        assertThat(count(reference, i -> reference.liquidations[i] >= 2)).as("paths cut several times")
                .isGreaterThan(PATHS / 10);
    }

    /** The problem exercises bad debt: at least {@code paths} paths end a liquidation below zero equity. */
    static void assertBadDebtOn(PathBlock reference, int paths) {
        assertThat(count(reference, i -> reference.badDebt[i] > 0)).as("paths with bad debt")
                .isGreaterThanOrEqualTo(paths);
    }

    private static int count(PathBlock block, IntPredicate test) {
        return ReferenceAgreement.count(block, test);
    }
}
