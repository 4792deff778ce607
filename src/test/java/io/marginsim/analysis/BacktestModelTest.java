package io.marginsim.analysis;

import io.marginsim.market.calibration.OhlcSeries;
import io.marginsim.market.calibration.GbmFit;
import io.marginsim.spec.SpecException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BacktestModelTest {
    /** The year of BTC closes before 2020-03-01. */
    private static final double[] RETURNS;

    static {
        OhlcSeries btc = OhlcSeries.read(Path.of("examples/BTC-USD-daily.csv"), "BTC");
        int start = 1992; // 2020-03-01
        RETURNS = btc.logReturns(start - 365, start);
    }

    @Test
    void gbmSetsTheMomentVolatilityAndZeroOrFittedDrift() {
        double volatility = GbmFit.fit(RETURNS, 1).get("volatility");
        BacktestModel.Fit zero = BacktestModel.GBM.fit(RETURNS, 1, false);
        assertThat(zero.assetKeys()).containsOnlyKeys("drift", "volatility").containsEntry("drift", 0.0);
        assertThat(zero.volatility()).isEqualTo(volatility);
        assertThat((double) BacktestModel.GBM.fit(RETURNS, 1, true).assetKeys().get("drift"))
                .isEqualTo(GbmFit.fit(RETURNS, 1).get("drift"));
    }

    @Test
    void studentTKeepsTheSampleVolatilityAndSetsTheTailShape() {
        BacktestModel.Fit t = BacktestModel.STUDENT_T.fit(RETURNS, 1, false);
        assertThat(t.volatility()).isEqualTo(GbmFit.fit(RETURNS, 1).get("volatility"));
        assertThat((double) t.assetKeys().get("degreesOfFreedom")).isGreaterThan(2).isLessThanOrEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void garchStartsFromTheFiltersForecastWithOmegaAsAnAnnualRate() {
        BacktestModel.Fit g = BacktestModel.GARCH.fit(RETURNS, 1, false);
        assertThat(g.assetKeys()).containsOnlyKeys("drift", "garch");
        Map<String, Object> garch = (Map<String, Object>) g.assetKeys().get("garch");
        assertThat(garch).containsOnlyKeys("omega", "alpha", "beta", "initialVolatility");
        assertThat((double) garch.get("initialVolatility")).isEqualTo(g.volatility()).isBetween(0.2, 2.0);
        assertThat((double) garch.get("alpha") + (double) garch.get("beta")).isLessThanOrEqualTo(0.999);
    }

    @Test
    void mertonReportsTheVolatilityOfDiffusionAndJumpsTogether() {
        BacktestModel.Fit m = BacktestModel.MERTON.fit(RETURNS, 1, false);
        assertThat(m.assetKeys()).containsOnlyKeys("drift", "volatility", "jumpIntensity", "jumpMean", "jumpStdev");
        double diffusion = (double) m.assetKeys().get("volatility");
        double lambda = (double) m.assetKeys().get("jumpIntensity");
        double mean = (double) m.assetKeys().get("jumpMean");
        double sd = (double) m.assetKeys().get("jumpStdev");
        assertThat(m.volatility()).isCloseTo(Math.sqrt(diffusion * diffusion + lambda * (mean * mean + sd * sd)),
                within(1e-12));
    }

    @Test
    void namesAreTheCommandLinesOnes() {
        assertThat(BacktestModel.parse("--model", "student-t")).isEqualTo(BacktestModel.STUDENT_T);
        assertThat(BacktestModel.MERTON.label()).isEqualTo("merton");
        assertThatThrownBy(() -> BacktestModel.parse("--model", "gbm2")).isInstanceOf(SpecException.class);
    }
}
