package io.marginsim.result;

import io.marginsim.stats.RankedSample;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A histogram of the loss, {@code initialEquity - terminalEquity}, read from the terminal-equity sample with one
 * query of about 110 ranks: bin edges are order statistics at fixed probabilities, so every bin holds a known
 * number of paths and its density is that share over its width. The body gets 100 bins of 1% of the paths each;
 * above the 99% loss quantile the bins shrink in probability (0.5%, 0.2%, 0.1%, 0.05%, ...) while each still holds at
 * least {@value #MIN_TAIL_COUNT} paths, so the tail is seen in detail too. Bins of zero width (tied losses) are merged
 * into the next one.
 *
 * @param bins in increasing loss
 */
public record LossHistogram(long paths, List<Bin> bins) {
    static final int BODY_BINS = 100;
    static final int MIN_TAIL_COUNT = 10;

    /** {@code paths} losses in {@code (fromLoss, toLoss]} (the first bin includes its lower end). */
    public record Bin(double fromLoss, double toLoss, long paths, double density) {
    }

    public static LossHistogram of(RankedSample terminalEquity, double initialEquity) {
        long n = terminalEquity.size();
        TreeSet<Long> edges = new TreeSet<>();
        edges.add(0L);
        edges.add(n - 1);
        for (int j = 1; j < BODY_BINS; j++) {
            edges.add(Math.round((double) j / BODY_BINS * (n - 1)));
        }
        double[] steps = {5, 2, 1};
        for (double decade = 1e-3; ; decade /= 10) {
            boolean any = false;
            for (double s : steps) {
                double tail = s * decade;
                if (tail * n >= MIN_TAIL_COUNT) {
                    edges.add(Math.round(tail * (n - 1)));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        long[] ranks = edges.stream().mapToLong(Long::longValue).toArray();
        double[] equity = terminalEquity.valuesAtRanks(ranks);
        // ascending equity is descending loss: walk from the last rank (smallest loss) down
        List<Bin> bins = new ArrayList<>();
        int upper = ranks.length - 1;
        for (int i = ranks.length - 2; i >= 0; i--) {
            double from = initialEquity - equity[upper];
            double to = initialEquity - equity[i];
            if (to > from) {
                long count = ranks[upper] - ranks[i] + (bins.isEmpty() ? 1 : 0);
                bins.add(new Bin(from, to, count, count / ((double) n * (to - from))));
                upper = i;
            }
        }
        return new LossHistogram(n, bins);
    }
}
