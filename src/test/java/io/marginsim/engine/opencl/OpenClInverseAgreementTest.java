package io.marginsim.engine.opencl;

import io.marginsim.engine.InverseSpecs;
import io.marginsim.spec.Monitoring;
import io.marginsim.problem.ProblemCompiler;
import org.junit.jupiter.api.Test;

/** Inverse contracts on OpenCL: path-by-path agreement with the scalar reference, with no kernel code of their own. */
class OpenClInverseAgreementTest {
    @Test
    void crossLongWithCoinCollateral() {
        OpenClAgreementTest.assertAgrees(ProblemCompiler.compile(
                InverseSpecs.inverseLong(0.6, 7, 4096, Monitoring.DISCRETE)));
    }

    @Test
    void isolatedCoinMarginedLongAndShort() {
        OpenClAgreementTest.assertAgrees(ProblemCompiler.compile(
                InverseSpecs.inverseIsolated(0.6, 7, 4096, Monitoring.DISCRETE)));
    }
}
