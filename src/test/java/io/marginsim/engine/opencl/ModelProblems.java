package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.engine.Specs;
import io.marginsim.spec.SpecReader;
import io.marginsim.market.PriceHistories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Leveraged accounts on each market model beyond GBM, written as specs so the models are compiled as users get
 * them; the leverage puts a good share of paths, but not all, through a breach within the 64 steps.
 */
final class ModelProblems {
    private static final String ONE_LONG = """
            {"cash": 14, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
             "rules": {"type": "flat", "rate": 0.05}}]}""";
    private static final String TWO_ASSETS = """
            {"cash": 10, "positions": [
             {"asset": "X", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "Y", "size": -0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]}""";
    private static final String THREE_ASSETS = """
            {"cash": 8, "collateral": [{"asset": "Z", "amount": 0.2, "haircut": 0.1}], "positions": [
             {"asset": "X", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "Y", "size": -1, "entryPrice": 100, "rules": {"type": "tiered", "basis": "mark",
              "tiers": [{"floor": 0, "rate": 0.02}, {"floor": 100, "rate": 0.05}]}},
             {"asset": "Z", "size": 0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]}""";
    private static final String FOUR_ASSETS = """
            {"cash": 9, "collateral": [{"asset": "W", "amount": 0.1, "haircut": 0.1}], "positions": [
             {"asset": "X", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "Y", "size": -1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "Z", "size": 0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "W", "size": -0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]}""";
    /** An isolated long and short, each with its own margin, so each breaches on its own asset's extreme. */
    private static final String TWO_ISOLATED = """
            {"mode": "isolated", "cash": 10, "positions": [
             {"asset": "X", "size": 1, "entryPrice": 100, "margin": 14, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "Y", "size": -1, "entryPrice": 100, "margin": 14, "rules": {"type": "tiered", "basis": "mark",
              "tiers": [{"floor": 0, "rate": 0.02}, {"floor": 100, "rate": 0.05}]}}]}""";
    private static final String CORRELATION_2 = "[[1, 0.6], [0.6, 1]]";
    private static final String CORRELATION_4 = "[[1, 0.6, 0.4, 0.2], [0.6, 1, 0.5, 0.3], [0.4, 0.5, 1, -0.2],"
            + " [0.2, 0.3, -0.2, 1]]";
    /** A fast DCC: a large a moves the correlation visibly within the 64 steps. */
    private static final String DCC = "\"dcc\": {\"a\": 0.08, \"b\": 0.9}";
    private static final String CORRELATION_3 = "[[1, 0.6, 0.4], [0.6, 1, 0.5], [0.4, 0.5, 1]]";

    private ModelProblems() {
    }

    /** Fractional degrees of freedom, so the Marsaglia-Tsang part of the chi-square runs as well. */
    static CompiledProblem studentT(long seed) {
        return one("\"volatility\": 0.8, \"degreesOfFreedom\": 3.5", seed);
    }

    /** Five and a half degrees: the odd fifth normal of the integer part and the fractional part. */
    static CompiledProblem tCopula(long seed) {
        return two("\"volatility\": 0.8", "\"volatility\": 0.6",
                "\"copula\": \"t\", \"copulaDegreesOfFreedom\": 5.5", seed);
    }

    static CompiledProblem merton(long seed) {
        return one("\"volatility\": 0.5, \"jumpIntensity\": 40, \"jumpMean\": -0.04, \"jumpStdev\": 0.08", seed);
    }

    static CompiledProblem commonJump(long seed) {
        return two("\"volatility\": 0.5", "\"volatility\": 0.4",
                "\"commonJump\": {\"intensity\": 30, \"mean\": -0.05, \"stdev\": 0.05, \"betas\": [1, 0.6]}", seed);
    }

    /** Starts above the long-run volatility (0.79), so the variance state visibly moves. */
    static CompiledProblem garch(long seed) {
        return one("\"garch\": {\"omega\": 0.05, \"alpha\": 0.12, \"beta\": 0.8, \"initialVolatility\": 1.0}", seed);
    }

