package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.engine.contract.Problems;
import io.marginsim.engine.contract.EngineUnderTest;
import io.marginsim.engine.contract.ReferenceAgreement;
import io.marginsim.engine.contract.FrictionProblems;
import org.junit.jupiter.api.Test;

import java.util.function.IntPredicate;

import static io.marginsim.engine.contract.FrictionProblems.BY_FRACTION;
import static io.marginsim.engine.contract.FrictionProblems.BY_TIER;
import static io.marginsim.engine.contract.FrictionProblems.LATENCY_AND_A_HALF;
import static io.marginsim.engine.contract.FrictionProblems.LINEAR_IMPACT;
import static io.marginsim.engine.contract.FrictionProblems.SQRT_IMPACT;
import static io.marginsim.engine.contract.FrictionProblems.mechanics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Path-by-path agreement of carrying costs and liquidation mechanics in the vector engine (float prices, the
 * reference's account in double per lane) with the scalar reference, from the same draws.
 *
 * <p>Criteria, those of {@link ReferenceAgreement#assertLiquidationAgrees} for the vector engine: the same
 * first-breach step and the same number of liquidation events on at least 99.9% of paths (a path whose shortfall crosses zero within float rounding of the prices may breach, or be cut again, one step
 * apart); on every other path worst shortfall, terminal equity, liquidation loss and bad debt within
 * {@value #RELATIVE} of the account's gross notional; and means that differ by less than one standard error of
 * the reference's, so the engine's difference is well inside the Monte Carlo interval of any report.
 *
 * <p>The tolerance: a float lane's log price relative to its start is a sum of 128 float log returns, each
 * addition rounding by at most half an ulp (3e-8) of a magnitude below 1, so a price is off by at most ~4e-6
 * relative (typically ~3e-7, rounding errors of random sign); every outcome is a sum of units times prices (fills,
 * interpolated references and carrying costs included), and a price that has doubled doubles its share of the
 * error, hence {@value #RELATIVE} of the gross notional. Observed on these problems: no path differed in first
 * breach or number of events; the largest difference was 5.2e-6 of gross notional (a terminal equity on the jump
 * problem, whose price had about doubled), typically 3e-7; the means differed by under 0.001 standard errors.
 */
class VectorFrictionsAgreementTest {
    private static final double RELATIVE = 1e-5;
    /** Not a multiple of {@link Lanes#COUNT}, so every problem also runs a padded last vector. */
    static final int PATHS = 10_003;
    private static final long FIRST_PATH = 1_000;
    private static final String FEE = "\"feeRate\": 0.005";

    @Test
    void crossFundingAndBorrowInterestWithoutLiquidationMechanics() {
        CompiledProblem problem = FrictionProblems.lanesCross(null, 51);
        assertThat(problem.mechanicsFeatures()).containsExactly(Feature.FUNDING, Feature.BORROW);
        assertAgrees(problem);
    }

    @Test
    void crossFractionalLatencyLinearImpactFeeAndPartialByFraction() {
        PathBlock reference = assertAgrees(FrictionProblems.lanesCross(
                mechanics(LATENCY_AND_A_HALF, LINEAR_IMPACT, FEE, BY_FRACTION), 52));
        assertCutSeveralTimes(reference);
    }

    @Test
    void crossPartialByTierWithSqrtImpactAtOnce() {
        PathBlock reference = assertAgrees(FrictionProblems.lanesCross(mechanics(BY_TIER, SQRT_IMPACT, FEE), 53));
        assertCutSeveralTimes(reference);
    }

    @Test
    void crossBadDebtFromLongLatencyAndSteepImpact() {
        // 4.25 steps of latency: the price moves on by several step deviations before the fill
        PathBlock reference = assertAgrees(FrictionProblems.lanesCross(
                mechanics("\"latencySeconds\": 45900", SQRT_IMPACT, "\"feeRate\": 0.01"), 54));
        assertBadDebtOn(reference, PATHS / 20);
    }

    @Test
    void isolatedPartialByTierWithFractionalLatency() {
        PathBlock reference = assertAgrees(FrictionProblems.lanesIsolated(
                mechanics("\"latencySeconds\": 3240", SQRT_IMPACT, FEE, BY_TIER), 55));
        assertCutSeveralTimes(reference);
    }

    @Test
    void isolatedPartialByFractionWithBadDebt() {
        PathBlock reference = assertAgrees(FrictionProblems.lanesIsolated(
                mechanics("\"latencySeconds\": 37800", LINEAR_IMPACT, FEE, BY_FRACTION), 56));
        assertCutSeveralTimes(reference);
        assertBadDebtOn(reference, 1);
    }

    @Test
    void garchVolatilityWithFundingLatencyAndPartialLiquidation() {
        CompiledProblem problem = Problems.oneAsset(
                "\"garch\": {\"alpha\": 0.12, \"beta\": 0.85, \"initialVolatility\": 1.2}", "",
                "\"funding\": {\"fundingRatePerInterval\": 0.0005}",
                "\"liquidation\": {" + mechanics(LATENCY_AND_A_HALF, FEE, BY_FRACTION) + "}", 57);
        assertCutSeveralTimes(assertAgrees(problem));
    }

    @Test
    void jumpsGapPastTheBankruptcyPrice() {
        PathBlock reference = assertAgrees(Problems.oneAsset(
                "\"jumpIntensity\": 80, \"jumpMean\": -0.06, \"jumpStdev\": 0.06", "", "",
                "\"liquidation\": {\"latencySeconds\": 5400, \"feeRate\": 0.002}", 58));
        assertBadDebtOn(reference, 1);
    }

    @Test
    void premiumLinkedFundingAndAFeeCappedAtTheRemainingMargin() {
        CompiledProblem problem = Problems.oneAsset("", "",
                "\"funding\": {\"fundingRatePerInterval\": 0.0001, \"premium\": {\"basisSensitivity\": 0.3, "
                        + "\"clampBand\": 0.0005, \"rateCap\": 0.0075}}",
                "\"liquidation\": {" + mechanics(LATENCY_AND_A_HALF, "\"feeRate\": 0.02",
                        "\"feeCappedAtRemainingMargin\": true") + "}", 59);
        assertThat(problem.mechanicsFeatures()).contains(Feature.PREMIUM_FUNDING,
                Feature.FEE_CAPPED);
        assertAgrees(problem);
    }

    @Test
    void haircutsFollowTheCollateralsGarchVariance() {
        CompiledProblem problem = FrictionProblems.garchHaircut("", "", 60);
        assertThat(problem.mechanicsFeatures()).containsExactly(Feature.PATH_HAIRCUTS);
        assertAgrees(problem);
    }

    /** Asserts the criteria of the class javadoc and returns the reference's block, to check what it exercised. */
    static PathBlock assertAgrees(CompiledProblem problem) {
        return assertAgrees(problem, RELATIVE, 0);
    }

    /**
     * {@link #assertAgrees(CompiledProblem)} with outcomes within {@code relative} of the gross notional on every
     * compared path but at most {@code outliers}.
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
