package io.marginsim.stats;

import io.marginsim.result.Intervals;
import io.marginsim.result.ReportBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The host sample and the quantile definitions the report reads through ranks. */
class RankedSampleTest {

    @Test
    void arraySampleRanksInDoubleCompareOrderAndStaysExactAfterMoreValues() {
        ArraySample sample = new ArraySample();
        sample.addAll(new double[] {3, 0.0, -0.0, Double.NaN, -2}, 5);
        assertThat(sample.valuesAtRanks(new long[] {4, 0, 1, 2, 3})).containsExactly(Double.NaN, -2, -0.0, 0.0, 3);
        ArraySample more = new ArraySample();
        more.addAll(new double[] {1, -5}, 2);
        sample.addAll(more);
        assertThat(sample.size()).isEqualTo(7);
        assertThat(sample.valuesAtRanks(new long[] {0, 4})).containsExactly(-5, 1);
        assertThat(more.size()).isEqualTo(2);
        assertThatThrownBy(() -> sample.valuesAtRanks(new long[] {7})).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> sample.valuesAtRanks(new long[] {-1})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void buffersAreTheOrderStatisticThatLeavesAtMostTheTargetBreachingFlooredAtZero() {
        ArraySample shortfall = new ArraySample();
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i - 89.5; // ten positive shortfalls: 0.5 .. 9.5
        }
        shortfall.addAll(values, values.length);
        // 5% of 100 may breach: the 6th largest shortfall, 4.5, leaves exactly five above it.
        // 20% may breach, but only ten shortfalls are positive: no cash needed.
        assertThat(ReportBuilder.buffers(shortfall, 0.05, 0.2, 0.001)).containsExactly(4.5, 0, 9.5);
        double[][] withCi = ReportBuilder.buffersWithCi95(shortfall, 0.05);
        long[] ci = Intervals.quantileRanks(100, 0.95);
        assertThat(withCi[0]).containsExactly(4.5, Math.max(0, values[(int) ci[0]]), Math.max(0, values[(int) ci[1]]));
        assertThat(ReportBuilder.nearestRanks(shortfall, 0.5, 0.01, 1.0)).containsExactly(-40.5, -89.5, 9.5);
    }
}
