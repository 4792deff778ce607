package io.marginsim.engine.vector;

import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.engine.contract.Problems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static io.marginsim.engine.contract.FrictionProblems.BY_FRACTION;
import static io.marginsim.engine.contract.FrictionProblems.BY_TIER;
import static io.marginsim.engine.contract.FrictionProblems.LATENCY_AND_A_HALF;
import static io.marginsim.engine.contract.FrictionProblems.mechanics;
import static io.marginsim.engine.vector.LaneAgreement.assertBadDebtOn;
import static io.marginsim.engine.vector.LaneAgreement.assertCutSeveralTimes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account in lanes under continuous monitoring ({@link LaneLiquidation} with {@link LaneExtremes}): which
 * problems it takes, and path by path agreement with the scalar reference on them, by the criteria of
 * {@link LaneAgreement} (outcomes within 1e-5 of the gross notional but on one path in a thousand).
 * Cross accounts that move with one asset, long and short, under tiers, fees, partial cuts, latency, slippage,
 * funding (constant and premium-linked), borrow interest and haircuts that follow a GARCH variance; isolated
 * positions on two assets.
 */
class LaneContinuousLiquidationTest {
    private static final String SLIPPAGE = "\"slippage\": {\"model\": \"linear\", \"depth\": {\"X\": 30000}}";
    private static final String FEE = "\"feeRate\": 0.005";
    /** A debt of X leans with a short on X; collateral in X leans against it. */
    private static final String DEBT = "\"debts\": [{\"asset\": \"X\", \"amount\": 1, \"borrowRate\": 0.05}]";
    private static final String COLLATERAL = "\"collateral\": [{\"asset\": \"X\", \"amount\": 2}]";

    @Test
    void takesOneMovingAssetWhoseSlopeKeepsItsSignAndIsolatedPositions() {
        assertThat(LaneLiquidation.covers(oneAssetLong(mechanics(FEE), 80))).isTrue();
        assertThat(LaneLiquidation.covers(shortTiered(DEBT, mechanics(FEE), 80))).isTrue();
        assertThat(LaneLiquidation.covers(continuous(FrictionProblems.lanesIsolated(mechanics(FEE), 80)))).isTrue();
        // two assets move the cross account: its bridge is the Brownian excess's (LaneContinuousCrossTest)
        assertThat(LaneExtremes.covers(continuous(FrictionProblems.lanesCross(mechanics(FEE), 80)))).isFalse();
        // collateral in X leans against the short: a cut could turn the slope over
        assertThat(LaneLiquidation.covers(shortTiered(COLLATERAL, mechanics(FEE), 80))).isFalse();
    }

    @Test
    void crossLongWithFundingFractionalLatencySlippageFeeAndPartialCuts() {
        assertCutSeveralTimes(assertAgrees(oneAssetLong(mechanics(LATENCY_AND_A_HALF, SLIPPAGE, FEE, BY_FRACTION),
                81)));
    }

    @Test
    void crossShortUnderTiersCutByTierAfterLatencyWithCollateralAndBadDebt() {
        PathBlock reference = assertAgrees(shortTiered(DEBT,
                mechanics("\"latencySeconds\": 27000", SLIPPAGE, "\"feeRate\": 0.01", BY_TIER), 82));
        assertCutSeveralTimes(reference);
        assertBadDebtOn(reference, 1);
    }

    @Test
    void premiumLinkedFundingAndAFeeCappedAtTheRemainingMargin() {
        CompiledProblem problem = continuous(Problems.oneAsset("", "",
                "\"funding\": {\"fundingRatePerInterval\": 0.0001, \"premium\": {\"basisSensitivity\": 0.3, "
                        + "\"clampBand\": 0.0005, \"rateCap\": 0.0075}}",
                "\"liquidation\": {" + mechanics(LATENCY_AND_A_HALF, "\"feeRate\": 0.02",
                        "\"feeCappedAtRemainingMargin\": true") + "}", 83));
        assertThat(problem.mechanicsFeatures()).contains(Feature.PREMIUM_FUNDING,
                Feature.FEE_CAPPED);
        assertThat(LaneLiquidation.covers(problem)).isTrue();
        assertAgrees(problem);
    }

    @Test
    void garchMarketWithHaircutsOnCollateralInTheSameAssetAndBorrowInterest() {
        CompiledProblem problem = Problems.compile(String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 100, "volatility": 0.7,
                             "garch": {"alpha": 0.12, "beta": 0.85, "initialVolatility": 1.2}}],
                 "account": {"cash": 40, "collateral": [{"asset": "X", "amount": 0.5,
                                 "haircutModel": {"k": 3, "cap": 0.6, "liquidationHorizonDays": 2}}],
                             "debts": [{"asset": "X", "amount": 0.2, "borrowRate": 0.1}],
                             "positions": [{"asset": "X", "size": 10, "entryPrice": 100,
                                            "rules": {"type": "flat", "rate": 0.05},
                                            "funding": {"fundingRatePerInterval": 0.0004}}]},
                 "liquidation": {%s},
                 "horizonDays": 16, "stepsPerDay": 8, "seed": 84, "engine": "vector"}""",
                mechanics(LATENCY_AND_A_HALF, FEE, BY_FRACTION)));
        assertThat(problem.monitoring).isEqualTo(Monitoring.CONTINUOUS);
        assertThat(problem.mechanicsFeatures()).contains(Feature.PATH_HAIRCUTS, Feature.BORROW,
                Feature.PARTIAL);
        assertThat(LaneLiquidation.covers(problem)).isTrue();
        assertCutSeveralTimes(assertAgrees(problem));
    }

    @Test
    void isolatedPremiumFundingBorrowInterestAndCappedFeesFilledAtOnce() {
        CompiledProblem problem = continuous(FrictionProblems.lanesIsolatedPremium(
                mechanics("\"feeRate\": 0.03", "\"feeCappedAtRemainingMargin\": true", BY_FRACTION), 85));
        assertThat(LaneLiquidation.covers(problem)).isTrue();
        assertCutSeveralTimes(assertAgrees(problem));
    }

    /** The long of {@link Problems#oneAsset} with funding and the body {@code liquidation}, continuous. */
    private static CompiledProblem oneAssetLong(String liquidation, long seed) {
        return continuous(Problems.oneAsset("", "", "\"funding\": {\"fundingRatePerInterval\": 0.0003}",
                "\"liquidation\": {" + liquidation + "}", seed));
    }

    /**
     * A short of 12 on X under three brackets on mark notional, with {@code holding} (a {@code debts} or
     * {@code collateral} member of the account) and the body {@code liquidation}, continuous by default.
     */
    private static CompiledProblem shortTiered(String holding, String liquidation, long seed) {
        return Problems.compile(String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 100, "volatility": 0.8, "drift": 0.1}],
                 "account": {"cash": 250, %s,
                             "positions": [{"asset": "X", "size": -12, "entryPrice": 100,
                                            "rules": {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.01},
                                                      {"floor": 600, "rate": 0.03}, {"floor": 1100, "rate": 0.05}]},
                                            "funding": {"fundingRatePerInterval": -0.0002}}]},
                 "liquidation": {%s},
                 "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"}""",
                holding, liquidation, seed));
    }

    private static PathBlock assertAgrees(CompiledProblem problem) {
        assertThat(LaneLiquidation.covers(problem)).as("run by the account lanes").isTrue();
        return LaneAgreement.assertAgrees(problem, 1e-5, LaneAgreement.PATHS / 1000);
    }

    private static CompiledProblem continuous(CompiledProblem problem) {
        return problem.withMonitoring(Monitoring.CONTINUOUS);
    }
}
