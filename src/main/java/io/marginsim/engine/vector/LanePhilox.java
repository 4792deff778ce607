package io.marginsim.engine.vector;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;

import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

/**
 * Philox4x32-10 (Salmon et al., SC'11) for {@link Lanes#COUNT} counters at once that differ only in their
 * second word, the path index: the shape of every draw of {@link io.marginsim.rng.ShockStream}. The rounds are
 * those of {@link io.marginsim.rng.Philox4x32}, which the tests check this class against word for word.
 *
 * <p>There is no lane-wise 32x32-&gt;64 multiply in the Vector API, so each product is taken on the long
 * view of the int vector: the even int lanes (masked to 32 bits) and the odd lanes (shifted down) are multiplied
 * as longs, which C2 compiles to {@code vpmuludq}, and the halves are shuffled back with shifts and masks.
 * The first two rounds act partly on scalars: words 0 and 2 of the counter (step, block) are the same in every
 * lane, so their products are computed once instead of per lane.
 */
final class LanePhilox {
    /** Multipliers and Weyl key increments of Philox4x32 (Random123). */
    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    private static final int ROUNDS = 10;
    private static final long LOW = 0xFFFFFFFFL;
    private static final long HIGH = 0xFFFFFFFF00000000L;

    private LanePhilox() {
    }

    /**
     * Computes one block per lane for counters {@code (c0, c1[lane], c2, c3)} and key {@code (k0, k1)}.
     *
     * @param out receives word {@code j} of lane {@code l} at {@code out[j * Lanes.COUNT + l]}
     */
    static void block(int c0, IntVector c1, int c2, int c3, int k0, int k1, int[] out) {
        // round 1: both products are lane-independent
        long p0 = M0 * (c0 & LOW);
        long p1 = M1 * (c2 & LOW);
        IntVector x0 = c1.lanewise(XOR, (int) (p1 >>> 32) ^ k0);
        int s1 = (int) p1;
        int s2 = (int) (p0 >>> 32) ^ c3 ^ k1;
        int s3 = (int) p0;
        k0 += W0;
        k1 += W1;
        // round 2: word 0 varies by lane, word 2 does not yet
        p1 = M1 * (s2 & LOW);
        IntVector x2 = high(x0, M0).lanewise(XOR, s3 ^ k1);
        IntVector x3 = low(x0, M0);
        x0 = IntVector.broadcast(Lanes.INTS, (int) (p1 >>> 32) ^ s1 ^ k0);
        IntVector x1 = IntVector.broadcast(Lanes.INTS, (int) p1);
        k0 += W0;
        k1 += W1;
        for (int r = 2; r < ROUNDS; r++) {
            IntVector n0 = high(x2, M1).lanewise(XOR, x1).lanewise(XOR, k0);
            IntVector n1 = low(x2, M1);
            IntVector n2 = high(x0, M0).lanewise(XOR, x3).lanewise(XOR, k1);
            IntVector n3 = low(x0, M0);
            x0 = n0;
            x1 = n1;
            x2 = n2;
            x3 = n3;
            k0 += W0;
            k1 += W1;
        }
        x0.intoArray(out, 0);
        x1.intoArray(out, Lanes.COUNT);
        x2.intoArray(out, 2 * Lanes.COUNT);
        x3.intoArray(out, 3 * Lanes.COUNT);
    }

    /** High 32 bits of each lane's unsigned 64-bit product with {@code m}. */
    private static IntVector high(IntVector x, long m) {
        LongVector words = x.reinterpretAsLongs();
        LongVector even = words.and(LOW).mul(m);
        LongVector odd = words.lanewise(LSHR, 32).mul(m);
        return even.lanewise(LSHR, 32).or(odd.and(HIGH)).reinterpretAsInts();
    }

    /** Low 32 bits of each lane's product with {@code m}: the plain int multiply. */
    private static IntVector low(IntVector x, long m) {
        return x.mul((int) m);
    }
}
