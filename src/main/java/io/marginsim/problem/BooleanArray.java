package io.marginsim.problem;

import java.util.Arrays;

/**
 * An array of flags that cannot be changed: what {@link CompiledProblem} hands out, so no engine can write into the
 * problem another engine (or thread) reads. {@link #get} is as cheap as an array access once the JIT has inlined it;
 * an engine that wants its own array (to lay it out for a device) takes {@link #toArray}.
 */
public final class BooleanArray {
    private final boolean[] values;

    private BooleanArray(boolean[] values) {
        this.values = values;
    }

    /** A copy of {@code values}. */
    public static BooleanArray of(boolean... values) {
        return new BooleanArray(values.clone());
    }

    public boolean get(int i) {
        return values[i];
    }

    public int length() {
        return values.length;
    }

    /** Copies {@code length} values from index {@code from} into {@code target} at {@code at}. */
    public void copyTo(int from, boolean[] target, int at, int length) {
        System.arraycopy(values, from, target, at, length);
    }

    /** A fresh copy, the caller's to change. */
    public boolean[] toArray() {
        return values.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
