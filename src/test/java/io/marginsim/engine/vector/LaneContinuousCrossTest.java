package io.marginsim.engine.vector;

import io.marginsim.engine.PortfolioSpecs;
import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.engine.contract.Problems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static io.marginsim.engine.contract.FrictionProblems.BY_FRACTION;
import static io.marginsim.engine.contract.FrictionProblems.BY_TIER;
import static io.marginsim.engine.contract.FrictionProblems.LATENCY_AND_A_HALF;
import static io.marginsim.engine.contract.FrictionProblems.mechanics;
import static io.marginsim.engine.vector.LaneAgreement.assertCutSeveralTimes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account in lanes under continuous monitoring for a cross account that several assets move
 * ({@link LaneLiquidation} with {@link LaneExcessBridge}): which problems it takes, and path by path agreement with
 * the scalar reference, by the criteria of {@link LaneContinuousLiquidationTest}. Two and three assets, with
 * funding (constant and premium-linked), latency, partial cuts, fees, debts, and haircuts fixed and following a
 * GARCH variance.
 */
class LaneContinuousCrossTest {
    private static final String FEE = "\"feeRate\": 0.005";
    private static final String FUNDING =
            "\"funding\": {\"fundingRatePerInterval\": 0.0003, \"fundingIntervalHours\": 8}";

    @Test
    void takesCrossAccountsThatSeveralAssetsMove() {
        assertThat(LaneExcessBridge.covers(continuous(FrictionProblems.lanesCross(mechanics(FEE), 90)))).isTrue();
        assertThat(LaneExcessBridge.covers(threeAssets("", mechanics(FEE), 90))).isTrue();
        // one asset moves the account: its extremes are the bridge's
        assertThat(LaneExcessBridge.covers(continuous(Problems.oneAsset("", "", "", "", 90)))).isFalse();
        assertThat(LaneExcessBridge.covers(continuous(FrictionProblems.lanesIsolated(mechanics(FEE), 90)))).isFalse();
        // a portfolio margin's slope jumps between scenarios: each lane takes its own worst scenario's
        CompiledProblem portfolio = ProblemCompiler.compile(
                PortfolioSpecs.twoAssetsLiquidated(15_000, "{}", 7, 100, Monitoring.CONTINUOUS));
        assertThat(LaneExcessBridge.covers(portfolio)).isTrue();
    }

    @Test
    void twoAssetsWithFundingDebtHaircutLatencyAndPartialCuts() {
        CompiledProblem problem = continuous(FrictionProblems.lanesCross(
                mechanics(LATENCY_AND_A_HALF, FEE, BY_FRACTION), 91));
        assertCutSeveralTimes(assertAgrees(problem));
    }

    @Test
    void garchHaircutOnCollateralInOneAssetAndAPremiumFundedPositionInTheOther() {
        CompiledProblem problem = continuous(FrictionProblems.garchHaircut(
                "\"funding\": {\"fundingRatePerInterval\": 0.0002, \"premium\": {\"basisSensitivity\": 0.5, \"clampBand\": 0.0005, \"rateCap\": 0.003}}",
                mechanics(LATENCY_AND_A_HALF, "\"feeRate\": 0.02", "\"feeCappedAtRemainingMargin\": true",
                        BY_FRACTION), 92));
        assertThat(problem.mechanicsFeatures()).contains(Feature.PATH_HAIRCUTS, Feature.PREMIUM_FUNDING);
        assertAgrees(problem);
    }

    @Test
    void threeAssetsUnderTiersCutByFractionAfterLatency() {
        CompiledProblem problem = threeAssets(FUNDING, mechanics("\"latencySeconds\": 27000", FEE, BY_FRACTION), 93);
        assertCutSeveralTimes(assertAgrees(problem));
    }

    @Test
    void threeAssetsCutByTierAtOnce() {
        assertAgrees(threeAssets(FUNDING, mechanics(FEE, BY_TIER), 94));
    }

    /**
     * A hedge cut on one leg: a long on A and a short on B that a correlation of 0.995 nearly cancels, cut by half
     * above a notional that only the short reaches. After the cut the live account is far less hedged than its shadow
     * (the variance of its excess over a step is about three times the shadow's), so the lanes must check it with its
     * own variance: with the shadow's they miss its crossings within the step and settle them a step late.
     */
    @Test
    void aHedgeCutOnOneLegIsCheckedWithTheLiveAccountsOwnVariance() {
        CompiledProblem problem = Problems.compile("""
                {"assets": [{"name": "A", "price": 100, "volatility": 0.8},
                            {"name": "B", "price": 100, "volatility": 0.8}],
                 "correlation": [[1, 0.995], [0.995, 1]],
                 "account": {"cash": 60, "positions": [
                   {"asset": "A", "size": 10, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.02}},
                   {"asset": "B", "size": -12, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.02}}]},
                 "liquidation": {"partial": {"mode": "fraction", "fraction": 0.5, "aboveNotional": 1100}},
                 "horizonDays": 16, "stepsPerDay": 8, "seed": 95, "engine": "vector"}""");
        assertCutSeveralTimes(assertAgrees(problem));
    }

    /**
     * A long on A under three brackets (with {@code funding}), a short on B, collateral in C with a GARCH haircut,
     * under a correlated GARCH market on C; continuous by default.
     */
    private static CompiledProblem threeAssets(String funding, String liquidation, long seed) {
        return Problems.compile(String.format(Locale.ROOT, """
                {"assets": [{"name": "A", "price": 100, "volatility": 0.8, "drift": 0.05},
                            {"name": "B", "price": 40, "volatility": 1.1},
                            {"name": "C", "price": 20, "volatility": 0.9,
                             "garch": {"alpha": 0.1, "beta": 0.85, "initialVolatility": 1.2}}],
                 "correlation": [[1, 0.4, 0.2], [0.4, 1, 0.3], [0.2, 0.3, 1]],
                 "account": {"cash": 100,
                             "collateral": [{"asset": "C", "amount": 6,
                                             "haircutModel": {"k": 3, "cap": 0.6, "liquidationHorizonDays": 2}}],
                             "positions": [
                               {"asset": "A", "size": 10, "entryPrice": 100,
                                "rules": {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.01},
                                          {"floor": 900, "rate": 0.03}, {"floor": 1200, "rate": 0.05}]}%s},
                               {"asset": "B", "size": -12, "entryPrice": 40,
                                "rules": {"type": "flat", "rate": 0.05}}]},
                 "liquidation": {%s},
                 "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"}""",
                funding.isEmpty() ? "" : ", " + funding, liquidation, seed));
    }

    private static PathBlock assertAgrees(CompiledProblem problem) {
        assertThat(problem.monitoring).isEqualTo(Monitoring.CONTINUOUS);
        assertThat(LaneExcessBridge.covers(problem)).as("run by the Brownian excess in lanes").isTrue();
        assertThat(LaneLiquidation.covers(problem)).isTrue();
        return LaneAgreement.assertAgrees(problem, 1e-5, LaneAgreement.PATHS / 1000);
    }

    private static CompiledProblem continuous(CompiledProblem problem) {
        return problem.withMonitoring(Monitoring.CONTINUOUS);
    }
}
