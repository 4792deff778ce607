package io.marginsim.market;

import io.marginsim.rng.ShockStream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Moments and quantiles of the fixed-draw chi-square, integer (exact sum of squares) and fractional. */
class ChiSquareTest {
    private static final int N = 20_000;

    @ParameterizedTest(name = "nu = {0}")
    @ValueSource(doubles = {3, 4.5, 2.2, 7.8})
    void meanVarianceAndLowerTailMatchTheDistribution(double nu) {
        ChiSquare chi = new ChiSquare(nu);
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            w[i] = chi.sample(99, i % 7, i, ShockStream.ASSET_MIXING);
        }
        // mean: SE sqrt(2 nu / N); variance: SE sqrt((mu4 - sigma^4) / N) with mu4 = 12 nu^2 + 48 nu
        assertThat(Draws.mean(w)).isCloseTo(nu, within(4 * Math.sqrt(2 * nu / N)));
        assertThat(Draws.variance(w)).isCloseTo(2 * nu, within(4 * Math.sqrt((8 * nu * nu + 48 * nu) / N)));
        // the lower tail makes the t's heavy tails: P(W < q_0.05) is binomial with SE sqrt(0.05 0.95 / N)
        double q = new ChiSquaredDistribution(nu).inverseCumulativeProbability(0.05);
        long below = java.util.Arrays.stream(w).filter(x -> x < q).count();
        assertThat((double) below / N).isCloseTo(0.05, within(4 * Math.sqrt(0.05 * 0.95 / N)));
    }
}
