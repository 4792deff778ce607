package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.engine.Engine;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.engine.Specs;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.stats.PathStats;
import io.marginsim.result.Samples;
import io.marginsim.spec.SpecReader;
import io.marginsim.market.PriceHistories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * DCC correlation and filtered historical simulation in float lanes against the double scalar reference, path by
 * path from the same draws (first-breach steps on at least 99.9% of paths, shortfalls and equities within
 * {@value #RELATIVE} of gross notional), and independent of chunking and threads.
 */
class VectorDccAndHistoricalTest {
    private static final double RELATIVE = 5e-6;
    private static final int PATHS = 10_000;
    private static final String GARCH = "\"garch\": {\"alpha\": 0.1, \"beta\": 0.85}";
    @TempDir
    static Path dir;
    private static CompiledProblem historical;

    @BeforeAll
    static void writeHistory() throws IOException {
        // 60 daily prices: 59 residual rows, so many paths share rows and the gather is exercised at its edges
        Files.writeString(dir.resolve("prices.csv"), history(60));
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"assets": [{"name": "BTC", "price": 100},
                            {"name": "ETH", "price": 10, "volatility": 0.9, "garch": {"alpha": 0.05, "beta": 0.9}}],
                 "market": {"historical": {"prices": "prices.csv"}},
                 "account": {"cash": 120, "positions": [
                   {"asset": "BTC", "size": 10, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                   {"asset": "ETH", "size": -20, "entryPrice": 10, "rules": {"type": "flat", "rate": 0.05}}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": 42, "engine": "vector"}""");
        historical = ProblemCompiler.compile(SpecReader.read(spec));
    }

    @ParameterizedTest(name = "garch = {0}")
    @ValueSource(booleans = {false, true})
    void dccWithTwoAssets(boolean garch) {
        CompiledProblem p = dcc(2, garch, 0.06, 0.9, 51);
        assertThat(p.featuresInUse()).contains(Feature.DCC);
        assertAgrees(p, 1_000, PATHS);
    }

    @ParameterizedTest(name = "garch = {0}")
    @ValueSource(booleans = {false, true})
    void dccWithFourAssets(boolean garch) {
        assertAgrees(dcc(4, garch, 0.05, 0.92, 52), 1_000, PATHS / 2);
    }

    @Test
    void dccWithoutWeightsIsTheConstantCorrelation() {
        assertAgrees(dcc(4, false, 0, 0, 53), 0, PATHS / 4);
    }

    @Test
    void dccWithPerfectlyCorrelatedAssetsTakesThePivotRule() {
        // assets 0 and 1 correlated 1: the target's factor has a zero pivot, and Q keeps R singular in that pair
        CompiledProblem p = compile(spec(3, "", "[[1, 1, 0.3], [1, 1, 0.3], [0.3, 0.3, 1]]",
                "\"dcc\": {\"a\": 0.05, \"b\": 0.9}", 54));
        assertAgrees(p, 0, PATHS / 4);
    }

    @ParameterizedTest(name = "rho = {0}")
    @ValueSource(doubles = {0.99, 0.9999, 0.999999})
    void dccNearlySingular(double rho) {
        CompiledProblem p = compile(spec(3, GARCH,
                String.format(Locale.ROOT, "[[1, %1$s, %1$s], [%1$s, 1, %1$s], [%1$s, %1$s, 1]]", rho),
                "\"dcc\": {\"a\": 0.05, \"b\": 0.9}", 57));
        assertAgrees(p, 0, PATHS / 2);
    }

    @Test
    void dccWithStudentTAndJumps() {
        CompiledProblem p = compile(spec(3, "\"degreesOfFreedom\": 5, \"jumpIntensity\": 40, \"jumpMean\": -0.05, "
                + "\"jumpStdev\": 0.05, " + GARCH, correlation(3), "\"dcc\": {\"a\": 0.08, \"b\": 0.88}", 55));
        assertAgrees(p, 1_000, PATHS / 2);
    }

    @Test
    void filteredHistoricalSimulation() {
        assertThat(historical.historyRows).isEqualTo(59);
        assertThat(historical.featuresInUse()).contains(Feature.HISTORICAL);
        assertAgrees(historical, 1_000, PATHS);
    }

    @Test
    void bothModelsAreImplemented() {
        try (VectorEngine engine = new VectorEngine(1, 64)) {
            assertThat(engine.implementedFeatures()).contains(Feature.DCC, Feature.HISTORICAL);
            assertThat(historical.featuresBeyond(engine.implementedFeatures())).isEmpty();
            assertThat(dcc(2, true, 0.05, 0.9, 1).featuresBeyond(engine.implementedFeatures())).isEmpty();
        }
    }

    @Test
    void resultsDoNotDependOnChunkSizeOrThreadCount() {
        // the DCC state is per lane and reset per block of lanes; the Vector API's transcendental functions may
        // differ by an ulp between interpreted and compiled code, so equal bits are not guaranteed
        assertIndependentOfGeometry(dcc(4, true, 0.05, 0.9, 56), 1e-3);
        assertIndependentOfGeometry(historical, 1e-3);
    }

    /** The agreement of {@link Agreement}, on a problem where a fair share of paths breach, at various steps. */
    private static void assertAgrees(CompiledProblem problem, long firstPath, int size) {
        PathBlock reference = new PathBlock(size);
        new ScalarEngine(1, size).simulate(problem, firstPath, reference);
        long breached = java.util.Arrays.stream(reference.firstBreachStep).filter(s -> s != PathBlock.NO_BREACH).count();
        long steps = java.util.Arrays.stream(reference.firstBreachStep).filter(s -> s != PathBlock.NO_BREACH).distinct()
                .count();
        assertThat((double) breached / size).as("share of paths that breach").isBetween(0.05, 0.95);
        assertThat(steps).as("distinct first-breach steps").isGreaterThan(20);
        Agreement.assertAgrees(problem, firstPath, size, RELATIVE);
    }

    private static void assertIndependentOfGeometry(CompiledProblem problem, double tolerance) {
        try (VectorEngine whole = new VectorEngine(1, 1_000_000)) {
            PathStats reference = whole.run(problem, 5, 3_001, Engine.ProgressListener.NONE);
            for (int[] geometry : new int[][] {{1, 1}, {2, 17}, {2, 333}, {3, 1024}}) {
                try (VectorEngine engine = new VectorEngine(geometry[0], geometry[1])) {
                    PathStats stats = engine.run(problem, 5, 3_001, Engine.ProgressListener.NONE);
                    assertThat(stats.breachesAtStep()).as("threads %d chunk %d", geometry[0], geometry[1])
                            .containsExactly(reference.breachesAtStep());
                    assertClose(Samples.sorted(stats.worstShortfall()), Samples.sorted(reference.worstShortfall()),
                            tolerance);
                    assertClose(Samples.sorted(stats.terminalEquity()), Samples.sorted(reference.terminalEquity()),
                            tolerance);
                }
            }
        }
    }

    private static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(tolerance));
        }
    }

    /** {@code n} assets with DCC weights {@code a}, {@code b}; GARCH on every asset when asked. */
    private static CompiledProblem dcc(int n, boolean garch, double a, double b, long seed) {
        return compile(spec(n, garch ? GARCH : "", correlation(n),
                String.format(Locale.ROOT, "\"dcc\": {\"a\": %s, \"b\": %s}", a, b), seed));
    }

    /** Correlation {@code 0.5 - 0.1 |i - j|} off the diagonal: positive definite for up to four assets. */
    private static String correlation(int n) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < n; j++) {
                s.append(j == 0 ? "" : ", ").append(i == j ? "1" : String.valueOf(0.5 - 0.1 * Math.abs(i - j)));
            }
            s.append(']');
        }
        return s.append(']').toString();
    }

    /**
     * {@code n} assets (prices 100, 50, 20, 10; volatilities 0.7 to 1.0) with the given keys each, alternately
     * long and short at about 8x in one cross-margined pool, 16 days of 8 steps.
     */
    private static String spec(int n, String assetKeys, String correlation, String market, long seed) {
        double[] price = {100, 50, 20, 10};
        StringBuilder assets = new StringBuilder();
        StringBuilder positions = new StringBuilder();
        for (int a = 0; a < n; a++) {
            assets.append(a == 0 ? "" : ", ").append("{\"name\": \"A").append(a).append("\", \"price\": ")
                    .append(price[a]).append(", \"volatility\": ").append(0.7 + 0.1 * a)
                    .append(assetKeys.isEmpty() ? "" : ", " + assetKeys).append('}');
            positions.append(a == 0 ? "" : ", ").append("{\"asset\": \"A").append(a).append("\", \"size\": ")
                    .append((a % 2 == 0 ? 1 : -1) * 1000 / price[a]).append(", \"entryPrice\": ").append(price[a])
                    .append(", \"rules\": {\"type\": \"flat\", \"rate\": 0.05}}");
        }
        return String.format(Locale.ROOT, """
                {"assets": [%s], "correlation": %s, "market": {%s},
                 "account": {"cash": %s, "positions": [%s]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"}""",
                assets, correlation, market, 125 * n, positions, seed);
    }

    private static CompiledProblem compile(String json) {
        return ProblemCompiler.compile(Specs.parse(json));
    }

    /** Daily BTC and ETH prices, see {@link PriceHistories#garchPair}. */
    private static String history(int rows) {
        return PriceHistories.garchPair("BTC", "ETH", rows, 11);
    }
}
