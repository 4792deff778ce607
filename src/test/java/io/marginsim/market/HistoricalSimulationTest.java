package io.marginsim.market;

import io.marginsim.check.SpecException;
import io.marginsim.engine.MarketPath;
import io.marginsim.engine.Specs;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Filtered historical simulation: bootstrapped rows keep the history's standardised marginals and cross-correlation,
 * rows are drawn whole, and bad histories are refused with the JSON path.
 */
class HistoricalSimulationTest {
    private static final int PATHS = 2000;
    private static final int STEPS = 20;
    @TempDir
    static Path dir;
    private static CompiledProblem problem;
    private static double[][] u0;
    private static double[][] u1;

    @BeforeAll
    static void simulate() throws IOException {
        Files.writeString(dir.resolve("prices.csv"), history(500));
        // BTC takes the history's fitted GARCH; ETH keeps its own, with the long-run volatility it gives
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, spec("{\"name\": \"BTC\", \"price\": 100}", "\"prices\": \"prices.csv\""));
        problem = ProblemCompiler.compile(SpecReader.read(spec));
        u0 = innovations(problem, 0);
        u1 = innovations(problem, 1);
    }

    private static String spec(String btc, String historical) {
        return String.format(Locale.ROOT, """
                {"assets": [%s,
                            {"name": "ETH", "price": 10, "volatility": 0.9, "garch": {"alpha": 0.05, "beta": 0.9}}],
                 "market": {"historical": {%s}},
                 "account": {"cash": 50, "positions": [
                   {"asset": "BTC", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]},
                 "monitoring": "discrete", "horizonDays": %d, "stepsPerDay": 1, "seed": 3, "engine": "scalar"}""",
                btc, historical, STEPS);
    }

    @Test
    void theResidualsAreStandardisedAndTheFittedGarchDrivesAssetsWithoutTheirOwn() {
        assertThat(problem.featuresInUse()).containsExactly(Feature.GARCH, Feature.HISTORICAL);
        assertThat(problem.historyRows).isEqualTo(499);
        double[] z0 = column(problem.historyResiduals.toArray(), 0);
        double[] z1 = column(problem.historyResiduals.toArray(), 1);
        assertThat(Draws.mean(z0)).isCloseTo(0, within(1e-12));
        assertThat(Draws.variance(z0) * 498 / 499).isCloseTo(1, within(1e-12));
        assertThat(Draws.variance(z1) * 498 / 499).isCloseTo(1, within(1e-12));
        // the history was GARCH(0.08, 0.9): the fit lands near it (a loose check, 499 returns)
        assertThat(problem.garchAlpha.get(0)).isBetween(0.0, 0.3);
        assertThat(problem.garchAlpha.get(0) + problem.garchBeta.get(0)).isBetween(0.5, 1.0);
        assertThat(problem.garchAlpha.get(1)).isEqualTo(0.05);
    }

    @Test
    void everyInnovationIsAWholeRowOfTheHistory() {
        int checked = 0;
        for (int i = 0; i < 200; i++) {
            for (int t = 0; t < STEPS; t++) {
                int row = rowOf(u0[i][t]);
                assertThat(problem.historyResiduals.get(row * 2 + 1)).isCloseTo(u1[i][t], within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(200 * STEPS);
    }

    @Test
    void bootstrappedInnovationsReproduceTheSampleMomentsAndCorrelation() {
        // draws are i.i.d. from the rows, so pooled statistics have plain SEs, estimated from 20 batches of paths
        double[] z0 = column(problem.historyResiduals.toArray(), 0);
        double[] z1 = column(problem.historyResiduals.toArray(), 1);
        assertWithinBatchSe(u -> Draws.variance(Draws.flat(u)), u0, 1.0);
        assertWithinBatchSe(u -> Draws.excessKurtosis(Draws.flat(u)), u0, Draws.excessKurtosis(z0));
        assertWithinBatchSe(u -> Draws.excessKurtosis(Draws.flat(u)), u1, Draws.excessKurtosis(z1));
        double sample = Draws.correlation(z0, z1);
        assertThat(sample).isGreaterThan(0.3);
        assertThat(Draws.correlation(Draws.flat(u0), Draws.flat(u1)))
                .isCloseTo(sample, within(4 * Draws.pooledCorrelationSe(u0, u1)));
    }

    @Test
    void aHistoryOfOneRepeatedRowGivesTheSameShocksOnEveryPath() {
        Spec parsed = SpecReader.read(dir.resolve("spec.json"));
        MarketSpec m = parsed.market();
        double[] rows = new double[2 * 7];
        for (int t = 0; t < 7; t++) {
            rows[2 * t] = 0.7;
            rows[2 * t + 1] = -1.2;
        }
        MarketSpec repeated = new MarketSpec(m.assets(), 0, null, new double[0], m.stress(), null,
                new HistoricalResiduals("repeated", 7, rows, List.of()));
        Spec spec = new Spec(parsed.assets(), parsed.correlation(), repeated, parsed.account(), parsed.horizonDays(),
                parsed.stepsPerDay(), parsed.paths(), parsed.seed(), parsed.engine(), parsed.microstructure());
        double[][] returns = MarketPath.logReturns(ProblemCompiler.compile(spec), 0, 50);
        for (double[] path : returns) {
            assertThat(path).containsExactly(returns[0]);
        }
        CompiledProblem p = ProblemCompiler.compile(spec);
        // recovered from the returns, so equal up to the rounding of subtracting the drift
        for (double u : innovations(p, 0)[17]) {
            assertThat(u).isCloseTo(0.7, within(1e-9));
        }
    }

    @Test
    void aSpecAssetMissingFromTheCsvIsNamed() throws IOException {
        Files.writeString(dir.resolve("btc-sol.csv"), history(60).replace(",ETH", ",SOL"));
        assertThatThrownBy(() -> read("btc-sol.csv")).isInstanceOf(SpecException.class)
                .hasMessage("market.historical.prices must have a column for every asset of the spec but btc-sol.csv "
                        + "has no column \"ETH\" (its columns: [BTC, SOL])");
    }

    @Test
    void csvProblemsAreNamedWithTheJsonPath() throws IOException {
        assertThatThrownBy(() -> read("missing.csv")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("market.historical.prices must name a usable price CSV (resolved against the "
                        + "spec file's directory) but \"missing.csv\" gives: price file ")
                .hasMessageEndingWith("missing.csv does not exist");
        Files.writeString(dir.resolve("short.csv"), history(10));
        assertThatThrownBy(() -> read("short.csv")).isInstanceOf(SpecException.class)
                .hasMessageEndingWith("gives: short.csv must have at least 30 price rows but had 10");
    }

    @Test
    void aColumnGrowingAtAConstantRateDoesNotVaryBeyondRounding() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,BTC,ETH\n");
        java.time.LocalDate day = java.time.LocalDate.of(2024, 1, 1);
        for (int t = 0; t < 60; t++) {
            csv.append(day.plusDays(t)).append(',').append(100 * Math.pow(1.01, t)).append(',')
                    .append(3000 * Math.exp(0.02 * Math.sin(t))).append('\n');
        }
        Files.writeString(dir.resolve("steady.csv"), csv);
        assertThatThrownBy(() -> read("steady.csv")).isInstanceOf(SpecException.class)
                .hasMessage("market.historical.prices must vary: every log return of column \"BTC\" in steady.csv is "
                        + "the same (to rounding), which leaves no residual to bootstrap");
    }

    @Test
    void keysThatTheHistoryReplacesAreRefused() {
        assertThatThrownBy(() -> Specs.parse(spec("{\"name\": \"BTC\", \"price\": 100, \"volatility\": 0.5}",
                "\"prices\": \"" + dir.resolve("prices.csv") + "\"")))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("assets[0].volatility must not be given for an asset without garch under "
                        + "market.historical");
        String withCorrelation = SpecEdits.replace(spec("{\"name\": \"BTC\", \"price\": 100}",
                "\"prices\": \"" + dir.resolve("prices.csv") + "\""),
                "\"market\"", "\"correlation\": [[1, 0.5], [0.5, 1]], \"market\"");
        assertThatThrownBy(() -> Specs.parse(withCorrelation)).isInstanceOf(SpecException.class)
                .hasMessage("correlation must not be given with market.historical (the bootstrapped residual rows "
                        + "carry the assets' dependence)");
        String withDcc = SpecEdits.replace(spec("{\"name\": \"BTC\", \"price\": 100}",
                "\"prices\": \"" + dir.resolve("prices.csv") + "\""),
                "\"historical\"", "\"dcc\": {\"a\": 0.1, \"b\": 0.8}, \"historical\"");
        assertThatThrownBy(() -> Specs.parse(withDcc)).isInstanceOf(SpecException.class)
                .hasMessage("market.dcc must not be given with historical (the bootstrapped residual rows carry the "
                        + "assets' tails and dependence)");
    }

    private static Spec read(String csv) throws IOException {
        Path spec = dir.resolve("spec-" + csv + ".json");
        Files.writeString(spec, spec("{\"name\": \"BTC\", \"price\": 100}", "\"prices\": \"" + csv + "\""));
        return SpecReader.read(spec);
    }

    private interface Statistic {
        double of(double[][] u);
    }

    private static void assertWithinBatchSe(Statistic statistic, double[][] u, double expected) {
        int batches = 20;
        int size = u.length / batches;
        double[] s = new double[batches];
        for (int k = 0; k < batches; k++) {
            s[k] = statistic.of(Arrays.copyOfRange(u, k * size, (k + 1) * size));
        }
        assertThat(statistic.of(u)).isCloseTo(expected, within(4 * Math.sqrt(Draws.variance(s) / batches)));
    }

    private int rowOf(double u) {
        for (int k = 0; k < problem.historyRows; k++) {
            if (Math.abs(problem.historyResiduals.get(2 * k) - u) < 1e-9) {
                return k;
            }
        }
        throw new AssertionError("no history row has " + u);
    }

    private static double[] column(double[] rows, int a) {
        double[] out = new double[rows.length / 2];
        for (int t = 0; t < out.length; t++) {
            out[t] = rows[2 * t + a];
        }
        return out;
    }

    private static double[][] innovations(CompiledProblem p, int a) {
        return Draws.garchInnovations(p, Draws.shocks(p, PATHS, a), a);
    }

    /** Daily BTC and ETH prices, see {@link PriceHistories#garchPair}. */
    static String history(int rows) {
        return PriceHistories.garchPair("BTC", "ETH", rows, 7);
    }
}
