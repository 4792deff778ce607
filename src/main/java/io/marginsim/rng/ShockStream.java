package io.marginsim.rng;

/**
 * The standard normal shocks of the simulation, addressed by coordinates rather than drawn in sequence.
 *
 * <p>Draw {@code 4 * block + j} of path {@code path} at step {@code step} in stream {@code stream} comes from
 * Philox4x32-10 with key = (low, high) words of the seed and counter = (step, path, block, stream). The four
 * words become four normals by two Box-Muller transforms, each uniform being {@code (word + 0.5) * 2^-32},
 * which lies strictly inside (0, 1) so the logarithm is always finite. Paths are therefore limited to
 * 2<sup>32</sup> per run.
 */
public final class ShockStream {
    /** Stream index of the price shocks. */
    public static final int PRICE = 0;
    private static final double TWO_PI = 2.0 * Math.PI;
    private static final double TWO_POW_M32 = 0x1.0p-32;

    private ShockStream() {
    }

    /** Maps a 32-bit word, read as unsigned, to the open interval (0, 1). */
    public static double uniform(int word) {
        return ((word & 0xFFFFFFFFL) + 0.5) * TWO_POW_M32;
    }

    /**
     * Fills {@code out[0 .. 4*blocks)} with the normals of one (step, path, stream).
     *
     * @param scratch four words of scratch space, so the hot loop allocates nothing
     */
    public static void normals(long seed, int step, long path, int stream, int blocks, double[] out, int[] scratch) {
        int k0 = (int) seed;
        int k1 = (int) (seed >>> 32);
        for (int b = 0; b < blocks; b++) {
            Philox4x32.block(step, (int) path, b, stream, k0, k1, scratch);
            boxMuller(scratch[0], scratch[1], out, 4 * b);
            boxMuller(scratch[2], scratch[3], out, 4 * b + 2);
        }
    }

    private static void boxMuller(int w0, int w1, double[] out, int at) {
        double radius = Math.sqrt(-2.0 * Math.log(uniform(w0)));
        double angle = TWO_PI * uniform(w1);
        out[at] = radius * Math.cos(angle);
        out[at + 1] = radius * Math.sin(angle);
    }
}
