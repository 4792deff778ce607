package io.marginsim.rng;

/**
 * Philox4x32-10 counter-based generator (Salmon, Moraes, Dror, Shaw: "Parallel random numbers: as easy as
 * 1, 2, 3", SC'11; reference implementation Random123). A block of four 32-bit words is a pure function of a
 * 128-bit counter and a 64-bit key, so any draw can be computed directly from its coordinates: engines need no
 * generator state and results do not depend on how paths are split across threads or devices.
 *
 * <p>Every engine (Java, Vector API, OpenCL) implements exactly these rounds; this class is the reference they
 * are tested against.
 */
public final class Philox4x32 {
    static final long M0 = 0xD2511F53L;
    static final long M1 = 0xCD9E8D57L;
    static final int W0 = 0x9E3779B9;
    static final int W1 = 0xBB67AE85;
    /** Number of rounds; 10 is the variant that passes BigCrush with a safety margin. */
    public static final int ROUNDS = 10;

    private Philox4x32() {
    }

    /**
     * Computes one block.
     *
     * @param out receives the four output words; must have length at least 4
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int r = 0; r < ROUNDS; r++) {
            long p0 = M0 * (c0 & 0xFFFFFFFFL);
            long p1 = M1 * (c2 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n1 = (int) p1;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            int n3 = (int) p0;
            c0 = n0;
            c1 = n1;
            c2 = n2;
            c3 = n3;
            k0 += W0;
            k1 += W1;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }
}
