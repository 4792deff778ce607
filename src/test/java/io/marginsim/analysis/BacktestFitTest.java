package io.marginsim.analysis;

import io.marginsim.check.SpecException;
import io.marginsim.market.calibration.GbmFit;
import io.marginsim.market.calibration.ModelChoice;
import io.marginsim.market.calibration.OhlcSeries;
import io.marginsim.market.calibration.StudentTFit;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A backtest window's fit: the calibrate round trip, its drift setting, and gbm for a fit on a boundary. */
class BacktestFitTest {
    /** The year of BTC closes before 2020-03-01. */
    private static final double[] RETURNS;

    static {
        OhlcSeries btc = OhlcSeries.read(Path.of("examples/BTC-USD-daily.csv"), "BTC");
        int start = 1992; // 2020-03-01
        RETURNS = btc.logReturns(start - 365, start);
    }

    private static ModelChoice.Fitted fit(ModelChoice model, boolean fittedDrift, double[] returns) {
        return Backtest.fit(new Backtest.Settings(365, 7, model, fittedDrift), returns, 1, keys -> "");
    }

    @Test
    void gbmSetsTheMomentVolatilityAndZeroOrFittedDrift() {
        ModelChoice.Fitted zero = fit(ModelChoice.GBM, false, RETURNS);
        assertThat(zero.keys()).containsOnlyKeys("drift", "volatility").containsEntry("drift", 0.0);
        assertThat(zero.volatility()).isEqualTo(GbmFit.fit(RETURNS, 1).get("volatility"));
        assertThat((double) fit(ModelChoice.GBM, true, RETURNS).keys().get("drift"))
                .isEqualTo(GbmFit.fit(RETURNS, 1).get("drift"));
    }

    @Test
    void everyModelTakesTheRoundTripKeysWithTheDriftSetToZeroOrFitted() {
        for (ModelChoice m : ModelChoice.values()) {
            ModelChoice.Fitted roundTrip = m.fit(RETURNS, 1);
            ModelChoice.Fitted zero = fit(m, false, RETURNS);
            ModelChoice.Fitted fitted = fit(m, true, RETURNS);
            if (roundTrip.onBoundary()) {
                assertThat(zero.model()).as(m.label()).isEqualTo("gbm");
                continue;
            }
            assertThat(zero.model()).isEqualTo(roundTrip.model());
            assertThat(fitted.keys()).as(m.label()).isEqualTo(roundTrip.keys());
            assertThat(zero.keys()).containsEntry("drift", 0.0).containsOnlyKeys(roundTrip.keys().keySet());
        }
    }

    @Test
    void studentTTakesTheFittedScaleNotTheSampleVolatility() {
        ModelChoice.Fitted t = fit(ModelChoice.STUDENT_T, false, RETURNS);
        assertThat(t.model()).isEqualTo("student-t");
        assertThat((double) t.keys().get("volatility")).isEqualTo(StudentTFit.fit(RETURNS, 1).get("volatility"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void garchStartsFromTheFiltersForecastWithOmegaAsAnAnnualRate() {
        ModelChoice.Fitted g = fit(ModelChoice.GARCH, false, RETURNS);
        assertThat(g.keys()).containsOnlyKeys("drift", "garch");
        Map<String, Object> garch = (Map<String, Object>) g.keys().get("garch");
        assertThat(garch).containsOnlyKeys("omega", "alpha", "beta", "initialVolatility");
        assertThat((double) garch.get("initialVolatility")).isEqualTo(g.volatility()).isBetween(0.2, 2.0);
        assertThat((double) garch.get("alpha") + (double) garch.get("beta")).isLessThan(0.999);
    }

    @Test
    void aWindowWhoseFitIsOnABoundaryFallsBackToGbm() {
        // Cauchy-like returns (t with 1.2 degrees of freedom) drive the Student-t fit onto its floor of 2
        MersenneTwister rng = new MersenneTwister(5);
        TDistribution heavy = new TDistribution(rng, 1.2);
        double[] returns = new double[365];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = 0.01 * heavy.sample();
        }
        assertThat(ModelChoice.STUDENT_T.fit(returns, 1).onBoundary()).isTrue();
        ModelChoice.Fitted window = fit(ModelChoice.STUDENT_T, false, returns);
        assertThat(window.model()).isEqualTo("gbm");
        assertThat(window.keys()).containsOnlyKeys("volatility", "drift");
    }

    @Test
    void namesAreTheCommandLinesOnes() {
        assertThat(ModelChoice.parse("--model", "student-t")).isEqualTo(ModelChoice.STUDENT_T);
        assertThat(ModelChoice.parse("--model", "auto")).isEqualTo(ModelChoice.AUTO);
        assertThat(ModelChoice.MERTON.label()).isEqualTo("merton");
        assertThatThrownBy(() -> ModelChoice.parse("--model", "gbm2")).isInstanceOf(SpecException.class)
                .hasMessage("--model must be gbm, student-t, garch, merton or auto but was \"gbm2\"");
    }
}
