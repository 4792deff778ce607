package io.marginsim.engine.vector;

import io.marginsim.rng.ShockStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Lane normals are the normals of {@link ShockStream}, rounded to float. */
class LaneNormalsTest {
    private static final int L = Lanes.COUNT;

    @Test
    void equalTheReferenceNormalsWithinFloatRounding() {
        long seed = 0x5eed_1234_abcdL;
        int count = 7; // two blocks, the second one partly used
        LaneNormals normals = new LaneNormals(seed);
        float[] lanes = new float[count * L];
        double[] reference = new double[8];
        int[] scratch = new int[4];
        double largestError = 0;
        for (long first = 0; first < 4_000; first += L) {
            for (int step = 0; step < 256; step += 51) {
                normals.fill(step, (int) first, count, lanes);
                for (int l = 0; l < L; l++) {
                    ShockStream.normals(seed, step, first + l, ShockStream.PRICE, 2, reference, scratch);
                    for (int k = 0; k < count; k++) {
                        double error = Math.abs(lanes[k * L + l] - reference[k]) / (1 + Math.abs(reference[k]));
                        largestError = Math.max(largestError, error);
                    }
                }
            }
        }
        // log, sqrt and cos/sin round to a few units of 2^-24; the float uniform's spacing near 1 (6e-8) moves a
        // radius near zero by up to ~2e-5 here (in principle ~2.5e-4, for u within 2^-25 of 1: a 3e-8 chance)
        assertThat(largestError).isCloseTo(0, within(2e-5));
    }
}
