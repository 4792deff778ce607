package io.marginsim.problem;

import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Slots of first breaches: whole steps under discrete monitoring, the crossing time's bin under continuous. */
class BreachBinsTest {

    @Test
    void oneBinAStepMakesTheSlotTheStep() {
        assertThat(BreachBins.perStep(Monitoring.DISCRETE)).isEqualTo(1);
        for (int step = 1; step <= 40; step++) {
            for (double fraction : new double[] {0, 0.3, 1}) {
                assertThat(BreachBins.slot(step, fraction, 1)).isEqualTo(step);
            }
            assertThat(BreachBins.endInSteps(step, 1)).isEqualTo((double) step);
        }
        assertThat(BreachBins.slot(PathBlock.NO_BREACH, 0.5, 1)).isZero();
        assertThat(BreachBins.slot(PathBlock.NO_BREACH, 0.5, 16)).isZero();
    }

    @Test
    void aCrossingCountsInTheBinWhoseEndIsAtOrAfterIt() {
        int bins = BreachBins.perStep(Monitoring.CONTINUOUS);
        assertThat(bins).isEqualTo(16);
        // step 3 starts after slot 32; a sixteenth of a step is one bin
        assertThat(BreachBins.slot(3, 0.0, bins)).as("in breach at the step's start").isEqualTo(33);
        assertThat(BreachBins.slot(3, 1e-9, bins)).isEqualTo(33);
        assertThat(BreachBins.slot(3, 1.0 / 16, bins)).as("a bin's end belongs to it").isEqualTo(33);
        assertThat(BreachBins.slot(3, 1.0 / 16 + 1e-9, bins)).isEqualTo(34);
        assertThat(BreachBins.slot(3, 0.5, bins)).isEqualTo(40);
        assertThat(BreachBins.slot(3, 1.0, bins)).as("at the step's end").isEqualTo(48);
        assertThat(BreachBins.endInSteps(48, bins)).isEqualTo(3.0);
        assertThat(BreachBins.endInSteps(40, bins)).isEqualTo(2.5);
    }

    @Test
    void aSlotGivesBackItsStepAndTheFractionItEndsAt() {
        int bins = 16;
        for (int slot = 1; slot <= 5 * bins; slot++) {
            int step = BreachBins.step(slot, bins);
            double fraction = BreachBins.fraction(slot, bins);
            assertThat(fraction).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(BreachBins.slot(step, fraction, bins)).as("slot %d", slot).isEqualTo(slot);
            assertThat(step - 1 + fraction).isEqualTo(BreachBins.endInSteps(slot, bins));
        }
    }
}
