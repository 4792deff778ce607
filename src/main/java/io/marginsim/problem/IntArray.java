package io.marginsim.problem;

import java.util.Arrays;

/**
 * An array of ints that cannot be changed: what {@link CompiledProblem} hands out, so no engine can write into the
 * problem another engine (or thread) reads. {@link #get} is as cheap as an array access once the JIT has inlined it;
 * an engine that wants its own array (to lay it out for a device) takes {@link #toArray}.
 */
public final class IntArray {
    private final int[] values;

    private IntArray(int[] values) {
        this.values = values;
    }

    /** A copy of {@code values}. */
    public static IntArray of(int... values) {
        return new IntArray(values.clone());
    }

    public int get(int i) {
        return values[i];
    }

    public int length() {
        return values.length;
    }

    /** Copies {@code length} values from index {@code from} into {@code target} at {@code at}. */
    public void copyTo(int from, int[] target, int at, int length) {
        System.arraycopy(values, from, target, at, length);
    }

    /** A fresh copy, the caller's to change. */
    public int[] toArray() {
        return values.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
