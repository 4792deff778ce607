package io.marginsim.engine.scalar;

import io.marginsim.analysis.HalfStepCheck;
import io.marginsim.engine.Specs;
import io.marginsim.result.Discretisation;
import io.marginsim.result.Report;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.EngineKind;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The half-step check of {@code --richardson} on one GBM asset, where the continuous first-passage probability is
 * known: step-end monitoring at 4 steps a day misses it by far more than its sampling error, and the estimate
 * extrapolated from 4 and 2 steps a day lands on it.
 */
class HalfStepCheckTest {
    @Test
    void theExtrapolatedStepEndEstimateMatchesTheContinuousClosedForm() throws Exception {
        double size = 10;
        double vol = 0.8;
        double cash = 100;
        double rate = 0.005;
        int days = 30;
        int paths = 100_000;
        Spec spec = Specs.single(vol, 0, size, cash, rate, days, 4, paths, 5, Monitoring.DISCRETE)
                .withRun(paths, 5, EngineKind.VECTOR);
        Engines.Options options = Engines.Options.defaults();
        Report full;
        try (Simulation run = Simulator.run(spec, options, paths1 -> { })) {
            full = run.report();
        }
        Discretisation check = HalfStepCheck.run(spec, full, options);

        double expected = ClosedFormTest.accountFirstPassage(size, vol, 0, cash, rate, days, 0);
        double fullError = Math.sqrt(expected * (1 - expected) / paths);
        double biasError = (check.estimatedBiasCi95()[1] - check.estimatedBiasCi95()[0]) / (2 * 1.96);

        assertThat(check.stepsPerDay()).isEqualTo(2);
        assertThat(check.order()).isEqualTo(0.5);
        assertThat(full.breachProbability()).as("step ends miss crossings").isLessThan(expected - 8 * fullError);
        assertThat(check.extrapolatedBreachProbability()).isCloseTo(expected, within(4 * (fullError + biasError)));
    }

    @Test
    void theBiasIsTheDifferenceOverTwoToTheOrderLessOne() {
        Discretisation discrete = Discretisation.of(0.6, 10_000, 12, 0.58, 10_000, false);
        assertThat(discrete.difference()).isCloseTo(0.02, within(1e-15));
        assertThat(discrete.estimatedBias()).isCloseTo(0.02 / (Math.sqrt(2) - 1), within(1e-12));
        assertThat(discrete.extrapolatedBreachProbability()).isCloseTo(0.6 + 0.02 / (Math.sqrt(2) - 1), within(1e-12));
        double se = Math.sqrt(0.6 * 0.4 / 10_000 + 0.58 * 0.42 / 10_000);
        assertThat(discrete.differenceCi95()[1] - discrete.differenceCi95()[0]).isCloseTo(2 * 1.959964 * se,
                within(1e-6));
        Discretisation continuous = Discretisation.of(0.6, 10_000, 12, 0.58, 10_000, true);
        assertThat(continuous.estimatedBias()).isCloseTo(0.02, within(1e-15));
        assertThat(Discretisation.of(0.99, 100, 1, 0.5, 100, false).extrapolatedBreachProbability()).isEqualTo(1);
    }
}
