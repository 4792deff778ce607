package io.marginsim.engine.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;

import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHR;

/**
 * The uniforms {@code (word + 0.5) * 2^-32} of {@link io.marginsim.rng.ShockStream} for one word of every lane,
 * correctly rounded to float. Arrays in, arrays out, so no vector crosses a call.
 */
final class LaneUniforms {
    private static final float TWO_POW_M32 = 0x1.0p-32f;

    private LaneUniforms() {
    }

    /**
     * Converts word {@code j} of a {@link LanePhilox#block} output (lanes at {@code words[j * COUNT ..]}) into
     * {@code out[at .. at + COUNT)}.
     */
    static void convert(int[] words, int j, float[] out, int at) {
        convert(words, j, false, out, at);
    }

    /**
     * As {@link #convert(int[], int, float[], int)}, or with {@code complement} the uniform of the complemented
     * word, which is exactly {@code 1 - u}: near {@code u = 1} it keeps the relative precision that {@code u}
     * rounded to float has lost.
     */
    static void convert(int[] words, int j, boolean complement, float[] out, int at) {
        IntVector w = IntVector.fromArray(Lanes.INTS, words, j * Lanes.COUNT);
        if (complement) {
            w = w.not();
        }
        // exact 16-bit halves and an exact high * 2^16, so only the final add rounds: small uniforms keep their full
        // relative precision
        FloatVector high = (FloatVector) w.lanewise(LSHR, 16).convert(I2F, 0);
        FloatVector low = (FloatVector) w.and(0xFFFF).convert(I2F, 0);
        high.mul(65536f).add(low.add(0.5f)).mul(TWO_POW_M32).intoArray(out, at);
    }
}
