package io.marginsim.engine.vector;

import io.marginsim.engine.ScopeAgreement;
import io.marginsim.engine.contract.EngineUnderTest;
import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.engine.contract.Problems;
import io.marginsim.engine.contract.ReferenceAgreement;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

import static io.marginsim.engine.contract.FrictionProblems.BY_FRACTION;
import static io.marginsim.engine.contract.FrictionProblems.LATENCY_AND_A_HALF;
import static io.marginsim.engine.contract.FrictionProblems.LINEAR_IMPACT;
import static io.marginsim.engine.contract.FrictionProblems.mechanics;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path-by-path agreement of each isolated position's outcomes between the vector engine and the scalar reference,
 * through every lane form that runs isolated accounts: the plain account in lanes ({@link LaneAccount}), the
 * reference's continuous account per lane ({@link LaneContinuous}), liquidation mechanics in lanes
 * ({@link LaneLiquidation}) and per lane under continuous monitoring ({@link LaneFrictions}).
 *
 * <p>Criteria, as {@link ReferenceAgreement} sets them for the account: the same breach step
 * for each position on at least 99.9% of paths, and where it is the same, the position's equity at close, liquidation
 * loss and bad debt within {@value #RELATIVE} of the account's gross notional (float prices, see there).
 */
class VectorScopeAgreementTest {
    private static final double RELATIVE = 1e-5;
    /** Not a multiple of {@link Lanes#COUNT}, so a padded last vector runs too. */
    private static final int PATHS = 4_003;
    private static final String MECHANICS = mechanics(LATENCY_AND_A_HALF, LINEAR_IMPACT, "\"feeRate\": 0.005",
            BY_FRACTION);

    @Test
    void plainAccountInLanes() {
        assertAgrees(Problems.isolatedTwoAssets(31));
    }

    @Test
    void plainAccountCheckedContinuously() {
        assertAgrees(Problems.isolatedTwoAssets(32).withMonitoring(Monitoring.CONTINUOUS));
    }

    @Test
    void liquidationMechanicsInLanes() {
        CompiledProblem problem = FrictionProblems.lanesIsolated(MECHANICS, 33);
        assertThat(LaneLiquidation.covers(problem)).isTrue();
        assertAgrees(problem);
    }

    @Test
    void liquidationMechanicsCheckedContinuously() {
        CompiledProblem problem = FrictionProblems.lanesIsolated(MECHANICS, 34).withMonitoring(Monitoring.CONTINUOUS);
        assertThat(LaneLiquidation.covers(problem)).as("the lanes run isolated positions continuously").isTrue();
        assertAgrees(problem);
    }

    private static void assertAgrees(CompiledProblem problem) {
        PathBlock reference = PathBlock.forProblem(problem, PATHS);
        PathBlock lanes = PathBlock.forProblem(problem, PATHS);
        new ScalarEngine(1, PATHS).simulate(problem, 0, reference);
        new VectorEngine(1, PATHS).simulate(problem, 0, lanes);
        ScopeAgreement.assertAgrees(reference.scopes, lanes.scopes, 0.999,
                RELATIVE * EngineUnderTest.grossNotional(problem));
    }
}