    /**
     * Starts at three times the long-run volatility under a volatility stress: each step's drift takes half of
     * {@code m^2 h}, the path's own variance.
     */
    static CompiledProblem garchUnderStress(long seed) {
        return compile("[{\"name\": \"X\", \"price\": 100, \"volatility\": 0.5, "
                        + "\"garch\": {\"alpha\": 0.1, \"beta\": 0.89, \"initialVolatility\": 1.5}}]", "[[1]]",
                "\"stress\": {\"volatilityMultiplier\": 1.5}", ONE_LONG, seed);
    }

    static CompiledProblem ar1(long seed) {
        return one("\"volatility\": 0.6, \"ar1\": 0.4", seed);
    }

    /** Every per-asset model at once, differently per asset, with a common jump and a tiered short. */
    static CompiledProblem combined(long seed) {
        return compile("""
                [{"name": "X", "price": 100, "volatility": 0.6, "degreesOfFreedom": 4,
                  "jumpIntensity": 20, "jumpMean": -0.03, "jumpStdev": 0.05},
                 {"name": "Y", "price": 100, "degreesOfFreedom": 6.5, "ar1": -0.2,
                  "garch": {"omega": 0.03, "alpha": 0.1, "beta": 0.85}},
                 {"name": "Z", "price": 100, "volatility": 0.9, "ar1": 0.3,
                  "jumpIntensity": 10, "jumpMean": 0.02, "jumpStdev": 0.1}]""", CORRELATION_3,
                "\"commonJump\": {\"intensity\": 15, \"mean\": -0.06, \"stdev\": 0.04, \"betas\": [1, 0.5, 0.8]}",
                THREE_ASSETS, seed);
    }

    /**
     * The t copula (which excludes per-asset t) with GARCH, AR(1) and jumps, under a stress overlay: its volatility
     * multiplier scales the GARCH shocks too, and its shock moves the start.
     */
    static CompiledProblem combinedCopula(long seed) {
        return compile("""
                [{"name": "X", "price": 100, "volatility": 0.6, "jumpIntensity": 20, "jumpMean": -0.03,
                  "jumpStdev": 0.05},
                 {"name": "Y", "price": 100, "ar1": 0.25, "garch": {"omega": 0.03, "alpha": 0.1, "beta": 0.85}},
                 {"name": "Z", "price": 100, "volatility": 0.9}]""", CORRELATION_3,
                "\"copula\": \"t\", \"copulaDegreesOfFreedom\": 4.25, \"stress\": {\"shock\": [-0.02, 0.01, 0],"
                        + " \"volatilityMultiplier\": 1.3, \"correlationToOne\": 0.2}", THREE_ASSETS, seed);
    }

    /** DCC on two assets of constant volatility, or (garch) with a GARCH asset next to one of constant volatility. */
    static CompiledProblem dcc2(long seed, boolean garch) {
        return two("\"volatility\": 0.8", garch ? "\"garch\": {\"omega\": 0.05, \"alpha\": 0.1, \"beta\": 0.85}"
                : "\"volatility\": 0.6", DCC, seed);
    }

    /** {@link #dcc2} with GARCH on Y, on isolated positions: a long on X and a tiered short on Y. */
    static CompiledProblem isolatedDcc(long seed) {
        return compile("[{\"name\": \"X\", \"price\": 100, \"volatility\": 0.8}, {\"name\": \"Y\", \"price\": 100, "
                + "\"garch\": {\"omega\": 0.05, \"alpha\": 0.1, \"beta\": 0.85}}]", CORRELATION_2, DCC, TWO_ISOLATED,
                seed);
    }

    /** DCC on four assets, a negative correlation among them; with garch two of them are GARCH assets. */
    static CompiledProblem dcc4(long seed, boolean garch) {
        String g = "\"garch\": {\"omega\": 0.04, \"alpha\": 0.1, \"beta\": 0.85}";
        return compile("""
                [{"name": "X", "price": 100, "volatility": 0.7},
                 {"name": "Y", "price": 100, %s},
                 {"name": "Z", "price": 100, "volatility": 0.9},
                 {"name": "W", "price": 100, %s}]""".formatted(garch ? g : "\"volatility\": 0.5",
                garch ? g : "\"volatility\": 0.8"), CORRELATION_4, DCC, FOUR_ASSETS, seed);
    }

