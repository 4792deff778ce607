package io.marginsim.market;

import io.marginsim.engine.MarketPath;
import io.marginsim.problem.CompiledProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The drift convention under GARCH: each step's log return is corrected by half its own conditional variance
 * (times the stress multiplier squared), so with normal innovations {@code E[S_t / S_{t-1} | past] = exp(mu dt)}
 * exactly, whatever the variance state; by the tower property {@code E[S_T / S_0] = exp(mu T)}.
 */
class GarchDriftTest {
    private static final int PATHS = 40_000;

    @ParameterizedTest(name = "volatilityMultiplier = {0}")
    @ValueSource(doubles = {1, 2})
    void theOneStepMeanGrowthIsExpMuDtWhenTheCurrentVarianceIsFarAboveTheLongRunOne(double m) {
        double mu = 0.4;
        double longRun = 0.5;
        double current = 2.5;
        CompiledProblem p = Draws.problem(Draws.oneAsset(longRun, "\"drift\": " + mu + ", \"garch\": "
                + "{\"alpha\": 0.1, \"beta\": 0.85, \"initialVolatility\": " + current + "}",
                "\"stress\": {\"volatilityMultiplier\": " + m + "}", 1, 1));
        double dt = 1 / 365.0;
        double[] growth = growth(p, 1);
        double se = Math.sqrt(Draws.variance(growth) / PATHS);
        assertThat(Draws.mean(growth)).isCloseTo(Math.exp(mu * dt), within(4 * se));
        // correcting by the long-run variance instead would leave exp(m^2 (h - hbar) / 2) in the mean
        double longRunCorrected = Math.exp(mu * dt + 0.5 * m * m * (current * current - longRun * longRun) * dt);
        assertThat(longRunCorrected - Math.exp(mu * dt)).isGreaterThan(3 * 4 * se);
    }

    @Test
    void theMeanGrowthOverManyStepsOfANearlyIntegratedFitIsExpMuT() {
        // alpha + beta = 0.999: the long-run volatility (3, from omega) is far above where the path starts (0.6)
        // and the variance needs thousands of steps to get there
        double mu = -0.2;
        int days = 30;
        CompiledProblem p = Draws.problem(Draws.oneAsset(3.0, "\"drift\": " + mu + ", \"garch\": "
                + "{\"alpha\": 0.08, \"beta\": 0.919, \"initialVolatility\": 0.6}", "", days, 1));
        double[] growth = growth(p, days);
        double se = Math.sqrt(Draws.variance(growth) / PATHS);
        assertThat(Draws.mean(growth)).isCloseTo(Math.exp(mu * days / 365.0), within(4 * se));
        assertThat(4 * se).isLessThan(0.01);
    }

    /** {@code S_steps / S_0} per path. */
    private static double[] growth(CompiledProblem p, int steps) {
        double[][] r = MarketPath.logReturns(p, 0, PATHS);
        double[] out = new double[PATHS];
        for (int i = 0; i < PATHS; i++) {
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                sum += r[i][t];
            }
            out[i] = Math.exp(sum);
        }
        return out;
    }
}
