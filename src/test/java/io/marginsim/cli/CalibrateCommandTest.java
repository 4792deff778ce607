package io.marginsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.market.calibration.SyntheticReturns;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrateCommandTest extends CommandTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ACCOUNT = """
            {"cash": 20, "positions": [{"asset": "BTC", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]}""";

    private Path prices() throws Exception {
        double[][] qbar = {{1, 0.6}, {0.6, 1}};
        double[][] returns = new SyntheticReturns(21).dcc(800, qbar, 0.04, 0.9, 3e-5, 0.07, 0.9);
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, SyntheticReturns.csv(List.of("BTC", "ETH"), returns));
        return file;
    }

    @Test
    void anOhlcExportIsFittedOnItsClosesAsOneNamedAsset() throws Exception {
        List<String> yahoo = Files.readAllLines(Path.of("examples/BTC-USD-daily.csv")).subList(0, 200);
        Path file = Files.write(dir.resolve("btc-usd.csv"), yahoo);
        Path named = dir.resolve("named.json");
        assertThat(run("calibrate", file.toString(), "--model", "gbm", "--asset", "BTC", "--out", named.toString()))
                .as(stderr()).isZero();
        JsonNode asset = MAPPER.readTree(named.toFile()).get("assets").get(0);
        assertThat(asset.get("name").asText()).isEqualTo("BTC");
        assertThat(asset.get("price").asDouble()).isEqualTo(Double.parseDouble(yahoo.getLast().split(",")[4]));
        Path unnamed = dir.resolve("unnamed.json");
        assertThat(run("calibrate", file.toString(), "--model", "gbm", "--out", unnamed.toString())).isZero();
        assertThat(MAPPER.readTree(unnamed.toFile()).get("assets").get(0).get("name").asText()).isEqualTo("btc-usd");
        err.reset();
        assertThat(run("calibrate", prices().toString(), "--asset", "BTC")).isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr().strip()).startsWith("error: --asset names the asset of an OHLC export")
                .endsWith("drop --asset BTC");
    }

    @Test
    void fragmentMergesIntoAValidSpecThatSimulates() throws Exception {
        Path fragmentFile = dir.resolve("fragment.json");
        assertThat(run("calibrate", prices().toString(), "--out", fragmentFile.toString(), "--format", "json"))
                .as(stderr()).isZero();

        JsonNode report = MAPPER.readTree(stdout());
        assertThat(report.path("assets").get(0).path("models")).hasSize(4);
        assertThat(report.path("assets").get(0).path("models").get(2).path("aic").isNumber()).isTrue();
        assertThat(report.path("correlationDynamics").path("preferredModel").asText()).isIn("dcc", "constant-correlation");

        JsonNode fragment = MAPPER.readTree(fragmentFile.toFile());
        assertThat(fragment.properties().stream().map(java.util.Map.Entry::getKey).toList())
                .as("spec keys only").isSubsetOf("assets", "correlation", "market", "stepsPerDay");
        assertThat(fragment.path("stepsPerDay").asInt()).isEqualTo(1);
        // the series is GARCH with DCC correlation: auto writes the GARCH keys (no volatility: omega sets it)
        JsonNode btc = fragment.path("assets").get(0);
        assertThat(report.path("assets").get(0).path("writtenModel").asText()).isEqualTo("garch");
        assertThat(btc.has("volatility")).isFalse();
        assertThat(btc.path("garch").path("initialVolatility").isNumber()).isTrue();
        assertThat(btc.path("garch").path("alpha").asDouble() + btc.path("garch").path("beta").asDouble()).isLessThan(1);
        assertThat(fragment.path("market").path("dcc").path("b").isNumber())
                .isEqualTo(report.path("correlationDynamics").path("preferredModel").asText().equals("dcc"));

        // merged as it is into a spec that adds the account and horizon, it simulates
        ObjectNode spec = ((ObjectNode) fragment).deepCopy();
        spec.set("account", MAPPER.readTree(ACCOUNT));
        spec.put("horizonDays", 2).put("paths", 2000).put("engine", "scalar");
        Spec parsed = SpecReader.parse(spec.toString(), "merged", false);
        assertThat(parsed.assets()).hasSize(2);
        assertThat(parsed.assets().get(1).price()).isEqualTo(fragment.path("assets").get(1).path("price").asDouble());
        assertThat(parsed.correlation().get(0, 1)).isBetween(0.3, 0.9);
        Path specFile = dir.resolve("spec.json");
        Files.writeString(specFile, spec.toString());
        assertThat(run("simulate", specFile.toString())).as(stderr()).isZero();
    }

    @Test
    void everyModelWritesAFragmentThatSimulates() throws Exception {
        for (String model : List.of("gbm", "student-t", "garch", "merton", "auto")) {
            Path fragmentFile = dir.resolve(model + ".json");
            out.reset();
            assertThat(run("calibrate", prices().toString(), "--model", model, "--out", fragmentFile.toString()))
                    .as(stderr()).isZero();
            ObjectNode spec = (ObjectNode) MAPPER.readTree(fragmentFile.toFile());
            spec.set("account", MAPPER.readTree(ACCOUNT));
            spec.put("horizonDays", 1).put("paths", 500).put("engine", "scalar");
            Path specFile = dir.resolve(model + "-spec.json");
            Files.writeString(specFile, spec.toString());
            assertThat(run("simulate", specFile.toString())).as(model + ": " + err).isZero();
        }
    }

    @Test
    void everyAbsentStandardErrorSaysWhy() throws Exception {
        assertThat(run("calibrate", prices().toString(), "--format", "json")).as(stderr()).isZero();
        for (JsonNode asset : MAPPER.readTree(stdout()).path("assets")) {
            for (JsonNode m : asset.path("models")) {
                m.path("estimates").properties().forEach(e -> {
                    JsonNode se = m.path("standardErrors").path(e.getKey());
                    assertThat(se.isNumber() || m.path("noStandardError").path(e.getKey()).isTextual())
                            .as("%s %s", m.path("model").asText(), e.getKey()).isTrue();
                });
            }
        }
    }

    @Test
    void tableNamesThePreferredModelOfEachAsset() throws Exception {
        assertThat(run("calibrate", prices().toString())).as(stderr()).isZero();
        String table = stdout();
        assertThat(table).contains("BTC  last price", "ETH  last price", "AIC prefers", "the fragment takes garch",
                "garch", "merton",
                "student-t", "correlation dynamics");
    }

    @Test
    void badInputWritesNothingAndExitsTwo() throws Exception {
        Path csv = dir.resolve("gappy.csv");
        List<String> lines = Files.readAllLines(prices());
        lines.set(9, lines.get(9).substring(0, lines.get(9).indexOf(',') + 1) + "," + "1.0");
        Files.write(csv, lines);
        Path fragment = dir.resolve("out").resolve("fragment.json");

        assertThat(run("calibrate", csv.toString(), "--out", fragment.toString())).isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr().strip()).isEqualTo("error: gappy.csv line 10 column BTC must hold "
                + "a price but is empty (gaps are not allowed: every row needs a price for every asset)");
        assertThat(fragment.getParent()).doesNotExist();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void unknownModelIsBadInputAndWritesNothing() throws Exception {
        Path fragment = dir.resolve("fragment.json");
        assertThat(run("calibrate", prices().toString(), "--model", "heston", "--out", fragment.toString()))
                .isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr().strip())
                .isEqualTo("error: --model must be gbm, student-t, garch, merton or auto but was \"heston\"");
        assertThat(fragment).doesNotExist();
    }

    @Test
    void unknownFormatIsBadInput() throws Exception {
        assertThat(run("calibrate", prices().toString(), "--format", "csv")).isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr()).contains("--format must be table or json but was \"csv\"");
    }

    /** Daily rows from 2024-01-01 with the given prices. */
    private Path csv(String name, double... prices) throws Exception {
        StringBuilder text = new StringBuilder("timestamp,BTC\n");
        for (int i = 0; i < prices.length; i++) {
            text.append(java.time.LocalDate.of(2024, 1, 1).plusDays(i)).append(',').append(prices[i]).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** A seeded random walk of 2% daily volatility. */
    private static double[] walk(int rows, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] prices = new double[rows];
        prices[0] = 100;
        for (int i = 1; i < rows; i++) {
            prices[i] = prices[i - 1] * Math.exp(0.02 * random.nextGaussian());
        }
        return prices;
    }

    @Test
    void constantPriceColumnIsBadInputNamingTheColumn() throws Exception {
        double[] flat = new double[40];
        java.util.Arrays.fill(flat, 100);
        Path fragment = dir.resolve("fragment.json");

        assertThat(run("calibrate", csv("flat.csv", flat).toString(), "--out", fragment.toString()))
                .isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr().strip()).isEqualTo("error: flat.csv column BTC must vary to be "
                + "calibrated but its log returns never vary (standard deviation 0, below 1e-10), so there is nothing to fit");
        assertThat(fragment).doesNotExist();
    }

    @Test
    void aPriceAMillionFoldAwayIsBadInputAndNoNaNIsWritten() throws Exception {
        double[] prices = walk(40, 5);
        prices[20] = 1e-308;
        Path fragment = dir.resolve("fragment.json");

        assertThat(run("calibrate", csv("tiny.csv", prices).toString(), "--out", fragment.toString()))
                .isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr().strip()).startsWith("error: tiny.csv line 22 column BTC must be "
                + "within a factor of 1e6 of the price on line 21 (").endsWith(") but was 1.0E-308").doesNotContain("\n");
        assertThat(fragment).doesNotExist();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void estimatesOnABoundHaveANoteAndNoStandardError() throws Exception {
        // one 10,000-fold fall and back: tails too heavy for a finite variance, so the t sits on 2 degrees of freedom
        double[] prices = walk(61, 3);
        prices[30] *= 1e-4;
        Path fragment = dir.resolve("fragment.json");

        assertThat(run("calibrate", csv("outlier.csv", prices).toString(), "--format", "json"))
                .as(stderr()).isZero();
        String text = stdout();
        assertThat(text).doesNotContain("NaN", "E-15", "E-16");
        JsonNode report = MAPPER.readTree(text);
        JsonNode t = report.path("assets").get(0).path("models").get(1);
        assertThat(t.path("model").asText()).isEqualTo("student-t");
        assertThat(t.path("estimates").path("degreesOfFreedom").asDouble()).isCloseTo(2, within(1e-3));
        assertThat(t.path("standardErrors").path("degreesOfFreedom").isNull()).isTrue();
        assertThat(t.path("noStandardError").path("degreesOfFreedom").asText()).contains("on a bound of the model");
        assertThat(t.path("estimates").path("volatility").isNull()).isTrue();
        assertThat(t.path("note").asText()).contains("degreesOfFreedom", "on a bound of the model");
        // no model gives keys simulate runs (even GBM's volatility is above 10): no fragment, and stderr says why
        assertThat(report.path("fragment").isNull()).isTrue();
        assertThat(stderr()).contains("calibrate: no fragment: --model must be a model "
                + "whose fit simulate can run but auto's last resort gbm fitted to BTC gives keys simulate refuses");

        err.reset();
        assertThat(run("calibrate", csv("outlier.csv", prices).toString(), "--out", fragment.toString()))
                .isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr().strip()).startsWith("error: --model must be a model whose "
                + "fit simulate can run but").doesNotContain("\n");
        assertThat(fragment).doesNotExist();

        err.reset();
        assertThat(run("calibrate", csv("outlier.csv", prices).toString(), "--model", "student-t", "--out",
                fragment.toString())).isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr().strip()).startsWith("error: --model must be a model whose fit "
                + "simulate can run but student-t fitted to BTC gives no spec keys (degrees of freedom 2")
                .contains("its variance is infinite").doesNotContain("\n");
        assertThat(fragment).doesNotExist();

        out.reset();
        assertThat(run("calibrate", csv("outlier.csv", prices).toString())).isZero();
        assertThat(stdout()).contains("note: degreesOfFreedom is on a bound")
                .doesNotContain("NaN");
    }
}
