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
 * as longs, and the high halves are put back in place with shifts and masks; the low halves are plain int
 * multiplies. Widening each int vector to two long vectors with {@code ZERO_EXTEND_I2L}, multiplying and
 * narrowing back measured 2.7 times slower on AVX-512. The first round runs on scalars but for word 1, because
 * words 0 and 2 of the counter (step, block) are the same in every lane.
 *
 * <p>Everything is written out in one method: a helper taking or returning a vector that C2 declines to inline
 * (it judges by bytecode size and call frequency) would box its vectors and cost several times the math.
 */
public final class LanePhilox {
    /** Counters per call: one per lane. */
    public static final int LANES = Lanes.COUNT;
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
     * Computes one block per lane for counters {@code (c0, c1 + lane, c2, c3)} and key {@code (k0, k1)}. Takes
     * scalars and writes an array, so no vector crosses a call that C2 might not inline (it would be boxed).
     *
     * @param out receives word {@code j} of lane {@code l} at {@code out[j * LANES + l]}
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        // round 1: only word 1 differs across lanes, so both products are scalars
        long p0 = M0 * (c0 & LOW);
        long p1 = M1 * (c2 & LOW);
        IntVector x0 = Lanes.IOTA.add(c1).lanewise(XOR, (int) (p1 >>> 32) ^ k0);
        IntVector x1 = IntVector.broadcast(Lanes.INTS, (int) p1);
        IntVector x2 = IntVector.broadcast(Lanes.INTS, (int) (p0 >>> 32) ^ c3 ^ k1);
        IntVector x3 = IntVector.broadcast(Lanes.INTS, (int) p0);
        // both factors of every product visibly zero-extended from 32 bits (the multiplier too, masked in place), so
        // C2 emits one unsigned 32x32->64 multiply (vpmuludq) instead of a full 64-bit one: 1.6 times faster on AVX-512
        LongVector m0 = LongVector.broadcast(Lanes.LONGS, M0);
        LongVector m1 = LongVector.broadcast(Lanes.LONGS, M1);
        for (int r = 1; r < ROUNDS; r++) {
            k0 += W0;
            k1 += W1;
            // products on the long view: even int lanes masked to 32 bits, odd lanes shifted down
            LongVector w0 = x0.reinterpretAsLongs();
            LongVector w2 = x2.reinterpretAsLongs();
            LongVector even0 = w0.and(LOW).mul(m0.and(LOW));
            LongVector odd0 = w0.lanewise(LSHR, 32).mul(m0.and(LOW));
            LongVector even2 = w2.and(LOW).mul(m1.and(LOW));
            LongVector odd2 = w2.lanewise(LSHR, 32).mul(m1.and(LOW));
            IntVector high0 = even0.lanewise(LSHR, 32).or(odd0.and(HIGH)).reinterpretAsInts();
            IntVector high2 = even2.lanewise(LSHR, 32).or(odd2.and(HIGH)).reinterpretAsInts();
            IntVector n0 = high2.lanewise(XOR, x1).lanewise(XOR, k0);
            IntVector n2 = high0.lanewise(XOR, x3).lanewise(XOR, k1);
            x1 = x2.mul((int) M1);
            x3 = x0.mul((int) M0);
            x0 = n0;
            x2 = n2;
        }
        x0.intoArray(out, 0);
        x1.intoArray(out, Lanes.COUNT);
        x2.intoArray(out, 2 * Lanes.COUNT);
        x3.intoArray(out, 3 * Lanes.COUNT);
    }
}