    /**
     * DCC on the most assets it takes (16), with Student-t innovations, AR(1) and jumps on some of them, an
     * equicorrelated target (0.3) and positions on five assets.
     */
    static CompiledProblem dcc16(long seed) {
        StringBuilder assets = new StringBuilder("[");
        StringBuilder correlation = new StringBuilder("[");
        for (int a = 0; a < 16; a++) {
            assets.append(a == 0 ? "" : ", ").append("{\"name\": \"A").append(a).append("\", \"price\": 100, ")
                    .append(a % 4 == 1 ? "\"garch\": {\"omega\": 0.04, \"alpha\": 0.1, \"beta\": 0.85}"
                            : "\"volatility\": " + (0.5 + 0.05 * a))
                    .append(a % 3 == 0 ? ", \"degreesOfFreedom\": 5" : "")
                    .append(a % 5 == 2 ? ", \"ar1\": 0.2" : "")
                    .append(a == 7 ? ", \"jumpIntensity\": 20, \"jumpMean\": -0.03, \"jumpStdev\": 0.05" : "")
                    .append('}');
            correlation.append(a == 0 ? "[" : ", [");
            for (int b = 0; b < 16; b++) {
                correlation.append(b == 0 ? "" : ", ").append(a == b ? "1" : "0.3");
            }
            correlation.append(']');
        }
        String account = """
                {"cash": 30, "positions": [
                 {"asset": "A0", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                 {"asset": "A5", "size": -1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                 {"asset": "A7", "size": 0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                 {"asset": "A9", "size": 0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                 {"asset": "A15", "size": -0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]}""";
        return compile(assets.append(']').toString(), correlation.append(']').toString(), DCC, account, seed);
    }

    /**
     * Filtered historical simulation from a small history (60 daily prices of two assets, so 59 residual rows),
     * each asset with the GARCH fitted to its history, under a volatility stress so that a good share breaches.
     */
    static CompiledProblem historical(long seed) {
        return historical(seed, 60);
    }

    /** {@link #historical(long)} from {@code prices} daily prices, so {@code prices - 1} residual rows. */
    static CompiledProblem historical(long seed, int prices) {
        return historical(seed, prices, 3);
    }

    /** {@link #historical(long, int)} under the volatility stress {@code multiplier}. */
    static CompiledProblem historical(long seed, int prices, double multiplier) {
        try {
            Path dir = Files.createTempDirectory("fhs");
            Path file = dir.resolve("prices.csv");
            Path spec = dir.resolve("spec.json");
            try {
                Files.writeString(file, history(prices));
                Files.writeString(spec, """
                        {"assets": [{"name": "X", "price": 100}, {"name": "Y", "price": 100}],
                         "market": {"historical": {"prices": "prices.csv"},
                                    "stress": {"volatilityMultiplier": %s}},
                         "account": %s,
                         "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 4, "seed": %d, "engine": "scalar"}"""
                        .formatted(multiplier, TWO_ASSETS, seed));
                return ProblemCompiler.compile(SpecReader.read(spec));
            } finally {
                Files.deleteIfExists(spec);
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Daily X and Y prices, see {@link PriceHistories#garchPair}. */
    private static String history(int rows) {
        return PriceHistories.garchPair("X", "Y", rows, 7);
    }

    private static CompiledProblem one(String keys, long seed) {
        return compile("[{\"name\": \"X\", \"price\": 100, " + keys + "}]", "[[1]]", "", ONE_LONG, seed);
    }

    private static CompiledProblem two(String x, String y, String market, long seed) {
        return compile("[{\"name\": \"X\", \"price\": 100, " + x + "}, {\"name\": \"Y\", \"price\": 100, " + y + "}]",
                CORRELATION_2, market, TWO_ASSETS, seed);
    }

    private static CompiledProblem compile(String assets, String correlation, String market, String account,
                                           long seed) {
        return ProblemCompiler.compile(Specs.parse("""
                {"assets": %s, "correlation": %s,%s "account": %s,
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 4, "seed": %d, "engine": "scalar"}"""
                .formatted(assets, correlation, market.isEmpty() ? "" : " \"market\": {" + market + "},", account,
                        seed)));
    }
}
