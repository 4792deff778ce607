package io.marginsim.market.calibration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Round trips: long seeded series with known parameters, fitted back. Each estimate must lie within three of its
 * own asymptotic standard errors (observed information by finite differences, or the closed normal-theory form
 * for moments) of the truth, which a correct fit misses about 0.3% of the time per parameter; the seeds are
 * fixed, so the tests are deterministic.
 */
class RoundTripTest {
    private static final double DAILY = 1.0;
    private static final double DT = 1.0 / 365;

    private static void withinThreeSe(ModelFit fit, String name, double truth) {
        double se = fit.standardError(name);
        assertThat(se).as("%s standard error of %s", fit.model(), name).isFinite().isPositive();
        assertThat(fit.get(name)).as("%s %s", fit.model(), name).isCloseTo(truth, within(3 * se));
    }

    @Test
    void gbmVolatilityAndDriftByMoments() {
        double[] r = new SyntheticReturns(11).gbm(3000, 0.65, 0.3, DT);
        ModelFit fit = GbmFit.fit(r, DAILY);
        withinThreeSe(fit, "volatility", 0.65);
        withinThreeSe(fit, "drift", 0.3);
    }

    @Test
    void studentTDegreesOfFreedom() {
        double[] r = new SyntheticReturns(12).studentT(4000, 0.0005, 0.02, 4.0);
        ModelFit fit = StudentTFit.fit(r, DAILY);
        withinThreeSe(fit, "degreesOfFreedom", 4.0);
        withinThreeSe(fit, "scale", 0.02);
        withinThreeSe(fit, "location", 0.0005);
        assertThat(fit.aic()).isLessThan(GbmFit.fit(r, DAILY).aic());
    }

    @Test
    void garchOmegaAlphaBeta() {
        double[] r = new SyntheticReturns(13).garch(4000, 2e-5, 0.08, 0.90);
        ModelFit fit = GarchFit.fit(r, DAILY);
        withinThreeSe(fit, "alpha", 0.08);
        withinThreeSe(fit, "beta", 0.90);
        withinThreeSe(fit, "omega", 2e-5);
        assertThat(fit.get("alpha") + fit.get("beta")).isLessThan(1);
        assertThat(fit.aic()).isLessThan(GbmFit.fit(r, DAILY).aic());
    }

    @Test
    void mertonJumpIntensityAndSize() {
        double b = 0.5 * Math.sqrt(DT);
        double[] r = new SyntheticReturns(14).merton(4000, 0.0002, b, 25 * DT, -0.04, 0.06);
        ModelFit fit = MertonJumpFit.fit(r, DAILY);
        withinThreeSe(fit, "diffusionVolatility", 0.5);
        withinThreeSe(fit, "jumpIntensity", 25);
        withinThreeSe(fit, "jumpMean", -0.04);
        withinThreeSe(fit, "jumpStdev", 0.06);
        assertThat(fit.aic()).isLessThan(GbmFit.fit(r, DAILY).aic());
    }

    @Test
    void correlationOfThreeAssets() {
        double[][] c = {{1, 0.7, 0.3}, {0.7, 1, 0.5}, {0.3, 0.5, 1}};
        int n = 3000;
        double[][] r = new SyntheticReturns(15).correlatedGbm(n, new double[] {0.6, 0.8, 0.4},
                new double[] {0, 0, 0}, c, DT);
        ReturnCorrelation fit = ReturnCorrelation.estimate(r);
        assertThat(fit.repaired()).isFalse();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // normal-theory standard error of a sample correlation: (1 - rho^2) / sqrt(n)
                double se = Math.max((1 - c[i][j] * c[i][j]) / Math.sqrt(n), 1e-12);
                assertThat(fit.matrix()[i][j]).isCloseTo(c[i][j], within(3 * se));
            }
        }
    }

    @Test
    void dccAB() {
        double[][] qbar = {{1, 0.5}, {0.5, 1}};
        double[][] r = new SyntheticReturns(16).dcc(3000, qbar, 0.05, 0.90, 2e-5, 0.06, 0.92);
        double[][] z = new double[2][];
        for (int i = 0; i < 2; i++) {
            z[i] = GarchFit.standardizedResiduals(r[i], GarchFit.fit(r[i], DAILY));
        }
        ModelFit fit = DccFit.fit(z);
        withinThreeSe(fit, "a", 0.05);
        withinThreeSe(fit, "b", 0.90);
        assertThat(fit.aic()).isLessThan(DccFit.constant(z).aic());
    }

    @Test
    void normalReturnsPreferGbmAndSayWhereFitsSitOnABound() {
        double[] r = new SyntheticReturns(17).gbm(2000, 0.6, 0.0, DT);
        ModelFit gbm = GbmFit.fit(r, DAILY);
        ModelFit t = StudentTFit.fit(r, DAILY);
        ModelFit garch = GarchFit.fit(r, DAILY);
        ModelFit merton = MertonJumpFit.fit(r, DAILY);
        assertThat(gbm.aic()).isLessThan(t.aic()).isLessThan(garch.aic()).isLessThan(merton.aic());
        assertThat(t.get("degreesOfFreedom")).isGreaterThan(30);
        assertThat(garch.get("longRunVolatility")).isCloseTo(0.6, within(3 * gbm.standardError("volatility")));
        assertThat(garch.get("alpha") + garch.get("beta")).isLessThan(1);
    }
}
