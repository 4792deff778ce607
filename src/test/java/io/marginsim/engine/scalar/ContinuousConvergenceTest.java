package io.marginsim.engine.scalar;

import io.marginsim.engine.Engine;
import io.marginsim.engine.Specs;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.stats.PathStats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Where no closed form exists, continuous monitoring at hourly steps against step-end monitoring at one-minute
 * steps, which is close to the continuous answer (its own bias, the Broadie-Glasserman-Kou shift of
 * {@code 0.5826 sigma sqrt(dt)}, is a few basis points of price here): within 4 standard errors of the difference
 * plus 0.003. Hourly step-end monitoring misses them by far more, so the check has teeth. The cases:
 * <ul>
 *   <li>cross margin over two correlated assets, a long and a short, with collateral in the second (the excess is
 *       treated as Brownian within a step);</li>
 *   <li>one long under a tiered mark-price rule whose brackets the position crosses as the price moves;</li>
 *   <li>isolated margin, a long and a short on one asset.</li>
 * </ul>
 */
class ContinuousConvergenceTest {
    private static final String TWO_ASSETS = """
            {"assets": [{"name": "BTC", "price": 100, "volatility": 0.8, "drift": 0.05},
                        {"name": "ETH", "price": 40, "volatility": 1.1, "drift": -0.1}],
             "correlation": [[1, 0.3], [0.3, 1]],
             "account": {"cash": 0, "collateral": [{"asset": "ETH", "amount": 2, "haircut": 0.2}],
                         "positions": [{"asset": "BTC", "size": 10, "entryPrice": 100,
                                        "rules": {"type": "flat", "rate": 0.01}},
                                       {"asset": "ETH", "size": -6, "entryPrice": 40,
                                        "rules": {"type": "flat", "rate": 0.01}}]},
             "horizonDays": 2, "stepsPerDay": %d, "paths": %d, "seed": 31, "engine": "scalar",
             "monitoring": "%s"}""";
    private static final String TIERED = """
            {"assets": [{"name": "BTC", "price": 100, "volatility": 0.8}],
             "account": {"cash": 80, "positions": [{"asset": "BTC", "size": 10, "entryPrice": 100,
                 "rules": {"type": "tiered", "basis": "mark", "tiers": [{"floor": 0, "rate": 0.01},
                           {"floor": 950, "rate": 0.03}, {"floor": 1050, "rate": 0.06}]}}]},
             "horizonDays": 2, "stepsPerDay": %d, "paths": %d, "seed": 32, "engine": "scalar",
             "monitoring": "%s"}""";
    private static final String ISOLATED = """
            {"assets": [{"name": "BTC", "price": 100, "volatility": 0.8}],
             "account": {"mode": "isolated", "cash": 0, "positions": [
                 {"asset": "BTC", "size": 10, "entryPrice": 100, "margin": 60,
                  "rules": {"type": "flat", "rate": 0.01}},
                 {"asset": "BTC", "size": -5, "entryPrice": 100, "margin": 30,
                  "rules": {"type": "flat", "rate": 0.01}}]},
             "horizonDays": 2, "stepsPerDay": %d, "paths": %d, "seed": 33, "engine": "scalar",
             "monitoring": "%s"}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"two assets", "tiered", "isolated"})
    void hourlyContinuousAgreesWithMinuteDiscrete(String name) {
        String spec = switch (name) {
            case "two assets" -> TWO_ASSETS;
            case "tiered" -> TIERED;
            default -> ISOLATED;
        };
        int hourlyPaths = 40_000;
        int minutePaths = 10_000;
        double continuous = breachProbability(String.format(Locale.ROOT, spec, 24, hourlyPaths, "continuous"),
                hourlyPaths);
        double fine = breachProbability(String.format(Locale.ROOT, spec, 1440, minutePaths, "discrete"), minutePaths);
        double standardError = Math.sqrt(continuous * (1 - continuous) / hourlyPaths
                + fine * (1 - fine) / minutePaths);
        assertThat(fine).isBetween(0.05, 0.95);
        assertThat(continuous).isCloseTo(fine, within(4 * standardError + 0.003));
    }

    private static double breachProbability(String json, int paths) {
        PathStats stats;
        try (Engine engine = new ScalarEngine()) {
            stats = engine.run(ProblemCompiler.compile(Specs.parse(json)), 0, paths, Engine.ProgressListener.NONE);
        }
        return (double) stats.breaches() / paths;
    }
}
