package io.marginsim.market;

import io.marginsim.rng.ShockStream;

/**
 * Compound Poisson log jumps of Merton (1976), "Option pricing when underlying stock returns are discontinuous".
 *
 * <p>Per step the count {@code N} is Poisson with mean {@code m = intensity dt}, drawn by inversion of the
 * uniform of word 0 of the model's Philox block, capped at {@code cap}: the loop runs at most {@code cap} times,
 * so float engines can unroll it. Given {@code N}, the sum of {@code N} normal log jumps is exactly
 * {@code N mu + sqrt(N) s g} with {@code g} the normal of words 2 and 3 ({@link ShockStream#normal}).
 * The cap is the smallest count with {@code P(Poisson(m) > cap) <= }{@value #TRUNCATION}; capped draws keep
 * {@code cap} jumps, and the compensator below uses these capped probabilities, so the mean stays exact.
 */
public final class MertonJumps {
    /** Largest probability of more jumps in one step than the cap allows. */
    public static final double TRUNCATION = 1e-12;

    private MertonJumps() {
    }

    /** Poisson count by inversion: the smallest {@code k <= cap} with {@code u <= F(k)}. */
    public static int count(double u, double mean, int cap) {
        double p = Math.exp(-mean);
        double cdf = p;
        int k = 0;
        while (k < cap && u > cdf) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    /** Total log jump of one step of one jump process, from its block's four words. */
    public static double logJump(int[] words, double mean, int cap, double logMean, double logStdev) {
        int n = count(ShockStream.uniform(words[0]), mean, cap);
        return n == 0 ? 0 : n * logMean + Math.sqrt(n) * logStdev * ShockStream.normal(words[2], words[3]);
    }

    /** Smallest cap with {@code P(N > cap) <= TRUNCATION} for a Poisson mean {@code mean}, at least one. */
    public static int cap(double mean) {
        int k = 1;
        while (tail(mean, k) > TRUNCATION) {
            k++;
        }
        return k;
    }

    /** {@code P(N > k)} summed from the terms above {@code k}, which is accurate where {@code 1 - F} is not. */
    private static double tail(double mean, int k) {
        double term = Math.exp(-mean);
        for (int j = 1; j <= k; j++) {
            term *= mean / j;
        }
        double sum = 0;
        for (int j = k + 1; j < k + 200; j++) {
            term *= mean / j;
            sum += term;
        }
        return sum;
    }

    /**
     * Per-step log of {@code E[exp(beta J)]} for the capped count, subtracted from the drift so that
     * {@code E[S]} is unchanged: {@code log sum_k P(N = k) exp(k (beta mu + beta^2 s^2 / 2))} with the mass above
     * the cap put on the cap. Without the cap it is {@code m (exp(beta mu + beta^2 s^2/2) - 1)}.
     */
    public static double compensator(double mean, int cap, double beta, double logMean, double logStdev) {
        double growth = beta * logMean + 0.5 * beta * beta * logStdev * logStdev;
        double p = Math.exp(-mean);
        double below = 0;
        double sum = 0;
        for (int k = 0; k < cap; k++) {
            sum += p * Math.exp(k * growth);
            below += p;
            p *= mean / (k + 1);
        }
        sum += Math.max(0, 1 - below) * Math.exp(cap * growth);
        return Math.log(sum);
    }
}
