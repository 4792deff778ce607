package io.marginsim.engine.opencl;

import io.marginsim.engine.contract.EngineUnderTest;
import io.marginsim.engine.contract.ReferenceAgreement;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path-by-path comparison of the OpenCL liquidating kernel with the scalar reference ({@link
 * io.marginsim.engine.LiquidatingAccount}) on the same paths, by the criteria of
 * {@link ReferenceAgreement#assertLiquidationAgrees}, with the tolerances of {@link EngineUnderTest} relative to the
 * account's size (gross entry notional plus cash):
 * <ul>
 *   <li>double: {@value EngineUnderTest#KERNEL_DOUBLE_RELATIVE}; the device's exp and sqrt are not Java's and
 *   -cl-mad-enable fuses products, and over 96 steps of fills and costs the largest gap seen was 2e-14;</li>
 *   <li>float: {@value EngineUnderTest#KERNEL_FLOAT_RELATIVE}; a price carries a relative error of a few
 *   {@code 2^-24} from its accumulated log price, which a fill passes on times the position's leverage: the
 *   largest gap seen was 5e-7.</li>
 * </ul>
 */
final class FrictionAgreement {
    static final int PATHS = 4096;
    /** Not zero, so the path index really reaches the counter. */
    static final long FIRST_PATH = 2_000_000_000L;
    /**
     * Breaching paths a problem needs, one in forty: the least leveraged of these problems (premium-linked funding
     * with no liquidation) breach on under 3% of paths, about a hundred paths whose breach steps the comparison
     * covers; one that breaches on fewer checks next to nothing.
     */
    static final int MIN_BREACHES = PATHS / 40;

    private FrictionAgreement() {
    }

    /** Runs the reference and the engine and checks the criteria above; returns the reference, for more checks. */
    static PathBlock assertAgrees(OpenClEngine engine, CompiledProblem problem) {
        return assertAgrees(engine, problem, 0);
    }

    /**
     * {@link #assertAgrees(OpenClEngine, CompiledProblem)}, with the per-path tolerances allowed to fail on at most
     * {@code outliers} of the paths that agree in breach step and events (the other criteria unchanged).
     */
    static PathBlock assertAgrees(OpenClEngine engine, CompiledProblem problem, int outliers) {
        EngineUnderTest under = EngineUnderTest.openCl(engine.precision());
        assertThat(under.open(PATHS)).as("the engine of the contract suite").isSameAs(engine);
        return ReferenceAgreement.assertLiquidationAgrees(under, problem, FIRST_PATH, PATHS,
                under.tolerance(problem, 0), outliers, MIN_BREACHES);
    }
}
