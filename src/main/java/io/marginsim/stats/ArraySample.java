package io.marginsim.stats;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A {@link RankedSample} in host memory: a growable array, sorted in place the first time ranks are asked for
 * (and again only if values were added since), after which each rank costs O(1). Costs 8 bytes per value.
 */
public final class ArraySample implements RankedSample {
    /** Largest array the JVM reliably allocates. */
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    private double[] values = new double[0];
    private int size;
    private boolean sorted = true;

    /** Adds the first {@code count} values of {@code source}. */
    public synchronized void addAll(double[] source, int count) {
        if (size + (long) count > values.length) {
            long wanted = Math.max((long) size + count, (long) values.length * 2);
            if (wanted > MAX_VALUES) {
                throw new IllegalStateException("exact quantiles keep one value per path; "
                        + "more than " + MAX_VALUES + " paths do not fit in host memory");
            }
            values = Arrays.copyOf(values, (int) wanted);
        }
        System.arraycopy(source, 0, values, size, count);
        size += count;
        sorted = size <= 1;
    }

    @Override
    public void addAll(RankedSample other) {
        if (!(other instanceof ArraySample array)) {
            throw new IllegalArgumentException("a host sample can only take values from another host sample, not "
                    + "from a " + other.getClass().getSimpleName() + " (whose values stay on its engine's device)");
        }
        double[] copy;
        synchronized (array) {
            // A copy, because the other sample may sort its array in place while this one reads it.
            copy = Arrays.copyOf(array.values, array.size);
        }
        addAll(copy, copy.length);
    }

    @Override
    public void forEachChunk(Consumer<double[]> chunks) {
        double[] copy;
        synchronized (this) {
            copy = Arrays.copyOf(values, size);
        }
        chunks.accept(copy);
    }

    @Override
    public synchronized long size() {
        return size;
    }

    @Override
    public synchronized double[] valuesAtRanks(long[] ranks) {
        RankedSample.checkRanks(ranks, size);
        if (!sorted) {
            // Arrays.sort orders like Double.compare, which is the order RankedSample promises.
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        double[] out = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            out[i] = values[(int) ranks[i]];
        }
        return out;
    }
}
