package io.marginsim.engine.vector;

import io.marginsim.engine.contract.Problems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.spec.Monitoring;
import io.marginsim.problem.PathBlock;
import io.marginsim.engine.contract.FrictionProblems;
import org.junit.jupiter.api.Test;

import static io.marginsim.engine.contract.FrictionProblems.BY_FRACTION;
import static io.marginsim.engine.contract.FrictionProblems.BY_TIER;
import static io.marginsim.engine.contract.FrictionProblems.LATENCY_AND_A_HALF;
import static io.marginsim.engine.contract.FrictionProblems.LINEAR_IMPACT;
import static io.marginsim.engine.contract.FrictionProblems.SQRT_IMPACT;
import static io.marginsim.engine.contract.FrictionProblems.mechanics;

/**
 * Liquidation under continuous monitoring (breach at the barrier, fills from the crossing time, checks again after a
 * fill within a step) agrees path by path with the reference, by the criteria of {@link VectorFrictionsAgreementTest}:
 * both run the reference's account, the lanes on float prices, except that outcomes may differ by more than
 * {@value #RELATIVE} of the gross notional on one path in a thousand (a check again after a fill within a step
 * starts from an excess within rounding of zero); the cascade of cuts at zero latency has its own criterion, below.
 */
class VectorContinuousFrictionsTest {
    private static final double RELATIVE = 1e-5;
    private static final String FEE = "\"feeRate\": 0.005";

    /** GARCH's conditional variance in the bridge of a liquidating lane, with funding, latency and partial cuts. */
    @Test
    void garchWithFundingLatencyAndPartialLiquidation() {
        CompiledProblem problem = Problems.oneAsset(
                "\"garch\": {\"alpha\": 0.12, \"beta\": 0.85, \"initialVolatility\": 1.2}", "",
                "\"funding\": {\"fundingRatePerInterval\": 0.0005}",
                "\"liquidation\": {" + mechanics(LATENCY_AND_A_HALF, FEE, BY_FRACTION) + "}", 76);
        VectorFrictionsAgreementTest.assertCutSeveralTimes(VectorFrictionsAgreementTest.assertAgrees(
                problem.withMonitoring(Monitoring.CONTINUOUS), RELATIVE, VectorFrictionsAgreementTest.PATHS / 1000));
    }

    @Test
    void crossFundingAndBorrowInterest() {
        assertAgrees(continuous(FrictionProblems.lanesCross(null, 61)));
    }

    @Test
    void crossFractionalLatencyLinearImpactFeeAndPartialByFraction() {
        VectorFrictionsAgreementTest.assertCutSeveralTimes(assertAgrees(continuous(
                FrictionProblems.lanesCross(mechanics(LATENCY_AND_A_HALF, LINEAR_IMPACT, FEE, BY_FRACTION), 62))));
    }

    /**
     * A cut by tier with no latency leaves the account just above its barrier, where Brownian motion returns at once:
     * the cuts cascade within the step, at one price, until the excess is clear or {@code MAX_SEGMENTS} is reached,
     * and each cut's size and the next segment's draws follow the rounding of the one before. So per-path outcomes
     * may differ on up to one path in twenty (observed: 326 of 10,003); breach steps, event counts and the means of
     * every outcome still agree.
     */
    @Test
    void crossPartialByTierWithSqrtImpactAtOnce() {
        VectorFrictionsAgreementTest.assertCutSeveralTimes(VectorFrictionsAgreementTest.assertAgrees(continuous(
                FrictionProblems.lanesCross(mechanics(BY_TIER, SQRT_IMPACT, FEE), 63)), RELATIVE,
                VectorFrictionsAgreementTest.PATHS / 20 * 2));
    }

    @Test
    void crossBadDebtFromLongLatencyAndSteepImpact() {
        PathBlock reference = assertAgrees(continuous(FrictionProblems.lanesCross(
                mechanics("\"latencySeconds\": 45900", SQRT_IMPACT, "\"feeRate\": 0.01"), 64)));
        VectorFrictionsAgreementTest.assertBadDebtOn(reference, VectorFrictionsAgreementTest.PATHS / 20);
    }

    @Test
    void isolatedPartialByTierWithFractionalLatency() {
        VectorFrictionsAgreementTest.assertCutSeveralTimes(assertAgrees(continuous(
                FrictionProblems.lanesIsolated(mechanics("\"latencySeconds\": 3240", SQRT_IMPACT, FEE, BY_TIER), 65))));
    }

    @Test
    void isolatedPartialByFractionAtOnce() {
        VectorFrictionsAgreementTest.assertCutSeveralTimes(assertAgrees(continuous(
                FrictionProblems.lanesIsolated(mechanics(LINEAR_IMPACT, FEE, BY_FRACTION), 66))));
    }

    private static PathBlock assertAgrees(CompiledProblem problem) {
        return VectorFrictionsAgreementTest.assertAgrees(problem, RELATIVE, VectorFrictionsAgreementTest.PATHS / 1000);
    }

    private static CompiledProblem continuous(CompiledProblem problem) {
        return problem.withMonitoring(Monitoring.CONTINUOUS);
    }
}
