package io.marginsim.engine.vector;

import io.marginsim.rng.Philox4x32;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The lane generator is the scalar Philox4x32-10, word for word, in every lane. */
class LanePhiloxTest {
    private static final int L = Lanes.COUNT;

    private static int[] lanes(int c0, int c1, int c2, int c3, int k0, int k1) {
        int[] out = new int[4 * L];
        LanePhilox.block(c0, c1, c2, c3, k0, k1, out);
        return out;
    }

    /** Lane 0 gives the known answer; every lane {@code l} gives the scalar block of counter word 1 + l. */
    private static void assertKnownAnswer(int c0, int c1, int c2, int c3, int k0, int k1, int... expected) {
        int[] words = lanes(c0, c1, c2, c3, k0, k1);
        int[] scalar = new int[4];
        for (int j = 0; j < 4; j++) {
            assertThat(words[j * L]).as("word %d", j).isEqualTo(expected[j]);
        }
        assertMatchesScalar(words, c0, c1, c2, c3, k0, k1, scalar);
    }

    private static void assertMatchesScalar(int[] words, int c0, int c1, int c2, int c3, int k0, int k1,
                                            int[] scratch) {
        for (int l = 0; l < L; l++) {
            Philox4x32.block(c0, c1 + l, c2, c3, k0, k1, scratch);
            for (int j = 0; j < 4; j++) {
                assertThat(words[j * L + l]).as("counter (%x, %x, %x, %x) key (%x, %x) lane %d word %d",
                        c0, c1, c2, c3, k0, k1, l, j).isEqualTo(scratch[j]);
            }
        }
    }

    @Test
    void random123KnownAnswers() {
        assertKnownAnswer(0, 0, 0, 0, 0, 0, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8);
        assertKnownAnswer(-1, -1, -1, -1, -1, -1, 0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd);
        assertKnownAnswer(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
                0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1);
    }

    @Test
    void matchesScalarPhiloxForRandomCountersAndKeys() {
        SplittableRandom random = new SplittableRandom(7);
        int[] scratch = new int[4];
        for (int trial = 0; trial < 5_000; trial++) {
            int c0 = random.nextInt();
            int c1 = random.nextInt();
            int c2 = random.nextInt();
            int c3 = random.nextInt();
            int k0 = random.nextInt();
            int k1 = random.nextInt();
            assertMatchesScalar(lanes(c0, c1, c2, c3, k0, k1), c0, c1, c2, c3, k0, k1, scratch);
        }
    }

    @Test
    void matchesScalarPhiloxOnTheEngineCounters() {
        // counters as the engine forms them: (step, consecutive paths, block, stream 0), including the wrap of
        // the path index past 2^31 and 2^32
        int[] scratch = new int[4];
        long[] firstPaths = {0, 12_345, (1L << 31) - 5, (1L << 32) - 3};
        for (long first : firstPaths) {
            for (int step = 0; step < 300; step += 37) {
                for (int block = 0; block < 3; block++) {
                    int c1 = (int) first;
                    int[] words = lanes(step, c1, block, 0, 0x1234_5678, 0x9abc_def0);
                    assertMatchesScalar(words, step, c1, block, 0, 0x1234_5678, 0x9abc_def0, scratch);
                }
            }
        }
    }
}
