package io.marginsim.engine.vector;

import io.marginsim.rng.ShockStream;
import jdk.incubator.vector.FloatVector;

import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.SIN;
import static jdk.incubator.vector.VectorOperators.SQRT;

/**
 * The normals of {@link ShockStream} for {@link Lanes#COUNT} consecutive paths, in float: the same Philox words,
 * the same uniforms {@code (word + 0.5) * 2^-32} (correctly rounded to float) and the same Box-Muller pairs
 * (words 0 and 1 give normals 0 and 1, words 2 and 3 give normals 2 and 3). Only the normals a problem uses are
 * transformed, so one asset costs one logarithm, one square root and one cosine per step.
 */
final class LaneNormals {
    private static final float TWO_PI = (float) (2.0 * Math.PI);
    private final int k0;
    private final int k1;
    private final int[] words = new int[4 * Lanes.COUNT];
    /** Uniform {@code j} of lane {@code l} at {@code j * Lanes.COUNT + l}. */
    private final float[] uniforms = new float[4 * Lanes.COUNT];

    LaneNormals(long seed) {
        k0 = (int) seed;
        k1 = (int) (seed >>> 32);
    }

    /**
     * Writes normals {@code 0 .. count - 1} of step {@code step} for paths {@code firstPath + lane} (low 32 bits):
     * normal {@code k} of lane {@code l} goes to {@code out[k * Lanes.COUNT + l]}.
     */
    void fill(int step, int firstPath, int count, float[] out) {
        fill(step, firstPath, ShockStream.PRICE, 0, count, out);
    }

    /** As {@link #fill(int, int, int, float[])}, for the blocks {@code firstBlock ..} of stream {@code stream}. */
    void fill(int step, int firstPath, int stream, int firstBlock, int count, float[] out) {
        for (int block = 0; 4 * block < count; block++) {
            LanePhilox.block(step, firstPath, firstBlock + block, stream, k0, k1, words);
            int pairs = 4 * block + 2 < count ? 2 : 1;
            for (int j = 0; j < 2 * pairs; j++) {
                LaneUniforms.convert(words, j, uniforms, j * Lanes.COUNT);
            }
            for (int pair = 0; pair < pairs; pair++) {
                boxMuller(pair, 4 * block + 2 * pair, count, out);
            }
        }
    }

    private void boxMuller(int pair, int normal, int count, float[] out) {
        FloatVector u1 = FloatVector.fromArray(Lanes.FLOATS, uniforms, 2 * pair * Lanes.COUNT);
        FloatVector u2 = FloatVector.fromArray(Lanes.FLOATS, uniforms, (2 * pair + 1) * Lanes.COUNT);
        FloatVector radius = u1.lanewise(LOG).mul(-2f).lanewise(SQRT);
        FloatVector angle = u2.mul(TWO_PI);
        radius.mul(angle.lanewise(COS)).intoArray(out, normal * Lanes.COUNT);
        if (normal + 1 < count) {
            radius.mul(angle.lanewise(SIN)).intoArray(out, (normal + 1) * Lanes.COUNT);
        }
    }
}
