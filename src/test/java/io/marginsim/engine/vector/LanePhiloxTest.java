package io.marginsim.engine.vector;

import io.marginsim.rng.Philox4x32;
import jdk.incubator.vector.IntVector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The lane generator is the scalar Philox4x32-10, word for word, in every lane. */
class LanePhiloxTest {
    private static final int L = Lanes.COUNT;

    private static int[] lanes(int c0, IntVector c1, int c2, int c3, int k0, int k1) {
        int[] out = new int[4 * L];
        LanePhilox.block(c0, c1, c2, c3, k0, k1, out);
        return out;
    }

    private static void assertEveryLane(int[] words, int... expected) {
        for (int l = 0; l < L; l++) {
            for (int j = 0; j < 4; j++) {
                assertThat(words[j * L + l]).as("lane %d word %d", l, j).isEqualTo(expected[j]);
            }
        }
    }

    @Test
    void random123KnownAnswersInEveryLane() {
        assertEveryLane(lanes(0, IntVector.zero(Lanes.INTS), 0, 0, 0, 0),
                0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8);
        assertEveryLane(lanes(-1, IntVector.broadcast(Lanes.INTS, -1), -1, -1, -1, -1),
                0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd);
        assertEveryLane(lanes(0x243f6a88, IntVector.broadcast(Lanes.INTS, 0x85a308d3), 0x13198a2e, 0x03707344,
                        0xa4093822, 0x299f31d0),
                0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1);
    }

    @Test
    void matchesScalarPhiloxForRandomCountersAndKeys() {
        SplittableRandom random = new SplittableRandom(7);
        int[] expected = new int[4];
        int[] c1 = new int[L];
        for (int trial = 0; trial < 2_000; trial++) {
            int c0 = random.nextInt();
            int c2 = random.nextInt();
            int c3 = random.nextInt();
            int k0 = random.nextInt();
            int k1 = random.nextInt();
            for (int l = 0; l < L; l++) {
                c1[l] = random.nextInt();
            }
            int[] words = lanes(c0, IntVector.fromArray(Lanes.INTS, c1, 0), c2, c3, k0, k1);
            for (int l = 0; l < L; l++) {
                Philox4x32.block(c0, c1[l], c2, c3, k0, k1, expected);
                for (int j = 0; j < 4; j++) {
                    assertThat(words[j * L + l]).as("trial %d lane %d word %d", trial, l, j).isEqualTo(expected[j]);
                }
            }
        }
    }

    @Test
    void matchesScalarPhiloxOnTheEngineCounters() {
        // counters as the engine forms them: (step, consecutive paths, block, stream 0), including the wrap of
        // the path index past 2^31 and 2^32
        int[] expected = new int[4];
        long[] firstPaths = {0, 12_345, (1L << 31) - 5, (1L << 32) - 3};
        for (long first : firstPaths) {
            for (int step = 0; step < 300; step += 37) {
                for (int block = 0; block < 3; block++) {
                    int[] words = lanes(step, Lanes.IOTA.add((int) first), block, 0, 0x1234_5678, 0x9abc_def0);
                    for (int l = 0; l < L; l++) {
                        Philox4x32.block(step, (int) (first + l), block, 0, 0x1234_5678, 0x9abc_def0, expected);
                        for (int j = 0; j < 4; j++) {
                            assertThat(words[j * L + l]).isEqualTo(expected[j]);
                        }
                    }
                }
            }
        }
    }
}
