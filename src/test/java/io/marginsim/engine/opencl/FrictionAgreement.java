package io.marginsim.engine.opencl;

import io.marginsim.engine.BreachTimes;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.engine.Precision;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.engine.contract.EngineUnderTest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Path-by-path comparison of the OpenCL liquidating kernel with the scalar reference ({@link
 * io.marginsim.engine.LiquidatingAccount}) on the same paths.
 *
 * <p>Criteria: the same first-breach step and the same number of liquidation events on at least 99.9% of paths in
 * float, on every path in double; the means of liquidation loss, bad debt and terminal equity within three
 * standard errors of the reference's (the Monte Carlo interval; on common random numbers the gap is rounding only,
 * far inside it); and on paths that agree in breach step and events, loss, bad debt, worst shortfall and terminal
 * equity within the tolerances of {@link EngineUnderTest}, relative to the account's size (gross entry
 * notional plus cash):
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
        PathBlock reference = PathBlock.forProblem(problem, PATHS);
        new ScalarEngine(1, PATHS).simulate(problem, FIRST_PATH, reference);
        PathBlock block = PathBlock.forProblem(problem, PATHS);
        engine.simulate(problem, FIRST_PATH, block);
        String what = problem.frictions.features() + " in " + engine.precision();

        boolean dbl = engine.precision() == Precision.DOUBLE;
        double agreement = dbl ? 1 : 0.999;
        assertThat(block.breachStepAgreement(reference)).as("breach steps, " + what).isGreaterThanOrEqualTo(agreement);
        BreachTimes.assertAgree(problem, reference, block, agreement, false);
        double tolerance = (dbl ? EngineUnderTest.KERNEL_DOUBLE_RELATIVE : EngineUnderTest.KERNEL_FLOAT_RELATIVE)
                * EngineUnderTest.accountSize(problem);
        assertMeanWithinInterval("terminal equity, " + what, reference.terminalEquity, block.terminalEquity, tolerance);
        if (reference.tracksLiquidation) {
            assertThat(eventAgreement(reference, block)).as("liquidation events, " + what)
                    .isGreaterThanOrEqualTo(agreement);
            assertMeanWithinInterval("loss, " + what, reference.liquidationLoss, block.liquidationLoss, tolerance);
            assertMeanWithinInterval("bad debt, " + what, reference.badDebt, block.badDebt, tolerance);
        }
        List<Function<PathBlock, double[]>> fields = new ArrayList<>(List.of(b -> b.worstShortfall,
                b -> b.terminalEquity));
        List<String> names = new ArrayList<>(List.of("worst shortfall", "terminal equity"));
        if (reference.tracksLiquidation) {
            fields.addAll(List.of(b -> b.liquidationLoss, b -> b.badDebt));
            names.addAll(List.of("liquidation loss", "bad debt"));
        }
        List<Integer> outside = new ArrayList<>();
        for (int i = 0; i < PATHS; i++) {
            if (block.firstBreachStep[i] != reference.firstBreachStep[i]
                    || reference.tracksLiquidation && block.liquidations[i] != reference.liquidations[i]) {
                continue;
            }
            for (int f = 0; f < fields.size(); f++) {
                double[] expected = fields.get(f).apply(reference);
                double[] actual = fields.get(f).apply(block);
                if (outliers == 0) {
                    assertThat(actual[i]).as("%s of path %d, %s", names.get(f), i, what)
                            .isCloseTo(expected[i], offset(tolerance));
                } else if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                    outside.add(i);
                    break;
                }
            }
        }
        assertThat(outside).as("paths outside the tolerance " + tolerance + ", " + what).hasSizeLessThanOrEqualTo(
                outliers);
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
}
