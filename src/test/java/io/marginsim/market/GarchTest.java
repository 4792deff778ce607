package io.marginsim.market;

import io.marginsim.problem.CompiledProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** GARCH(1,1): stationary variance, and the decay of a variance shock like (alpha + beta)^k. */
class GarchTest {
    private static final int PATHS = 6000;

    @Test
    void startingAtTheLongRunVarianceStaysThereAtEveryStep() {
        // omega given: the long-run annual variance is omega / (1 - alpha - beta) = 0.04 / 0.1 = 0.4
        CompiledProblem p = Draws.problem("""
                {"assets": [{"name": "X", "price": 100, "garch": {"omega": 0.04, "alpha": 0.1, "beta": 0.8}}],
                 "account": {"cash": 100, "collateral": [{"asset": "X", "amount": 1}]},
                 "horizonDays": 32, "stepsPerDay": 1, "seed": 4, "engine": "scalar"}""");
        double longRun = 0.4 / 365.0;
        assertThat(p.initialVariance.get(0)).isCloseTo(longRun, within(1e-15));
        double[][] e = Draws.shocks(p, PATHS, 0);
        // E[e_t^2] = omega dt / (1 - alpha - beta) for every t; paths are independent, so the SE of the mean
        // over all steps comes from the per-path averages
        double[] perPath = new double[PATHS];
        for (int i = 0; i < PATHS; i++) {
            double s = 0;
            for (double x : e[i]) {
                s += x * x;
            }
            perPath[i] = s / e[i].length;
        }
        assertThat(Draws.mean(perPath)).isCloseTo(longRun, within(4 * Math.sqrt(Draws.variance(perPath) / PATHS)));
    }

    @Test
    void aVarianceShockDecaysLikeAlphaPlusBetaToTheK() {
        // start at twice the long-run volatility: E[e_t^2] = hbar + (alpha + beta)^(t - 1) (h_1 - hbar)
        double vol = 0.8;
        CompiledProblem p = Draws.problem(Draws.oneAsset(vol, "\"garch\": {\"alpha\": 0.08, \"beta\": 0.87, "
                + "\"initialVolatility\": 1.6}", "", 24, 1));
        double hbar = vol * vol / 365.0;
        double h1 = 4 * hbar;
        double[][] e = Draws.shocks(p, PATHS, 0);
        for (int t : new int[] {1, 2, 5, 10, 20}) {
            double[] sq = column(e, t - 1);
            double expected = hbar + Math.pow(0.95, t - 1) * (h1 - hbar);
            assertThat(Draws.mean(sq)).as("E[e_%d^2]", t)
                    .isCloseTo(expected, within(4 * Math.sqrt(Draws.variance(sq) / PATHS)));
        }
    }

    @Test
    void squaredShocksArePositivelyAutocorrelatedAsGarchPredicts() {
        // lag-1 autocorrelation of e^2 for normal GARCH: alpha (1 - alpha beta - beta^2) / (1 - 2 alpha beta - beta^2)
        double a = 0.1;
        double b = 0.8;
        CompiledProblem p = Draws.problem(Draws.oneAsset(0.8, "\"garch\": {\"alpha\": 0.1, \"beta\": 0.8}", "", 40, 1));
        double[][] e = Draws.shocks(p, 20_000, 0);
        double[] x = column(e, 35);
        double[] y = column(e, 36);
        double rho1 = a * (1 - a * b - b * b) / (1 - 2 * a * b - b * b);
        // one pair per path, so pairs are independent; the SE of a correlation of heavy-tailed squares is
        // estimated by 20 batches
        int batches = 20;
        int size = x.length / batches;
        double[] r = new double[batches];
        for (int k = 0; k < batches; k++) {
            r[k] = Draws.correlation(java.util.Arrays.copyOfRange(x, k * size, (k + 1) * size),
                    java.util.Arrays.copyOfRange(y, k * size, (k + 1) * size));
        }
        double se = Math.sqrt(Draws.variance(r) / batches);
        assertThat(Draws.correlation(x, y)).isCloseTo(rho1, within(4 * se));
    }

    private static double[] column(double[][] e, int t) {
        double[] c = Draws.column(e, t);
        for (int i = 0; i < c.length; i++) {
            c[i] *= c[i];
        }
        return c;
    }
}
