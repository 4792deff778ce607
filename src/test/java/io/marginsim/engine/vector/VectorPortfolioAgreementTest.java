package io.marginsim.engine.vector;

import io.marginsim.engine.PortfolioSpecs;
import io.marginsim.engine.contract.EngineUnderTest;
import io.marginsim.engine.contract.ReferenceAgreement;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portfolio margin on the vector engine, path by path against the scalar reference: the requirement in lanes
 * ({@link LanePortfolio}) in the plain account under discrete monitoring, in the one-asset bridge
 * ({@link LaneBridge}, whose excess slope changes at the minimum's kink but keeps its sign) and in the liquidating
 * lanes ({@link LaneLiquidation}), continuous monitoring on two assets through the Brownian excess
 * ({@link LaneExcessBridge}) with each lane's worst scenario's slope. The plain accounts are compared with the
 * reference by the contract suite, the liquidated ones here, by its criteria.
 */
class VectorPortfolioAgreementTest {
    private static final int PATHS = 2048;
    private static final long FIRST_PATH = 5_000;
    private static final String LIQUIDATION = """
            {"latencySeconds": 30, "feeRate": 0.005, "slippage": {"model": "sqrt", "depth": {"BTC": 5e7, "ETH": 2e7}}}""";

    @Test
    void oneAssetCoveredByTheBridgeLanes() {
        CompiledProblem p = ProblemCompiler.compile(PortfolioSpecs.oneAsset(12_000, 7, PATHS, Monitoring.CONTINUOUS));
        assertThat(LaneBridge.covers(p)).as("the excess rises with BTC on both sides of the kink").isTrue();
    }

    @Test
    void twoAssetsLiquidatedAtStepEnds() {
        CompiledProblem p = ProblemCompiler.compile(PortfolioSpecs.twoAssetsLiquidated(15_000, LIQUIDATION, 7, PATHS,
                Monitoring.DISCRETE));
        assertThat(LaneLiquidation.covers(p)).isTrue();
        assertAgrees(p);
    }

    @Test
    void twoAssetsLiquidatedContinuously() {
        CompiledProblem p = ProblemCompiler.compile(PortfolioSpecs.twoAssetsLiquidated(15_000, LIQUIDATION, 7, PATHS,
                Monitoring.CONTINUOUS));
        assertThat(LaneExcessBridge.covers(p)).as("the Brownian excess lanes, the worst scenario's slope per lane")
                .isTrue();
        assertAgrees(p);
    }

    @Test
    void twoAssetsPlainContinuouslyInTheExcessLanes() {
        // the plain model's continuous check (compared path by path by the contract suite) takes the same lanes
        CompiledProblem p = ProblemCompiler.compile(PortfolioSpecs.twoAssets(15_000, 7, PATHS,
                Monitoring.CONTINUOUS));
        assertThat(LaneLiquidation.covers(p)).isTrue();
    }

    @Test
    void oneAssetWithAGridIsNotReadAtOneExtremeWhenACutCouldTurnItsSlope() {
        // a long under a grid of its own: the grid keeps the starting size while partial cuts shrink the position,
        // so the excess could come to fall with the price; its side is not known in advance
        CompiledProblem p = ProblemCompiler.compile(PortfolioSpecs.oneAsset(12_000, 7, PATHS, Monitoring.CONTINUOUS));
        assertThat(LaneExtremes.crossSlopeSign(p)).isZero();
    }

    private static void assertAgrees(CompiledProblem problem) {
        ReferenceAgreement.assertAgrees(EngineUnderTest.VECTOR_FLOAT, problem, FIRST_PATH, PATHS, 1e-5);
    }
}
