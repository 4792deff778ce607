package io.marginsim.result;

import io.marginsim.stats.RankedSample;

import java.util.stream.LongStream;

/** Test helpers that read samples through ranks, as reports do. */
public final class Samples {
    private Samples() {
    }

    /** The whole sample in ascending order: one rank per value, so only for small host samples. */
    public static double[] sorted(RankedSample sample) {
        return sample.valuesAtRanks(LongStream.range(0, sample.size()).toArray());
    }

    /**
     * {@code count} ranks spread evenly from the first to the last, plus the ranks every report asks for; a device
     * sample answers these with a bounded number of histogram passes whatever its size.
     */
    public static long[] spreadRanks(long size, int count) {
        LongStream even = LongStream.range(0, count).map(i -> i * (size - 1) / Math.max(1, count - 1));
        LongStream.Builder report = LongStream.builder();
        for (double target : ReportBuilder.BUFFER_TARGETS) {
            report.add(Math.max(0, ReportBuilder.bufferRank(size, target)));
            LongStream.of(Intervals.quantileRanks(size, 1 - target)).forEach(report);
        }
        return LongStream.concat(even, report.build()).distinct().sorted().toArray();
    }

    /** The sample's values at {@link #spreadRanks}. */
    public static double[] spread(RankedSample sample, int count) {
        return sample.valuesAtRanks(spreadRanks(sample.size(), count));
    }
}
