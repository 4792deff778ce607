package io.marginsim.engine.scalar;

import io.marginsim.engine.Specs;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Continuous monitoring against the continuous-barrier first-passage probability itself (no Broadie-Glasserman-Kou
 * shift), at any step length: one GBM asset with a flat rule is the case where the Brownian bridge is exact. The
 * long case is the 10x, 0.5%, vol 0.8, 30 day position whose discrete answer runs from 0.623 (1 step a day) to 0.690
 * (288) against 0.6945 continuous, so a step-end check fails it at 1 and 24 steps a day by far more than 4 standard
 * errors.
 */
class ContinuousMonitoringTest {

    @ParameterizedTest(name = "size {0}, vol {1}, drift {2}, {3} steps a day")
    @CsvSource({"10, 0.8, 0.0, 1, 40000", "10, 0.8, 0.0, 24, 40000", "10, 0.8, 0.0, 288, 8000",
            "-10, 0.6, -0.2, 1, 40000", "-10, 0.6, -0.2, 24, 40000", "-10, 0.6, -0.2, 288, 8000"})
    void breachProbabilityMatchesUnshiftedFirstPassage(double size, double vol, double drift, int stepsPerDay,
                                                       int paths) {
        double cash = 100;
        double rate = 0.005;
        int days = 30;
        Spec spec = Specs.single(vol, drift, size, cash, rate, days, stepsPerDay, paths, 11, Monitoring.CONTINUOUS);
        double simulated = ClosedFormTest.scalarBreachProbability(spec);
        double expected = ClosedFormTest.accountFirstPassage(size, vol, drift, cash, rate, days, 0);

        double standardError = Math.sqrt(expected * (1 - expected) / paths);
        assertThat(expected).isBetween(0.05, 0.95);
        assertThat(simulated).isCloseTo(expected, within(4 * standardError + 0.002));
    }
}
