package io.marginsim.market;

import io.marginsim.check.Checks;

/**
 * Merton (1976) jumps: a Poisson number of jumps at {@code intensity} per year, each with a normal log size of
 * mean {@code mean} and standard deviation {@code stdev}.
 */
public record Jumps(double intensity, double mean, double stdev) {
    public Jumps {
        Checks.nonNegative("intensity", intensity);
        Checks.magnitudeAtMost("mean", mean, Checks.MAX_LOG_RETURN);
        Checks.atMost("stdev", Checks.nonNegative("stdev", stdev), Checks.MAX_LOG_RETURN);
    }
}
