package io.marginsim.engine.vector;

import io.marginsim.engine.InverseSpecs;
import io.marginsim.spec.Monitoring;
import io.marginsim.problem.ProblemCompiler;
import org.junit.jupiter.api.Test;

/**
 * Inverse contracts compile to linear positions, so the vector engine simulates them with no code of its own: path by
 * path it agrees with the scalar reference on the cross long margined in coin and on isolated coin-margined positions.
 */
class VectorInverseAgreementTest {
    private static final int PATHS = 2048;

    @Test
    void crossLongWithCoinCollateral() {
        Agreement.assertAgrees(ProblemCompiler.compile(
                InverseSpecs.inverseLong(0.6, 7, PATHS, Monitoring.CONTINUOUS)), 5_000, PATHS, 1e-5);
    }

    @Test
    void isolatedCoinMarginedLongAndShort() {
        Agreement.assertAgrees(ProblemCompiler.compile(
                InverseSpecs.inverseIsolated(0.6, 7, PATHS, Monitoring.DISCRETE)), 5_000, PATHS, 1e-5);
    }
}
