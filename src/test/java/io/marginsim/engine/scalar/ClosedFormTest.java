package io.marginsim.engine.scalar;

import io.marginsim.engine.Engine;
import io.marginsim.engine.Specs;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import io.marginsim.stats.PathStats;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One GBM asset against the continuous-barrier first-passage probability
 * {@code P = Phi((-a - nu T) / (sigma sqrt T)) + exp(-2 nu a / sigma^2) Phi((-a + nu T) / (sigma sqrt T))},
 * with the barrier moved away by the Broadie-Glasserman-Kou factor {@code exp(0.5826 sigma sqrt(dt))} for discrete
 * monitoring (step ends only; {@link ContinuousMonitoringTest} has continuous). A short is a long under price
 * reflection: its up-barrier uses the same formula with {@code -nu}.
 */
class ClosedFormTest {
    private static final double BGK = 0.5826;
    private static final NormalDistribution N = new NormalDistribution();

    @ParameterizedTest(name = "size {0}, vol {1}, drift {2}")
    @CsvSource({"10, 0.8, 0.0", "10, 0.5, 0.3", "-10, 0.8, 0.0", "-10, 0.6, -0.2"})
    void breachProbabilityMatchesFirstPassage(double size, double vol, double drift) {
        double cash = 100;
        double rate = 0.05;
        int days = 32;
        int stepsPerDay = 8;
        int paths = 100_000;
        Spec spec = Specs.single(vol, drift, size, cash, rate, days, stepsPerDay, paths, 7, Monitoring.DISCRETE);
        double simulated = scalarBreachProbability(spec);
        double dt = days / 365.0 / (days * stepsPerDay);
        double expected = accountFirstPassage(size, vol, drift, cash, rate, days, BGK * vol * Math.sqrt(dt));

        double standardError = Math.sqrt(expected * (1 - expected) / paths);
        assertThat(expected).isBetween(0.05, 0.95);
        assertThat(simulated).isCloseTo(expected, within(4 * standardError));
    }

    /** The fraction of {@code spec}'s paths that breach on the scalar reference. */
    static double scalarBreachProbability(Spec spec) {
        PathStats stats;
        try (Engine engine = new ScalarEngine()) {
            stats = engine.run(ProblemCompiler.compile(spec), 0, spec.paths(), Engine.ProgressListener.NONE);
        }
        return (double) stats.breaches() / spec.paths();
    }

    /**
     * The continuous first-passage probability of the account of {@link Specs#single} (price 100, entry 100), its
     * liquidation price moved away by {@code shift} in log terms: equity {@code cash + size (P - 100)} falls below
     * {@code rate |size| P} exactly when P crosses {@code (size 100 - cash) / (size - rate |size|)}; a short's
     * up-crossing is the reflected down-crossing.
     */
    static double accountFirstPassage(double size, double vol, double drift, double cash, double rate, int days,
                                      double shift) {
        double barrier = (size * 100 - cash) / (size - rate * Math.abs(size));
        double t = days / 365.0;
        double nu = drift - 0.5 * vol * vol;
        return size > 0
                ? firstPassage(Math.log(100 / barrier) + shift, nu, vol, t)
                : firstPassage(Math.log(barrier / 100) + shift, -nu, vol, t);
    }

    /** Probability that {@code nu t + sigma W_t} falls to {@code -a} (a > 0) by time {@code t}. */
    static double firstPassage(double a, double nu, double sigma, double t) {
        double s = sigma * Math.sqrt(t);
        return N.cumulativeProbability((-a - nu * t) / s)
                + Math.exp(-2 * nu * a / (sigma * sigma)) * N.cumulativeProbability((-a + nu * t) / s);
    }
}
