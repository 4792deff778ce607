package io.marginsim.market;

import io.marginsim.engine.CompiledProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** AR(1) returns: lag-1 autocorrelation phi, and the per-step variance kept at sigma^2 dt from step 1 on. */
class Ar1Test {
    @Test
    void lagOneAutocorrelationIsPhiAndEveryStepKeepsItsVariance() {
        double phi = -0.4;
        int paths = 20_000;
        CompiledProblem p = Draws.problem(Draws.oneAsset(0.7, "\"ar1\": " + phi, "", 6, 1));
        double[][] e = Draws.shocks(p, paths, 0);
        double v = p.stepVolatility[0] * p.stepVolatility[0];
        for (int t = 0; t < 6; t++) {
            // normal returns: SE of the sample variance is v sqrt(2 / n)
            assertThat(Draws.variance(Draws.column(e, t))).as("variance at step %d", t + 1)
                    .isCloseTo(v, within(4 * v * Math.sqrt(2.0 / paths)));
        }
        // one pair per path (steps 1-2, then 5-6), independent across paths: SE (1 - phi^2) / sqrt(n)
        double se = (1 - phi * phi) / Math.sqrt(paths);
        assertThat(Draws.correlation(Draws.column(e, 0), Draws.column(e, 1))).isCloseTo(phi, within(4 * se));
        assertThat(Draws.correlation(Draws.column(e, 4), Draws.column(e, 5))).isCloseTo(phi, within(4 * se));
        // lag 2 is phi^2
        assertThat(Draws.correlation(Draws.column(e, 2), Draws.column(e, 4))).isCloseTo(phi * phi,
                within(4 / Math.sqrt(paths)));
    }
}
