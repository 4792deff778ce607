package io.marginsim.result;

import io.marginsim.stats.ArraySample;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LossStatisticsTest {

    static ArraySample sample(double[] values) {
        ArraySample sample = new ArraySample();
        sample.addAll(values, values.length);
        return sample;
    }

    /** Terminal equities {@code -loss} of standard normal losses, with initial equity 0. */
    static ArraySample normalLosses(int n, long seed) {
        Well19937c random = new Well19937c(seed);
        double[] equity = new double[n];
        for (int i = 0; i < n; i++) {
            equity[i] = -random.nextGaussian();
        }
        return sample(equity);
    }

    @Test
    void varAndEsOfAKnownSampleAreExact() {
        double[] equity = new double[1000];
        for (int i = 0; i < equity.length; i++) {
            equity[i] = 999 - i; // shuffled order does not matter; equities 0 .. 999
        }
        LossReport loss = LossStatistics.of(sample(equity), 1000);
        // 1% of 1000 paths: the 10 lowest equities 0..9, losses 1000..991
        assertThat(loss.var()).containsEntry("0.99", 991.0).containsEntry("0.999", 1000.0);
        assertThat(loss.es()).containsEntry("0.99", 995.5).containsEntry("0.999", 1000.0);
        assertThat(loss.esMethod()).containsEntry("0.99", "exact");
        long[] ci = Intervals.quantileRanks(1000, 0.01);
        assertThat(loss.varCi95().get("0.99")).containsExactly(1000.0 - ci[1], 1000.0 - ci[0]);
        // CLT interval: variance of 1000..991 is 55/6, VaR gap 4.5
        double half = Intervals.Z95 * Math.sqrt((55.0 / 6 + 0.99 * 4.5 * 4.5) / 10);
        assertThat(loss.esCi95().get("0.99")).containsExactly(995.5 - half, 995.5 + half);
        // uniform losses have a bounded tail: the fit says so instead of extrapolating quietly
        assertThat(loss.tailFit().exceedances()).isEqualTo(100);
        assertThat(loss.tailFit().threshold()).isEqualTo(900.0);
    }

    @Test
    void intervalsCoverTheTrueNormalVarAndEsInAtLeast90Of100Runs() {
        double var99 = new NormalDistribution().inverseCumulativeProbability(0.99);
        double es99 = new NormalDistribution().density(var99) / 0.01;
        int varCovered = 0;
        int esCovered = 0;
        for (int run = 0; run < 100; run++) {
            LossReport loss = LossStatistics.of(normalLosses(20_000, 1000 + run), 0);
            double[] v = loss.varCi95().get("0.99");
            double[] e = loss.esCi95().get("0.99");
            varCovered += v[0] <= var99 && var99 <= v[1] ? 1 : 0;
            esCovered += e[0] <= es99 && es99 <= e[1] ? 1 : 0;
        }
        assertThat(varCovered).isGreaterThanOrEqualTo(90);
        assertThat(esCovered).isGreaterThanOrEqualTo(90);
    }

    @Test
    void beyondTheTailCapTheEsSumsASampledMiddleWithinItsStatedBound() {
        ArraySample equity = normalLosses(200_000, 5);
        LossReport exact = LossStatistics.of(equity, 0);
        // 2000 losses beyond VaR 99% but only 150 read exactly: the other 1850 are read at 1024 ranks
        LossReport sampled = LossStatistics.of(equity, 0, 150);
        assertThat(exact.esMethod()).containsEntry("0.99", "exact");
        assertThat(sampled.esMethod()).containsEntry("0.99", "sampled").containsEntry("0.999", "exact");
        double[] ends = equity.valuesAtRanks(new long[] {150, 1999});
        double bound = (ends[1] - ends[0]) / (2 * LossStatistics.MIDDLE_GRID);
        assertThat(sampled.es().get("0.99")).isCloseTo(exact.es().get("0.99"), within(bound));
        assertThat(sampled.esCi95().get("0.99")[0]).isCloseTo(exact.esCi95().get("0.99")[0], within(1e-3));
        // 50 unread losses beyond VaR 99.9%: all read at ranks of their own
        assertThat(sampled.es().get("0.999")).isCloseTo(exact.es().get("0.999"), within(1e-12));
        assertThat(sampled.tailFit().exceedances()).isEqualTo(149);
    }

    @Test
    void middleRanksRunFromTheFirstUnreadToTheVarRankEvenly() {
        assertThat(LossStatistics.middleRanks(10, 10)).isEmpty();
        assertThat(LossStatistics.middleRanks(10, 13)).containsExactly(10, 11, 12);
        long[] thinned = LossStatistics.middleRanks(100, 1_000_100);
        assertThat(thinned).hasSize(LossStatistics.MIDDLE_GRID);
        assertThat(thinned[0]).isEqualTo(100);
        assertThat(thinned[thinned.length - 1]).isEqualTo(1_000_099);
    }
}
