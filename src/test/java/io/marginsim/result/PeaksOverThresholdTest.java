package io.marginsim.result;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PeaksOverThresholdTest {

    /** Student-t losses with 4 degrees of freedom (tail shape 1/4), not GPD anywhere: the fit is an approximation. */
    static double[] studentT4(int n, long seed) {
        Well19937c random = new Well19937c(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double chi2 = 0;
            for (int j = 0; j < 4; j++) {
                double g = random.nextGaussian();
                chi2 += g * g;
            }
            x[i] = random.nextGaussian() / Math.sqrt(chi2 / 4);
        }
        return x;
    }

    @Test
    void fittedQuantilesAgreeWithEmpiricalOnesWhereBothAreResolved() {
        double[] losses = studentT4(200_000, 21);
        double[] equity = Arrays.stream(losses).map(l -> -l).toArray();
        LossReport loss = LossStatistics.of(LossStatisticsTest.sample(equity), 0);
        LossReport.TailFit fit = loss.tailFit();
        assertThat(fit.warning()).isNull();
        assertThat(fit.exceedances()).isEqualTo(5000);
        assertThat(fit.shape()).isCloseTo(0.25, within(0.1));
        assertThat(fit.shapeCi95()[0]).isLessThan(fit.shape());
        // 200 losses beyond the 99.9% quantile: resolved empirically too
        double empirical = loss.var().get("0.999");
        double[] ci = fit.quantilesCi95().get("0.999");
        assertThat(empirical).isBetween(ci[0], ci[1]);
        // and the true t(4) quantile, 7.173
        assertThat(7.173).isBetween(ci[0], ci[1]);
        assertThat(fit.quantiles().get("0.9999")).isGreaterThan(fit.quantiles().get("0.999"));
        assertThat(fit.meanExcess()).hasSize(PeaksOverThreshold.MEAN_EXCESS_POINTS);
    }

    @Test
    void tooFewExceedancesGiveAWarningAndNoFit() {
        double[] descending = new double[50];
        for (int i = 0; i < descending.length; i++) {
            descending[i] = 50 - i;
        }
        LossReport.TailFit fit = PeaksOverThreshold.fit(descending, 50).toReport();
        assertThat(fit.shape()).isNull();
        assertThat(fit.quantiles()).isEmpty();
        assertThat(fit.exceedances()).isEqualTo(49);
        assertThat(fit.warning()).contains("only 49 losses exceed", "fewer than the 100");
    }

    @Test
    void equalLossesHaveNothingAboveTheThreshold() {
        double[] descending = new double[200];
        Arrays.fill(descending, 3.0);
        LossReport.TailFit fit = PeaksOverThreshold.fit(descending, 1000).toReport();
        assertThat(fit.exceedances()).isZero();
        assertThat(fit.warning()).startsWith("no loss exceeds the threshold 3.0");
        assertThat(fit.meanExcess()).isEmpty();
    }

    @Test
    void meanExcessIsTheMeanOfTheExcessesAboveEachThreshold() {
        assertThat(PeaksOverThreshold.meanExcess(new double[] {5, 4, 3, 2, 1}))
                .containsExactly(new LossReport.MeanExcess(1, 2.5, 4));
    }
}
