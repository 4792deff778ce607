package io.marginsim.engine;

import io.marginsim.problem.BreachBins;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path-by-path agreement of the first breach's time within its step ({@link PathBlock#breachFraction}) between an
 * engine and the reference, for the agreement tests of every engine. The time is the reference's crossing-time draw,
 * so an engine in float differs only by its prices' rounding: where both breach at the same step, the fractions
 * agree within {@link #FLOAT_TOLERANCE} of a step on all but a tenth of a percent of paths (a start close to the
 * barrier makes the draw sensitive to the last bits of the distance), and the slots ({@link BreachBins}) agree as
 * often as the steps do.
 */
public final class BreachTimes {
    /** Of a step: float prices' relative error of a few 2^-24, through the inverse Gaussian's parameters. */
    public static final double FLOAT_TOLERANCE = 1e-3;

    private BreachTimes() {
    }

    /**
     * Asserts that {@code block}'s breach slots agree with {@code reference}'s on at least {@code share} of paths and,
     * where {@code exactTimes}, that the fractions of paths breaching at the same step agree within
     * {@link #FLOAT_TOLERANCE} on all but a tenth of a percent of them (engines that keep only the slot, as the
     * OpenCL engine does, pass false).
     */
    public static void assertAgree(CompiledProblem problem, PathBlock reference, PathBlock block, double share,
                                   boolean exactTimes) {
        int bins = BreachBins.perStep(problem.monitoring);
        assertThat(block.breachSlotAgreement(reference, bins)).as("breach slots of %s", problem)
                .isGreaterThanOrEqualTo(share);
        if (!exactTimes) {
            return;
        }
        int compared = 0;
        int apart = 0;
        for (int i = 0; i < reference.size(); i++) {
            if (reference.firstBreachStep[i] != PathBlock.NO_BREACH
                    && block.firstBreachStep[i] == reference.firstBreachStep[i]) {
                compared++;
                if (!(Math.abs(block.breachFraction[i] - reference.breachFraction[i]) <= FLOAT_TOLERANCE)) {
                    apart++;
                }
            }
        }
        assertThat(apart).as("breach times further than %s of a step apart, of %s compared", FLOAT_TOLERANCE,
                compared).isLessThanOrEqualTo(compared / 1000);
    }
}
