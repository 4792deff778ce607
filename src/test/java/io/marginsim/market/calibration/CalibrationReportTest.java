package io.marginsim.market.calibration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationReportTest {
    @Test
    void likelihoodsStayShortWhateverTheirSize() {
        assertThat(CalibrationReport.likelihood(-123.4567)).isEqualTo("-123.457");
        assertThat(CalibrationReport.likelihood(-1e300)).isEqualTo("-1.000000e+300");
        assertThat(CalibrationReport.likelihood(Double.NaN)).isEqualTo("n/a");
    }
}
