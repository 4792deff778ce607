package io.marginsim.engine;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bridge's minimum and crossing time against their laws computed another way: the crossing probability
 * {@code exp(-2 a c / v)}, and the crossing time's density {@code f(t) ~ a t^-3/2 exp(-a^2 / (2 v t))} (first passage
 * from {@code a}) times {@code (1 - t)^-1/2 exp(-c^2 / (2 v (1 - t)))} (from 0 to {@code c} in the rest), integrated
 * numerically.
 */
class BridgeCrossingTest {
    private static final int DRAWS = 200_000;

    @ParameterizedTest(name = "a {0}, c {1}, v {2}")
    @CsvSource({"1.0, 0.5, 1.0", "0.3, 1.2, 0.5", "0.8, -0.4, 1.0", "0.5, 0.0, 1.0", "2.0, 0.1, 4.0"})
    void crossingTimeHasTheFirstPassageLawOfTheBridge(double a, double c, double v) {
        RandomGenerator random = new MersenneTwister(5);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < DRAWS; i++) {
            double t = BridgeCrossing.crossingTime(a, c, v, random.nextGaussian(), random.nextDouble());
            assertThat(t).isBetween(0.0, 1.0);
            sum += t;
            sumSquares += t * t;
        }
        double mean = sum / DRAWS;
        double standardError = Math.sqrt((sumSquares / DRAWS - mean * mean) / DRAWS);
        assertThat(mean).isCloseTo(densityMean(a, c, v), within(4 * standardError));
    }

    @ParameterizedTest(name = "a {0}, c {1}, v {2}")
    @CsvSource({"1.0, 0.5, 1.0", "0.3, 1.2, 0.5", "2.0, 0.1, 4.0"})
    void theMinimumFallsBelowZeroWithTheBridgeCrossingProbability(double a, double c, double v) {
        RandomGenerator random = new MersenneTwister(6);
        int below = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (BridgeCrossing.minimum(a, c, v, 1 - random.nextDouble()) < 0) {
                below++;
            }
        }
        double expected = Math.exp(-2 * a * c / v);
        double standardError = Math.sqrt(expected * (1 - expected) / DRAWS);
        assertThat((double) below / DRAWS).isCloseTo(expected, within(4 * standardError));
    }

    /** Mean of the crossing time by the midpoint rule on the unnormalised density, in u = t^(1/2) near 0. */
    private static double densityMean(double a, double c, double v) {
        int n = 400_000;
        double mass = 0;
        double moment = 0;
        for (int k = 0; k < n; k++) {
            double u = (k + 0.5) / n;
            double t = u * u;
            double f = a * Math.pow(t, -1.5) * Math.exp(-a * a / (2 * v * t))
                    * Math.pow(1 - t, -0.5) * Math.exp(-c * c / (2 * v * (1 - t))) * 2 * u;
            mass += f;
            moment += t * f;
        }
        return moment / mass;
    }
}
