package io.marginsim.result;

import io.marginsim.engine.PathBlock;

import java.util.Arrays;

/**
 * Mergeable statistics of a set of paths: breach counts by step (exact), and the worst-shortfall and
 * terminal-equity samples from which exact quantiles are taken. Merging is associative and commutative up to
 * the order of samples, which quantiles ignore, so chunks, threads and devices can be combined freely.
 *
 * <p>Samples cost 16 bytes per path; the breach histogram costs one counter per step.
 */
public final class PathStats {
    private final int steps;
    private long paths;
    /** {@code breachesAtStep[s]}: paths whose first breach is step {@code s} (index 0 unused). */
    private final long[] breachesAtStep;
    private final DoubleSample worstShortfall = new DoubleSample();
    private final DoubleSample terminalEquity = new DoubleSample();

    public PathStats(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1 but was " + steps);
        }
        this.steps = steps;
        this.breachesAtStep = new long[steps + 1];
    }

    /** Statistics of one block of per-path outcomes. */
    public static PathStats of(int steps, PathBlock block) {
        PathStats stats = new PathStats(steps);
        stats.add(block);
        return stats;
    }

    /** Adds every path of {@code block}. */
    public void add(PathBlock block) {
        for (int i = 0; i < block.size(); i++) {
            int step = block.firstBreachStep[i];
            if (step != PathBlock.NO_BREACH) {
                breachesAtStep[step]++;
            }
        }
        worstShortfall.addAll(block.worstShortfall, block.size());
        terminalEquity.addAll(block.terminalEquity, block.size());
        paths += block.size();
    }

    /**
     * Adds {@code count} paths already reduced to first-breach counts by an engine (so per-path breach steps
     * need not leave the device), with their worst-shortfall and terminal-equity samples.
     *
     * @param breachesAtStep {@code steps + 1} counts, index 0 unused and zero
     */
    public void add(long[] breachesAtStep, double[] worstShortfall, double[] terminalEquity, int count) {
        if (breachesAtStep.length != steps + 1 || breachesAtStep[0] != 0) {
            throw new IllegalArgumentException("breachesAtStep must have " + (steps + 1)
                    + " counts with index 0 zero but had " + breachesAtStep.length);
        }
        for (int s = 1; s <= steps; s++) {
            this.breachesAtStep[s] += breachesAtStep[s];
        }
        this.worstShortfall.addAll(worstShortfall, count);
        this.terminalEquity.addAll(terminalEquity, count);
        paths += count;
    }

    /** Adds the paths of {@code other}, which must have the same number of steps. */
    public void merge(PathStats other) {
        if (other.steps != steps) {
            throw new IllegalArgumentException("cannot merge stats of " + other.steps + " steps into " + steps);
        }
        for (int s = 1; s <= steps; s++) {
            breachesAtStep[s] += other.breachesAtStep[s];
        }
        worstShortfall.addAll(other.worstShortfall);
        terminalEquity.addAll(other.terminalEquity);
        paths += other.paths;
    }

    public int steps() {
        return steps;
    }

    public long paths() {
        return paths;
    }

    public long breaches() {
        long sum = 0;
        for (long c : breachesAtStep) {
            sum += c;
        }
        return sum;
    }

    /** Copy of the first-breach counts by step; index 0 is always zero. */
    public long[] breachesAtStep() {
        return breachesAtStep.clone();
    }

    /** Worst shortfall of every path, sorted ascending. */
    public double[] sortedWorstShortfall() {
        return worstShortfall.sorted();
    }

    /** Terminal equity of every path, sorted ascending. */
    public double[] sortedTerminalEquity() {
        return terminalEquity.sorted();
    }

    /** A growable array of doubles. */
    private static final class DoubleSample {
        private double[] values = new double[0];
        private int size;

        void addAll(double[] source, int count) {
            if (size + count > values.length) {
                long wanted = Math.max((long) size + count, (long) values.length * 2);
                if (wanted > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("exact quantiles keep one value per path; "
                            + "more than " + (Integer.MAX_VALUE - 8) + " paths do not fit");
                }
                values = Arrays.copyOf(values, (int) wanted);
            }
            System.arraycopy(source, 0, values, size, count);
            size += count;
        }

        void addAll(DoubleSample other) {
            addAll(other.values, other.size);
        }

        double[] sorted() {
            double[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
