package io.marginsim.market.calibration;

import io.marginsim.check.SpecException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalibrationTest {
    private static ModelFit gbm(double volatility, double logLikelihood) {
        return new ModelFit("gbm", Map.of("volatility", volatility, "drift", 0.1), Map.of(), logLikelihood, 2);
    }

    @Test
    void aFitWithANonFiniteWrittenValueOrNoLikelihoodIsRefusedNamingTheColumn() {
        assertThatCode(() -> Calibration.requireFinite("p.csv column BTC", gbm(0.5, 80), List.of("volatility")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Calibration.requireFinite("p.csv column BTC", gbm(Double.NaN, 80), List.of("volatility")))
                .isInstanceOf(SpecException.class).hasMessage("p.csv column BTC must have returns the gbm model can be "
                        + "fitted to but its volatility came out as NaN (prices too extreme to fit)");
        assertThatThrownBy(() -> Calibration.requireFinite("p.csv column BTC", gbm(0.5, MaximumLikelihood.IMPOSSIBLE),
                List.of("volatility"))).isInstanceOf(SpecException.class).hasMessage("p.csv column BTC must have "
                + "returns the gbm model can be fitted to but its log-likelihood came out as minus infinity (a likelihood "
                + "of 0) (prices too extreme to fit)");
    }
}
