package io.marginsim.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BacktestScoresTest {

    @Test
    void kupiecMatchesTheLikelihoodRatioWorkedByHand() {
        // 10 breaches in 100 windows against p = 0.05:
        // LR = -2 [90 ln 0.95 + 10 ln 0.05 - 90 ln 0.9 - 10 ln 0.1] = 4.1308437825, P(chi2(1) > LR) = 0.0421083501
        double lr = BacktestScores.kupiecStatistic(10, 100, 0.05);
        assertThat(lr).isCloseTo(4.130843782549277, within(1e-12));
        assertThat(BacktestScores.kupiecPValue(lr)).isCloseTo(0.042108350096184785, within(1e-9));
        // no breach in 250 windows against p = 0.01: LR = -500 ln 0.99 = 5.0251679, p = 0.0249815
        assertThat(BacktestScores.kupiecStatistic(0, 250, 0.01)).isCloseTo(5.025167926750726, within(1e-12));
        assertThat(BacktestScores.kupiecPValue(5.025167926750726)).isCloseTo(0.02498150305344973, within(1e-9));
    }

    @Test
    void kupiecIsZeroWhenTheFrequencyIsThePredictionAndInfiniteWhenItIsImpossible() {
        assertThat(BacktestScores.kupiecStatistic(20, 100, 0.2)).isCloseTo(0, within(1e-12));
        assertThat(BacktestScores.kupiecPValue(BacktestScores.kupiecStatistic(20, 100, 0.2))).isCloseTo(1, within(1e-9));
        assertThat(BacktestScores.kupiecStatistic(3, 100, 0.0)).isInfinite();
        assertThat(BacktestScores.kupiecPValue(Double.POSITIVE_INFINITY)).isZero();
    }

    @Test
    void brierScoresOnASmallCase() {
        double[] p = {0.2, 0.9, 0.5, 0.0};
        boolean[] y = {false, true, true, false};
        BacktestScores s = BacktestScores.of(p, y, 1);
        // (0.04 + 0.01 + 0.25 + 0) / 4; always predicting the realised 0.5 scores 0.25
        assertThat(s.brierScore()).isCloseTo(0.075, within(1e-15));
        assertThat(s.realisedFrequency()).isEqualTo(0.5);
        assertThat(s.climatologyBrierScore()).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void zScoreInflatesTheBinomialVarianceByTheOverlap() {
        // f = 0.5, pbar = 0.4, n = 100: independent z = 0.1 / sqrt(0.0024) = 2.0412; overlap 4 halves it
        double z1 = BacktestScores.zScore(0.5, 0.4, 100, 1);
        assertThat(z1).isCloseTo(0.1 / Math.sqrt(0.0024), within(1e-12));
        assertThat(BacktestScores.zScore(0.5, 0.4, 100, 4)).isCloseTo(z1 / 2, within(1e-12));
        assertThat(BacktestScores.zScore(0.1, 0.0, 100, 4)).isNaN();
    }

    @Test
    void reliabilityBucketsByTenthsWithOneIncludedInTheLast() {
        double[] p = {0.05, 0.08, 0.55, 1.0, 0.95};
        boolean[] y = {false, true, true, true, false};
        List<BacktestScores.Bucket> buckets = BacktestScores.reliability(p, y);
        assertThat(buckets).extracting(BacktestScores.Bucket::from).containsExactly(0.0, 0.5, 0.9);
        BacktestScores.Bucket low = buckets.getFirst();
        assertThat(low.windows()).isEqualTo(2);
        assertThat(low.meanPredicted()).isCloseTo(0.065, within(1e-15));
        assertThat(low.realised()).isEqualTo(0.5);
        // Wilson 95% for 1 of 2
        assertThat(low.realisedCi95()[0]).isCloseTo(0.0945, within(1e-4));
        assertThat(low.realisedCi95()[1]).isCloseTo(0.9055, within(1e-4));
        assertThat(buckets.get(2).windows()).isEqualTo(2);
        assertThat(buckets.get(2).realised()).isEqualTo(0.5);
    }
}
