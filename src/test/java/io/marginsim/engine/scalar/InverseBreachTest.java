package io.marginsim.engine.scalar;

import io.marginsim.engine.InverseSpecs;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An inverse long margined in its own coin against the linear long of the same USD notional and USD equity. The
 * inverse account's collateral falls with the price it is long, so its USD equity moves by 1.1 BTC per dollar
 * instead of 1 and the maintenance requirement is fixed in USD instead of falling with the price: its liquidation
 * price is higher (54,818 against 54,271), and it breaches on every path the linear one does and on more. Both are
 * single-barrier GBM problems, so continuous monitoring matches the first-passage closed form.
 */
class InverseBreachTest {
    private static final double VOL = 0.6;
    private static final int DAYS = 7;
    private static final int PATHS = 20_000;

    @Test
    void inverseLongBreachesMoreThanTheLinearLongOfTheSameUsdNotionalAndEquity() {
        Spec inverse = InverseSpecs.inverseLong(VOL, DAYS, PATHS, Monitoring.CONTINUOUS);
        Spec linear = InverseSpecs.linearLong(VOL, DAYS, PATHS, Monitoring.CONTINUOUS);
        PathBlock inv = paths(inverse);
        PathBlock lin = paths(linear);

        double t = DAYS / 365.0;
        double nu = -0.5 * VOL * VOL;
        double expectedInverse = ClosedFormTest.firstPassage(
                Math.log(InverseSpecs.PRICE / InverseSpecs.INVERSE_LIQUIDATION), nu, VOL, t);
        double expectedLinear = ClosedFormTest.firstPassage(
                Math.log(InverseSpecs.PRICE / InverseSpecs.LINEAR_LIQUIDATION), nu, VOL, t);
        double pInverse = breachShare(inv);
        double pLinear = breachShare(lin);
        assertThat(pInverse).isCloseTo(expectedInverse, within(4 * standardError(expectedInverse)));
        assertThat(pLinear).isCloseTo(expectedLinear, within(4 * standardError(expectedLinear)));
        assertThat(expectedInverse - expectedLinear).isGreaterThan(8 * standardError(expectedInverse));

        // the same seed draws the same prices: the higher barrier is crossed no later on every path
        for (int i = 0; i < PATHS; i++) {
            if (lin.firstBreachStep[i] != PathBlock.NO_BREACH) {
                assertThat(inv.firstBreachStep[i]).as("path %d", i).isNotEqualTo(PathBlock.NO_BREACH)
                        .isLessThanOrEqualTo(lin.firstBreachStep[i]);
            }
        }
    }

    private static PathBlock paths(Spec spec) {
        PathBlock block = new PathBlock((int) spec.paths());
        new ScalarEngine(1, (int) spec.paths()).simulate(ProblemCompiler.compile(spec), 0, block);
        return block;
    }

    private static double breachShare(PathBlock block) {
        long breaches = 0;
        for (int step : block.firstBreachStep) {
            breaches += step == PathBlock.NO_BREACH ? 0 : 1;
        }
        return (double) breaches / block.firstBreachStep.length;
    }

    private static double standardError(double p) {
        return Math.sqrt(p * (1 - p) / PATHS);
    }
}
