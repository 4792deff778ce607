package io.marginsim.market;

import io.marginsim.engine.MarketPath;
import io.marginsim.problem.CompiledProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * AR(1) returns: lag-1 autocorrelation phi, the per-step variance kept at sigma^2 dt from step 1 on, and what the drift
 * means under them.
 */
class Ar1Test {
    @Test
    void lagOneAutocorrelationIsPhiAndEveryStepKeepsItsVariance() {
        double phi = -0.4;
        int paths = 20_000;
        CompiledProblem p = Draws.problem(Draws.oneAsset(0.7, "\"ar1\": " + phi, "", 6, 1));
        double[][] e = Draws.shocks(p, paths, 0);
        double v = p.stepVolatility.get(0) * p.stepVolatility.get(0);
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
    @Test
    void eachStepGrowsByExpMuDtOnAverageWhileTheHorizonGrowsByTheSummedVariance() {
        // the drift corrects each step by half the step's own variance v, which x_t keeps unconditionally; the
        // k-step sum has variance v (k + 2 sum_j (k - j) phi^j), not k v, and that excess shows in E[S_T]
        double phi = 0.6;
        double mu = 0.3;
        int k = 30;
        int paths = 40_000;
        CompiledProblem p = Draws.problem(Draws.oneAsset(1.2, "\"drift\": " + mu + ", \"ar1\": " + phi, "", k, 1));
        double dt = 1 / 365.0;
        double v = p.stepVolatility.get(0) * p.stepVolatility.get(0);
        double[][] r = MarketPath.logReturns(p, 0, paths);
        double[] lastStep = new double[paths];
        double[] horizon = new double[paths];
        for (int i = 0; i < paths; i++) {
            double sum = 0;
            for (double x : r[i]) {
                sum += x;
            }
            lastStep[i] = Math.exp(r[i][k - 1]);
            horizon[i] = Math.exp(sum);
        }
        assertThat(Draws.mean(lastStep)).isCloseTo(Math.exp(mu * dt),
                within(4 * Math.sqrt(Draws.variance(lastStep) / paths)));
        double pairs = 0;
        for (int j = 1; j < k; j++) {
            pairs += (k - j) * Math.pow(phi, j);
        }
        double excess = v * 2 * pairs;
        double se = Math.sqrt(Draws.variance(horizon) / paths);
        assertThat(Draws.mean(horizon)).isCloseTo(Math.exp(mu * k * dt + excess / 2), within(4 * se));
        assertThat(Math.exp(mu * k * dt + excess / 2) - Math.exp(mu * k * dt)).isGreaterThan(3 * 4 * se);
    }
}
