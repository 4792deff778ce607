package io.marginsim.engine.opencl;

import io.marginsim.engine.PortfolioSpecs;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

/**
 * Portfolio margin on OpenCL, path by path against the scalar reference: the grid's requirement in the plain kernel
 * ({@code paths.cl}), its worst scenario's slope in the continuous check ({@code monitor.cl}), and in the liquidating
 * kernel's account ({@code account.cl}). The plain accounts are compared with the reference by the contract suite,
 * the liquidated ones here, by the criteria of {@link FrictionAgreement}.
 */
class OpenClPortfolioAgreementTest {
    private static final String LIQUIDATION = """
            {"latencySeconds": 30, "feeRate": 0.005, "slippage": {"model": "sqrt", "depth": {"BTC": 5e7, "ETH": 2e7}}}""";

    @Test
    void liquidatedAtStepEndsAndContinuously() {
        for (Monitoring monitoring : Monitoring.values()) {
            FrictionAgreement.assertAgrees(OpenClTestEngines.floatEngine(), ProblemCompiler.compile(
                    PortfolioSpecs.twoAssetsLiquidated(15_000, LIQUIDATION, 7, FrictionAgreement.PATHS, monitoring)));
        }
    }
}
