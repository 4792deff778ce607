package io.marginsim.stats;

import java.util.function.Consumer;

/**
 * A sample of per-path values from which exact order statistics are read by rank, wherever the values live:
 * host memory ({@link ArraySample}) or an engine's device. Reports ask for a handful of ranks, so an
 * implementation may answer without ever materialising the whole sorted sample on the host.
 *
 * <p>Order is that of {@link Double#compare}: {@code -0.0} before {@code 0.0}, NaN after everything.
 */
public interface RankedSample extends AutoCloseable {

    /** Number of values. */
    long size();

    /**
     * The values at the given 0-based ranks of the ascending order, exactly, in the order asked; ranks may repeat
     * and come in any order.
     *
     * @throws IndexOutOfBoundsException when a rank is outside {@code [0, size())}
     */
    double[] valuesAtRanks(long[] ranks);

    /**
     * Hands every value to {@code chunks}, a chunk at a time, in the sample's own storage order, which quantiles and
     * merging ignore: a bulk copy for shipping the sample elsewhere, with no ranking.
     */
    void forEachChunk(Consumer<double[]> chunks);

    /**
     * Adds every value of {@code other} to this sample; {@code other} stays usable.
     *
     * @throws IllegalArgumentException when the two samples live in places that cannot be combined
     */
    void addAll(RankedSample other);

    /** Frees what the sample holds outside the Java heap; idempotent. */
    @Override
    default void close() {
    }

    /** Checks every rank against {@code size}; shared so that every implementation fails the same way. */
    static void checkRanks(long[] ranks, long size) {
        for (long rank : ranks) {
            if (rank < 0 || rank >= size) {
                throw new IndexOutOfBoundsException("rank " + rank + " is outside a sample of " + size + " values");
            }
        }
    }
}
