package io.marginsim.engine.vector;

import io.marginsim.market.MertonJumps;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.SQRT;
import static jdk.incubator.vector.VectorOperators.UGE;

/**
 * One compound Poisson jump process of {@link MertonJumps} for {@link Lanes#COUNT} paths: the log jump of a
 * step from the four words of its Philox block, {@code N mu + sqrt(N) s g}.
 *
 * <p>The count is the reference's inversion, exactly: its CDF terms {@code F(0), F(1), ..} do not depend on the
 * path, so they are computed once in double as {@link MertonJumps#count} computes them, and {@code u > F(i)} with
 * {@code u = (w + 0.5) 2^-32} is turned into the integer test {@code w >= floor(F(i) 2^32 - 0.5) + 1} on the raw
 * word. The count is the number of terms a lane passes (the CDF ascends, so passing stops at the first failure),
 * at most the cap; the loop ends as soon as no lane passes, which with a small per-step mean is after one test.
 * The normal {@code g} (words 2 and 3) is computed only when some lane jumps.
 */
final class LaneJumps {
    private static final int L = Lanes.COUNT;
    private static final float TWO_PI = (float) (2.0 * Math.PI);
    private final int stream;
    private final int block;
    private final int k0;
    private final int k1;
    /** Unsigned word thresholds of the CDF terms a lane can pass; shorter than the cap where F reaches 1. */
    private final int[] threshold;
    private final float logMean;
    private final float logStdev;
    private final int[] words = new int[4 * L];
    private final float[] uniforms = new float[4 * L];

    LaneJumps(double mean, int cap, double logMean, double logStdev, int stream, int block, long seed) {
        this.stream = stream;
        this.block = block;
        k0 = (int) seed;
        k1 = (int) (seed >>> 32);
        this.logMean = (float) logMean;
        this.logStdev = (float) logStdev;
        threshold = thresholds(mean, cap);
    }

    /** The word thresholds of {@code u > F(i)} for {@code i < cap}, in the reference's order of operations. */
    static int[] thresholds(double mean, int cap) {
        int[] out = new int[cap];
        double p = Math.exp(-mean);
        double cdf = p;
        for (int k = 0; k < cap; k++) {
            // cdf * 2^32 is exact, and so is subtracting 0.5 below 2^32
            long t = (long) Math.floor(cdf * 0x1.0p32 - 0.5) + 1;
            if (t >= 1L << 32) {
                return java.util.Arrays.copyOf(out, k); // no word passes this term or any later one
            }
            out[k] = (int) Math.max(0, t);
            p *= mean / (k + 1);
            cdf += p;
        }
        return out;
    }

    /** Writes the log jump of counter step {@code step} for paths {@code firstPath + lane} to {@code out[at ..]}. */
    void fill(int step, int firstPath, float[] out, int at) {
        LanePhilox.block(step, firstPath, block, stream, k0, k1, words);
        IntVector word = IntVector.fromArray(Lanes.INTS, words, 0);
        IntVector count = IntVector.zero(Lanes.INTS);
        boolean any = false;
        for (int i = 0; i < threshold.length; i++) {
            VectorMask<Integer> passes = word.compare(UGE, threshold[i]);
            if (!passes.anyTrue()) {
                break;
            }
            any = true;
            count = count.add(1, passes);
        }
        if (!any) {
            FloatVector.zero(Lanes.FLOATS).intoArray(out, at);
            return;
        }
        count.intoArray(words, 0);
        LaneUniforms.convert(words, 2, uniforms, 2 * L);
        LaneUniforms.convert(words, 3, uniforms, 3 * L);
        writeSizes(out, at);
    }

    /** {@code N mu + sqrt(N) s g} from the counts in the first lanes of {@code words} and uniforms 2 and 3. */
    private void writeSizes(float[] out, int at) {
        FloatVector n = (FloatVector) IntVector.fromArray(Lanes.INTS, words, 0).convert(I2F, 0);
        FloatVector g = FloatVector.fromArray(Lanes.FLOATS, uniforms, 2 * L).lanewise(LOG).mul(-2f).lanewise(SQRT)
                .mul(FloatVector.fromArray(Lanes.FLOATS, uniforms, 3 * L).mul(TWO_PI).lanewise(COS));
        n.lanewise(SQRT).mul(logStdev).mul(g).add(n.mul(logMean)).intoArray(out, at);
    }
}
