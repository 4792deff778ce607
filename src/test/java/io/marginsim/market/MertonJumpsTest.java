package io.marginsim.market;

import io.marginsim.engine.MarketPath;
import io.marginsim.problem.CompiledProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Merton jumps: Poisson frequency, the cap's truncation, exact loadings, and the compensated mean. */
class MertonJumpsTest {

    @Test
    void jumpCountsArePoissonWithMeanIntensityTimesDt() {
        // zero volatility and fixed jump size 0.05: every shock is exactly N * 0.05
        CompiledProblem p = Draws.problem(Draws.oneAsset(0, "\"jumpIntensity\": 200, \"jumpMean\": 0.05, \"jumpStdev\": 0",
                "", 8, 1));
        double[] counts = Draws.scaled(Draws.flat(Draws.shocks(p, 5000, 0)), 1 / 0.05);
        double m = 200 / 365.0;
        assertThat(p.jumpMean.get(0)).isEqualTo(m);
        int n = counts.length;
        int zeros = 0;
        for (double c : counts) {
            assertThat(c).isCloseTo(Math.rint(c), within(1e-9));
            if (Math.rint(c) == 0) {
                zeros++;
            }
        }
        // Poisson: mean and variance m (SE sqrt(m / n) and sqrt((m + 2 m^2) / n)), P(N = 0) = exp(-m)
        assertThat(Draws.mean(counts)).isCloseTo(m, within(4 * Math.sqrt(m / n)));
        assertThat(Draws.variance(counts)).isCloseTo(m, within(4 * Math.sqrt((m + 2 * m * m) / n)));
        double p0 = Math.exp(-m);
        assertThat((double) zeros / n).isCloseTo(p0, within(4 * Math.sqrt(p0 * (1 - p0) / n)));
    }

    @Test
    void theCapLeavesAtMostTheStatedTailAndInversionFollowsTheCdf() {
        for (double m : new double[] {1e-4, 0.05, 0.55, 1.0}) {
            int cap = MertonJumps.cap(m);
            double below = 0;
            double term = Math.exp(-m);
            for (int k = 0; k <= cap; k++) {
                below += term;
                term *= m / (k + 1);
            }
            assertThat(1 - below).as("tail above cap %d for mean %s", cap, m).isLessThanOrEqualTo(2e-12);
            assertThat(MertonJumps.count(1 - 1e-15, m, cap)).isEqualTo(cap);
        }
        assertThat(MertonJumps.count(Math.exp(-0.5) * 0.999, 0.5, 10)).isZero();
        assertThat(MertonJumps.count(Math.exp(-0.5) * 1.001, 0.5, 10)).isEqualTo(1);
    }

    @Test
    void theCompensatedDriftKeepsTheExpectedPrice() {
        // strong crash jumps (mean -0.1, sd 0.05, 50 a year) beside 60% volatility and 20% drift
        CompiledProblem p = Draws.problem("""
                {"assets": [{"name": "X", "price": 100, "volatility": 0.6, "drift": 0.2,
                             "jumpIntensity": 50, "jumpMean": -0.1, "jumpStdev": 0.05}],
                 "account": {"cash": 100, "collateral": [{"asset": "X", "amount": 1}]},
                 "horizonDays": 16, "stepsPerDay": 1, "seed": 8, "engine": "scalar"}""");
        int paths = 20_000;
        double[][] r = MarketPath.logReturns(p, 0, paths);
        double[] growth = new double[paths];
        for (int i = 0; i < paths; i++) {
            double sum = 0;
            for (double x : r[i]) {
                sum += x;
            }
            growth[i] = Math.exp(sum);
        }
        // E[S_T / S_0] = exp(mu T); SE of the sample mean from its own sample variance
        double expected = Math.exp(0.2 * 16 / 365.0);
        assertThat(Draws.mean(growth)).isCloseTo(expected, within(4 * Math.sqrt(Draws.variance(growth) / paths)));
        // uncompensated the mean would fall by about 50 * 16/365 * (1 - exp(-0.09875)) = 2.1%, far outside
        assertThat(4 * Math.sqrt(Draws.variance(growth) / paths)).isLessThan(0.01);
    }

    @Test
    void theCommonJumpMovesEveryAssetByItsBeta() {
        CompiledProblem p = Draws.problem("""
                {"assets": [{"name": "A", "price": 100, "volatility": 0}, {"name": "B", "price": 100, "volatility": 0}],
                 "market": {"commonJump": {"intensity": 100, "mean": -0.2, "stdev": 0.1, "betas": [1, 0.5]}},
                 "account": {"cash": 100, "collateral": [{"asset": "A", "amount": 1}]},
                 "horizonDays": 8, "stepsPerDay": 1, "seed": 8, "engine": "scalar"}""");
        double[] a = Draws.flat(Draws.shocks(p, 2000, 0));
        double[] b = Draws.flat(Draws.shocks(p, 2000, 1));
        int jumps = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(0.5 * a[i], within(1e-12));
            if (a[i] != 0) {
                jumps++;
            }
        }
        double m = 100 / 365.0;
        double p0 = Math.exp(-m);
        assertThat((double) jumps / a.length).isCloseTo(1 - p0, within(4 * Math.sqrt(p0 * (1 - p0) / a.length)));
        // each asset's drift carries its own compensator: log E[exp(beta J)] per step
        assertThat(p.logDrift.get(1)).isCloseTo(-MertonJumps.compensator(m, p.commonJumpCap, 0.5, -0.2, 0.1),
                within(1e-15));
    }
}
