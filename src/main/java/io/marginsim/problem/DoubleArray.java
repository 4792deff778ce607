package io.marginsim.problem;

import java.util.Arrays;

/**
 * An array of doubles that cannot be changed: what {@link CompiledProblem} hands out, so no engine can write into the
 * problem another engine (or thread) reads. {@link #get} is as cheap as an array access once the JIT has inlined it;
 * an engine that wants its own array (to convert to float, or to lay it out for a device) takes {@link #toArray}.
 */
public final class DoubleArray {
    private final double[] values;

    private DoubleArray(double[] values) {
        this.values = values;
    }

    /** A copy of {@code values}. */
    public static DoubleArray of(double... values) {
        return new DoubleArray(values.clone());
    }

    public double get(int i) {
        return values[i];
    }

    public int length() {
        return values.length;
    }

    /** Copies {@code length} values from index {@code from} into {@code target} at {@code at}. */
    public void copyTo(int from, double[] target, int at, int length) {
        System.arraycopy(values, from, target, at, length);
    }

    /** A fresh copy, the caller's to change. */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
