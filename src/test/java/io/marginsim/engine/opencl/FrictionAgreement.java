package io.marginsim.engine.opencl;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.PathBlock;
import io.marginsim.engine.scalar.ScalarEngine;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Path-by-path comparison of the OpenCL liquidating kernel with the scalar reference ({@link
 * io.marginsim.engine.LiquidatingAccount}) on the same paths.
 *
 * <p>Criteria: the same first-breach step and the same number of liquidation events on at least 99.9% of paths;
 * the means of liquidation loss, bad debt and terminal equity within three standard errors of the reference's
 * (the Monte Carlo interval; on common random numbers the gap is rounding only, far inside it); and on paths that
 * agree in breach step and events, loss, bad debt, worst shortfall and terminal equity within a tolerance
 * relative to the account's size (gross entry notional plus cash):
 * <ul>
 *   <li>double: {@value #DOUBLE_TOLERANCE}, a few hundred ulps of the account over 96 steps of sums, exp and the
 *   fills (the device's exp and sqrt are not Java's StrictMath, and -cl-mad-enable fuses products);</li>
 *   <li>float: {@value #FLOAT_TOLERANCE}; prices carry a relative error of about {@code 2^-24} per step of
 *   accumulated log price (about 1e-6 after 96 steps), and a fill multiplies it by the position's leverage.</li>
 * </ul>
 */
final class FrictionAgreement {
    static final int PATHS = 4096;
    /** Not zero, so the path index really reaches the counter. */
    static final long FIRST_PATH = 2_000_000_000L;
    static final double DOUBLE_TOLERANCE = 1e-10;
    static final double FLOAT_TOLERANCE = 1e-4;

    private FrictionAgreement() {
    }

    /** Runs the reference and the engine and checks the criteria above; returns the reference, for more checks. */
    static PathBlock assertAgrees(OpenClEngine engine, CompiledProblem problem) {
        PathBlock reference = PathBlock.forProblem(problem, PATHS);
        new ScalarEngine(1, PATHS).simulate(problem, FIRST_PATH, reference);
        PathBlock block = PathBlock.forProblem(problem, PATHS);
        engine.simulate(problem, FIRST_PATH, block);
        String what = problem.frictions.features() + " in " + engine.precision();

        assertThat(block.breachStepAgreement(reference)).as("breach steps, " + what).isGreaterThanOrEqualTo(0.999);
        boolean dbl = engine.precision() == io.marginsim.engine.Precision.DOUBLE;
        double tolerance = (dbl ? DOUBLE_TOLERANCE : FLOAT_TOLERANCE) * OpenClAgreementTest.accountSize(problem);
        assertMeanWithinInterval("terminal equity, " + what, reference.terminalEquity, block.terminalEquity, tolerance);
        if (reference.tracksLiquidation) {
            assertThat(eventAgreement(reference, block)).as("liquidation events, " + what)
                    .isGreaterThanOrEqualTo(0.999);
            assertMeanWithinInterval("loss, " + what, reference.liquidationLoss, block.liquidationLoss, tolerance);
            assertMeanWithinInterval("bad debt, " + what, reference.badDebt, block.badDebt, tolerance);
        }
        for (int i = 0; i < PATHS; i++) {
            if (block.firstBreachStep[i] != reference.firstBreachStep[i]
                    || reference.tracksLiquidation && block.liquidations[i] != reference.liquidations[i]) {
                continue;
            }
            assertClose(what, "worst shortfall", i, b -> b.worstShortfall, reference, block, tolerance);
            assertClose(what, "terminal equity", i, b -> b.terminalEquity, reference, block, tolerance);
            if (reference.tracksLiquidation) {
                assertClose(what, "liquidation loss", i, b -> b.liquidationLoss, reference, block, tolerance);
                assertClose(what, "bad debt", i, b -> b.badDebt, reference, block, tolerance);
            }
        }
        return reference;
    }

    /** Paths with at least {@code events} liquidation events. */
    static int pathsWithEvents(PathBlock block, int events) {
        int n = 0;
        for (int e : block.liquidations) {
            n += e >= events ? 1 : 0;
        }
        return n;
    }

    static int pathsWithBadDebt(PathBlock block) {
        int n = 0;
        for (double d : block.badDebt) {
            n += d > 0 ? 1 : 0;
        }
        return n;
    }

    private static double eventAgreement(PathBlock reference, PathBlock block) {
        int same = 0;
        for (int i = 0; i < reference.size(); i++) {
            same += reference.liquidations[i] == block.liquidations[i] ? 1 : 0;
        }
        return (double) same / reference.size();
    }

    /** Within three standard errors of the reference's mean, or the rounding tolerance when that is wider. */
    private static void assertMeanWithinInterval(String what, double[] reference, double[] values, double rounding) {
        double mean = 0;
        for (double v : reference) {
            mean += v;
        }
        mean /= reference.length;
        double squares = 0;
        double other = 0;
        for (int i = 0; i < reference.length; i++) {
            squares += (reference[i] - mean) * (reference[i] - mean);
            other += values[i];
        }
        double standardError = Math.sqrt(squares / (reference.length - 1) / reference.length);
        assertThat(other / values.length).as("mean " + what).isCloseTo(mean,
                offset(Math.max(3 * standardError, rounding)));
    }

    private static void assertClose(String what, String name, int path, Function<PathBlock, double[]> field,
                                    PathBlock reference, PathBlock block, double tolerance) {
        assertThat(field.apply(block)[path]).as("%s of path %d, %s", name, path, what)
                .isCloseTo(field.apply(reference)[path], offset(tolerance));
    }
}
