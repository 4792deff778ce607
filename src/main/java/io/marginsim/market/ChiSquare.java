package io.marginsim.market;

import io.marginsim.rng.ShockStream;

/**
 * Chi-square variates from the counter-based streams with a fixed number of draws, so every engine can
 * reproduce them without data-dependent loops.
 *
 * <p>For {@code nu = n + f} with {@code n = floor(nu)} and {@code 0 <= f < 1}:
 * <ul>
 *   <li>the integer part is exact: the sum of squares of the {@code n} normals of blocks {@code 0 .. ceil(n/4)-1}
 *       of the variable's stream, in {@link ShockStream#normals} order;</li>
 *   <li>a fractional part {@code f > 0} adds {@code 2 G} with {@code G ~ Gamma(a = f/2)}, drawn as
 *       {@code G = Gamma(a + 1) * V^(1/a)} (Marsaglia and Tsang 2000, section 6) with {@code Gamma(a + 1)} from
 *       Marsaglia-Tsang's squeeze-free test on exactly {@value #CANDIDATES} candidates: {@code d = a + 2/3},
 *       {@code c = 1/sqrt(9d)}, candidate {@code k} uses normal {@code g_k} (block {@link #FRACTION_BLOCK} + 1,
 *       normal {@code k}) and uniform {@code u_k} (block {@link #FRACTION_BLOCK}, word {@code k}),
 *       {@code v = (1 + c g_k)^3}, accepted when {@code v > 0} and
 *       {@code log u_k < g_k^2/2 + d - d v + d log v}; the first accepted gives {@code d v}. {@code V} is word 0 of
 *       block {@link #FRACTION_BLOCK} + 2.</li>
 * </ul>
 * <b>Accuracy.</b> Integer degrees of freedom are exact. For a fractional part the method is exact unless all
 * candidates are rejected; Marsaglia-Tsang accepts with probability at least 0.95 for shape {@code >= 1}, so
 * that happens with probability below {@code 0.05^4 = 6.3e-6} per variate, and then {@code d} (close to the
 * mean {@code a + 1}) is used: a bias in the fractional term only, at most {@code 6.3e-6 * 2 * 1.5} in the mean.
 */
public final class ChiSquare {
    /** Number of Marsaglia-Tsang candidates drawn for the fractional part, accepted or not. */
    public static final int CANDIDATES = 4;
    /** First Philox block of the fractional part, far above any integer part's blocks. */
    public static final int FRACTION_BLOCK = 1 << 16;

    private final double dof;
    private final int whole;
    private final double[] normals;
    private final int[] words = new int[4];

    public ChiSquare(double dof) {
        this.dof = dof;
        this.whole = (int) Math.floor(dof);
        this.normals = new double[4 * Math.max(1, (whole + 3) / 4)];
    }

    /** The variate of one (step, path, stream); {@code step} is the counter step (simulation step - 1). */
    public double sample(long seed, int step, long path, int stream) {
        ShockStream.normals(seed, step, path, stream, 0, (whole + 3) / 4, normals, words);
        double sum = 0;
        for (int k = 0; k < whole; k++) {
            sum += normals[k] * normals[k];
        }
        double fraction = dof - whole;
        if (fraction > 0) {
            sum += 2 * fractionalGamma(0.5 * fraction, seed, step, path, stream);
        }
        return sum;
    }

    private double fractionalGamma(double a, long seed, int step, long path, int stream) {
        ShockStream.normals(seed, step, path, stream, FRACTION_BLOCK + 1, 1, normals, words);
        ShockStream.words(seed, step, path, FRACTION_BLOCK, stream, words);
        double d = a + 1 - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        double gamma = d;
        for (int k = CANDIDATES - 1; k >= 0; k--) {
            // scanned backwards so the last assignment is the first accepted candidate, with no early exit
            double v = 1 + c * normals[k];
            v = v * v * v;
            if (v > 0 && Math.log(ShockStream.uniform(words[k]))
                    < 0.5 * normals[k] * normals[k] + d - d * v + d * Math.log(v)) {
                gamma = d * v;
            }
        }
        ShockStream.words(seed, step, path, FRACTION_BLOCK + 2, stream, words);
        return gamma * Math.pow(ShockStream.uniform(words[0]), 1 / a);
    }
}
