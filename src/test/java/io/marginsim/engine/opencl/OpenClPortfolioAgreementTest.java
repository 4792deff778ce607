package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.spec.Monitoring;
import io.marginsim.engine.PortfolioSpecs;
import io.marginsim.problem.ProblemCompiler;
import org.junit.jupiter.api.Test;

/**
 * Portfolio margin on OpenCL, path by path against the scalar reference: the grid's requirement in the plain kernel
 * ({@code paths.cl}), its worst scenario's slope in the continuous check ({@code monitor.cl}), and in the liquidating
 * kernel's account ({@code account.cl}).
 */
class OpenClPortfolioAgreementTest {
    private static final String LIQUIDATION = """
            {"latencySeconds": 30, "feeRate": 0.005, "slippage": {"model": "sqrt", "depth": {"BTC": 5e7, "ETH": 2e7}}}""";

    @Test
    void twoAssetsAtStepEnds() {
        OpenClAgreementTest.assertAgrees(twoAssets(Monitoring.DISCRETE));
    }

    @Test
    void twoAssetsContinuously() {
        OpenClAgreementTest.assertAgrees(twoAssets(Monitoring.CONTINUOUS));
    }

    @Test
    void oneAssetAcrossTheMinimumsKinkContinuously() {
        OpenClAgreementTest.assertAgrees(ProblemCompiler.compile(
                PortfolioSpecs.oneAsset(12_000, 7, 4096, Monitoring.CONTINUOUS)));
    }

    @Test
    void doublePrecisionMatchesEveryPath() {
        OpenClAgreementTest.assertMatchesInDouble(twoAssets(Monitoring.DISCRETE));
    }

    @Test
    void liquidatedAtStepEndsAndContinuously() {
        for (Monitoring monitoring : Monitoring.values()) {
            FrictionAgreement.assertAgrees(OpenClTestEngines.floatEngine(), ProblemCompiler.compile(
                    PortfolioSpecs.twoAssetsLiquidated(15_000, LIQUIDATION, 7, FrictionAgreement.PATHS, monitoring)));
        }
    }

    private static CompiledProblem twoAssets(Monitoring monitoring) {
        return ProblemCompiler.compile(PortfolioSpecs.twoAssets(15_000, 7, 4096, monitoring));
    }
}
