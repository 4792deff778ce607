package io.marginsim.engine.vector;

import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.engine.contract.Problems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;

import static io.marginsim.engine.contract.FrictionProblems.BY_FRACTION;
import static io.marginsim.engine.contract.FrictionProblems.BY_TIER;
import static io.marginsim.engine.contract.FrictionProblems.LATENCY_AND_A_HALF;
import static io.marginsim.engine.contract.FrictionProblems.LINEAR_IMPACT;
import static io.marginsim.engine.contract.FrictionProblems.mechanics;
import static io.marginsim.engine.vector.LaneAgreement.assertAgrees;
import static io.marginsim.engine.vector.LaneAgreement.assertBadDebtOn;
import static io.marginsim.engine.vector.LaneAgreement.assertCutSeveralTimes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account in lanes ({@link LaneLiquidation}) on what the contract suite's liquidating accounts leave out: a venue
 * preset's brackets with its capped fee and tier cuts, premium-linked funding and borrow interest in isolated mode
 * with fills at once, requirements on entry notional that follow the live size after partial cuts, haircuts that
 * follow GARCH variance under liquidation mechanics, and a loan without positions; each path by path against the
 * scalar reference, by the criteria of {@link LaneAgreement}.
 */
class LaneLiquidationTest {
    @Test
    void runsDiscreteMonitoringAndContinuousWhereTheLanesKnowTheSide() {
        CompiledProblem twoAssets = FrictionProblems.lanesCross(mechanics(LATENCY_AND_A_HALF), 70);
        assertThat(LaneLiquidation.covers(twoAssets)).isTrue();
        // two assets move the cross account: its Brownian excess runs in lanes (LaneContinuousCrossTest)
        assertThat(LaneLiquidation.covers(twoAssets.withMonitoring(Monitoring.CONTINUOUS))).isTrue();
        assertThat(LaneLiquidation.covers(Problems.oneAsset("", "", "", "\"liquidation\": {}", 71)
                .withMonitoring(Monitoring.CONTINUOUS))).isTrue();
    }

    @Test
    void garchHaircutsOnCollateralWithPartialCutsAndCappedFeesAfterLatency() {
        // the collateral in X is worth less, and required more of, as X's GARCH variance rises
        CompiledProblem problem = FrictionProblems.garchHaircut("\"funding\": {\"fundingRatePerInterval\": 0.0004}",
                mechanics(LATENCY_AND_A_HALF, "\"feeRate\": 0.02", "\"feeCappedAtRemainingMargin\": true",
                        BY_FRACTION), 74);
        assertThat(problem.mechanicsFeatures()).contains(Feature.PATH_HAIRCUTS, Feature.PARTIAL,
                Feature.FEE_CAPPED);
        assertThat(LaneLiquidation.covers(problem)).isTrue();
        assertCutSeveralTimes(assertAgrees(problem));
    }

    @Test
    void aLoanWithoutPositionsIsClosedWholeAtItsFill() {
        // collateral and a debt only: the account is one scope with no sizes, closed whole at its first fill
        CompiledProblem problem = FrictionProblems.lanesAccount("""
                "cash": 0, "collateral": [{"asset": "A", "amount": 10, "haircut": 0.2}],
                "debts": [{"asset": "B", "amount": 18, "borrowRate": 0.3}]""", LATENCY_AND_A_HALF, 75);
        assertThat(problem.positions).isZero();
        assertThat(problem.mechanicsFeatures()).contains(Feature.BORROW, Feature.LATENCY);
        assertBadDebtOn(assertAgrees(problem), 1);
    }

    @Test
    void theBtcLiquidationExampleWithBinanceBracketsCappedFeeAndTierCuts() {
        // checked continuously by default, and at step ends when asked: the lanes run both
        CompiledProblem problem = ProblemCompiler.compile(SpecReader.read(Path.of("examples/btc-liquidation.json")));
        assertThat(problem.mechanicsFeatures()).contains(Feature.FUNDING, Feature.LATENCY, Feature.SLIPPAGE,
                Feature.FEE_CAPPED, Feature.PARTIAL);
        assertThat(problem.monitoring).isEqualTo(Monitoring.CONTINUOUS);
        for (Monitoring monitoring : Monitoring.values()) {
            CompiledProblem monitored = problem.withMonitoring(monitoring);
            assertThat(LaneLiquidation.covers(monitored)).as(monitoring.key()).isTrue();
            assertAgrees(monitored, 1e-5, LaneAgreement.PATHS / 1000);
        }
    }

    @Test
    void isolatedPremiumFundingBorrowInterestAndCappedFeesFilledAtOnce() {
        CompiledProblem problem = FrictionProblems.lanesIsolatedPremium(
                mechanics("\"feeRate\": 0.03", "\"feeCappedAtRemainingMargin\": true", BY_FRACTION), 72);
        assertThat(problem.mechanicsFeatures()).contains(Feature.PREMIUM_FUNDING, Feature.BORROW,
                Feature.FEE_CAPPED, Feature.PARTIAL)
                .doesNotContain(Feature.LATENCY);
        PathBlock reference = assertAgrees(problem);
        assertCutSeveralTimes(reference);
    }

    @Test
    void entryNotionalBracketsFollowTheLiveSizeAfterTierCuts() {
        CompiledProblem problem = FrictionProblems.lanesAccount("""
                "cash": 20, "collateral": [{"asset": "B", "amount": 2, "haircut": 0.2}],
                "positions": [
                  {"asset": "A", "size": 10, "entryPrice": 100,
                   "rules": {"type": "tiered", "basis": "entry", "tiers": [{"floor": 0, "rate": 0.01},
                             {"floor": 500, "rate": 0.03}, {"floor": 900, "rate": 0.05}]}},
                  {"asset": "B", "size": -15, "entryPrice": 40,
                   "rules": {"type": "flat", "rate": 0.05, "basis": "entry"}}]""",
                mechanics(LATENCY_AND_A_HALF, LINEAR_IMPACT, "\"feeRate\": 0.01", BY_TIER), 73);
        PathBlock reference = assertAgrees(problem);
        assertCutSeveralTimes(reference);
        assertBadDebtOn(reference, 1);
    }

    /** A price float rounds to zero has no logarithm in the lanes: the per-lane reference runs it, without NaN. */
    @Test
    void aPriceBelowFloatsRangeRunsPerLaneUnderContinuousMonitoring() {
        CompiledProblem problem = ProblemCompiler.compile(SpecReader.parse("""
                {"assets": [{"name": "X", "price": 1.0E-46, "volatility": 0.6}],
                 "account": {"cash": 100, "positions": [{"asset": "X", "size": 1, "entryPrice": 60000,
                             "rules": {"type": "flat", "rate": 0.005}}]},
                 "liquidation": {"latencySeconds": 30}, "monitoring": "continuous",
                 "horizonDays": 2, "stepsPerDay": 4, "paths": 64, "seed": 7}""", "spec", false));
        assertThat(LaneLiquidation.covers(problem)).isFalse();
        assertThat(LaneLiquidation.covers(problem.withMonitoring(Monitoring.DISCRETE))).isTrue();
        PathBlock lanes = PathBlock.forProblem(problem, 64);
        try (VectorEngine engine = new VectorEngine(1, 64)) {
            engine.simulate(problem, 0, lanes);
        }
        assertThat(Arrays.stream(lanes.terminalEquity).allMatch(Double::isFinite)).as("finite equities").isTrue();
        assertThat(Arrays.stream(lanes.worstShortfall).allMatch(Double::isFinite)).as("finite shortfalls").isTrue();
    }
}
