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
    /** Stream of the t copula's common chi-square mixing variable (one per path and step). */
    public static final int COPULA_MIXING = 1;
    /** Stream of the per-asset Merton jumps: block {@code a} serves asset {@code a}. */
    public static final int JUMPS = 2;
    /** Stream of the common jump factor: block 0. */
    public static final int COMMON_JUMP = 3;
    /** Stream of filtered historical simulation's row index: block 0, word 0 (uniform to {@code floor(u T)}). */
    public static final int BOOTSTRAP = 4;
    /**
     * Stream of continuous monitoring's within-step draws: block {@code a}, the uniforms of asset {@code a}'s least
     * and greatest log price over the step, two steps to a block (step {@code t}, 1-based, at counter step
     * {@code (t - 1) / 2}: words 0 and 1 for odd {@code t}, 2 and 3 for even); at counter step {@code t - 1}, block
     * {@code assets}: word 0 the uniform of the margin
     * excess's least value, words 1 to 3 the crossing time's (a Box-Muller normal and a uniform); block
     * {@code assets + 1 + a}: words 0 to 2 the crossing time of asset {@code a}'s bridge. Segment {@code k} of a step
     * (after a fill within it) uses the same layout from block {@code k (2 assets + 1)} on. Its own stream, so the
     * draws of discrete monitoring are the same with it or without it.
     */
    public static final int MONITORING = 5;
    /** Asset {@code a}'s own chi-square mixing variable (Student-t innovations) uses stream {@code ASSET_MIXING + a}. */
    public static final int ASSET_MIXING = 16;
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
        normals(seed, step, path, stream, 0, blocks, out, scratch);
    }

    /** Fills {@code out[0 .. 4*blocks)} with the normals of blocks {@code firstBlock ..} of one (step, path, stream). */
    public static void normals(long seed, int step, long path, int stream, int firstBlock, int blocks, double[] out,
                               int[] scratch) {
        for (int b = 0; b < blocks; b++) {
            words(seed, step, path, firstBlock + b, stream, scratch);
            boxMuller(scratch[0], scratch[1], out, 4 * b);
            boxMuller(scratch[2], scratch[3], out, 4 * b + 2);
        }
    }

    /** The four raw words of block {@code block}, for models that need uniforms as well as normals. */
    public static void words(long seed, int step, long path, int block, int stream, int[] out) {
        Philox4x32.block(step, (int) path, block, stream, (int) seed, (int) (seed >>> 32), out);
    }

    /** The first (cosine) normal of the Box-Muller pair of two words. */
    public static double normal(int w0, int w1) {
        return Math.sqrt(-2.0 * Math.log(uniform(w0))) * Math.cos(TWO_PI * uniform(w1));
    }

    private static void boxMuller(int w0, int w1, double[] out, int at) {
        double radius = Math.sqrt(-2.0 * Math.log(uniform(w0)));
        double angle = TWO_PI * uniform(w1);
        out[at] = radius * Math.cos(angle);
        out[at + 1] = radius * Math.sin(angle);
    }
}
