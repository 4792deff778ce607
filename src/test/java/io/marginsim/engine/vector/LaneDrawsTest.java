package io.marginsim.engine.vector;

import io.marginsim.market.MertonJumps;
import io.marginsim.market.StudentMixing;
import io.marginsim.rng.ShockStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The lane mixing factors and jumps are the reference's, from the same words. */
class LaneDrawsTest {
    private static final int L = Lanes.COUNT;
    private static final long SEED = 0x5eed_0bad_cafeL;

    @ParameterizedTest(name = "nu = {0}")
    @ValueSource(doubles = {2.5, 3, 4, 4.5, 7.25, 30})
    void mixingFactorsEqualTheReference(double nu) {
        LaneMixing lanes = new LaneMixing(nu, ShockStream.ASSET_MIXING + 1, SEED);
        StudentMixing reference = new StudentMixing(nu, ShockStream.ASSET_MIXING + 1);
        float[] out = new float[L];
        double largest = 0;
        double at = 0;
        for (int first = 0; first < 20_000; first += L) {
            for (int step = 0; step < 64; step += 7) {
                lanes.fill(step, first, out, 0);
                for (int l = 0; l < L; l++) {
                    double expected = reference.factor(SEED, step, first + l);
                    double error = Math.abs(out[l] - expected) / expected;
                    if (error > largest) {
                        largest = error;
                        at = expected;
                    }
                }
            }
        }
        // observed up to 1.1e-6, also for factors near 50 (chi-squares near 1e-3), where -2 log u and cos^2 are
        // taken in forms that keep float's relative precision
        assertThat(largest).as("largest relative error, at factor %s", at).isCloseTo(0, within(3e-6));
    }

    @Test
    void jumpCountsAreExactAndSizesWithinFloatRounding() {
        for (double mean : new double[] {0.01, 0.7, 3}) {
            int cap = MertonJumps.cap(mean);
            LaneJumps lanes = new LaneJumps(mean, cap, -0.05, 0.08, ShockStream.JUMPS, 2, SEED);
            float[] out = new float[L];
            int[] words = new int[4];
            for (int first = 0; first < 4_000; first += L) {
                for (int step = 0; step < 64; step += 5) {
                    lanes.fill(step, first, out, 0);
                    for (int l = 0; l < L; l++) {
                        ShockStream.words(SEED, step, first + l, 2, ShockStream.JUMPS, words);
                        double expected = MertonJumps.logJump(words, mean, cap, -0.05, 0.08);
                        assertThat((double) out[l]).as("mean %s step %d path %d", mean, step, first + l)
                                .isCloseTo(expected, within(1e-6 * (1 + Math.abs(expected) * 10)));
                    }
                }
            }
        }
    }
}
