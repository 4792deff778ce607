package io.marginsim.engine;

/** Floating-point width an engine computes paths in. The scalar reference always uses {@link #DOUBLE}. */
public enum Precision {
    FLOAT,
    DOUBLE
}
