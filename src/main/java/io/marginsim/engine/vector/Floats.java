package io.marginsim.engine.vector;

/** Narrowing of the problem's double arrays to the float the lanes compute in. */
final class Floats {
    private Floats() {
    }

    static float[] of(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
