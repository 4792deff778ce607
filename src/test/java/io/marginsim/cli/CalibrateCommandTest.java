package io.marginsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.market.calibration.SyntheticReturns;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
    void fragmentMergesIntoAValidSpecThatSimulates() throws Exception {
        Path fragmentFile = dir.resolve("fragment.json");
        assertThat(run("calibrate", prices().toString(), "--out", fragmentFile.toString(), "--format", "json"))
                .as(err.toString()).isZero();

        JsonNode report = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.path("assets").get(0).path("models")).hasSize(4);
        assertThat(report.path("assets").get(0).path("models").get(2).path("aic").isNumber()).isTrue();
        assertThat(report.path("correlationDynamics").path("preferredModel").asText()).isIn("dcc", "constant-correlation");

        JsonNode fragment = MAPPER.readTree(fragmentFile.toFile());
        JsonNode btc = fragment.path("fitted").path("assets").get(0);
        assertThat(btc.path("name").asText()).isEqualTo("BTC");
        for (String key : List.of("degreesOfFreedom", "jumpIntensity", "jumpMean", "jumpStdev")) {
            assertThat(btc.path(key).isNumber()).as(key).isTrue();
        }
        assertThat(btc.path("garch").path("alpha").asDouble() + btc.path("garch").path("beta").asDouble()).isLessThan(1);
        assertThat(fragment.path("fitted").path("intervalDays").asDouble()).isEqualTo(1.0);
        assertThat(fragment.path("fitted").path("dcc").path("b").isNumber()).isTrue();

        ObjectNode spec = MAPPER.createObjectNode();
        spec.set("assets", fragment.get("assets"));
        spec.set("correlation", fragment.get("correlation"));
        spec.set("account", MAPPER.readTree(ACCOUNT));
        spec.put("horizonDays", 2).put("stepsPerDay", 4).put("paths", 2000).put("engine", "scalar");
        Spec parsed = SpecReader.parse(spec.toString(), "merged", false);
        assertThat(parsed.assets()).hasSize(2);
        assertThat(parsed.assets().get(1).price()).isEqualTo(fragment.path("assets").get(1).path("price").asDouble());
        assertThat(parsed.correlation().get(0, 1)).isBetween(0.3, 0.9);

        Path specFile = dir.resolve("spec.json");
        Files.writeString(specFile, spec.toString());
        assertThat(run("simulate", specFile.toString())).as(err.toString()).isZero();

        // the fitted GARCH moves into the spec's asset as it is, the volatility then following from omega
        ObjectNode garchAsset = ((ObjectNode) spec.get("assets").get(0)).deepCopy();
        garchAsset.remove("volatility");
        garchAsset.set("garch", btc.get("garch"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) spec.get("assets")).set(0, garchAsset);
        Spec withGarch = SpecReader.parse(spec.toString(), "merged with garch", false);
        assertThat(withGarch.assets().getFirst().volatility())
                .isCloseTo(parsed.assets().getFirst().volatility(), org.assertj.core.api.Assertions.within(0.5));
    }

    @Test
    void tableNamesThePreferredModelOfEachAsset() throws Exception {
        assertThat(run("calibrate", prices().toString())).as(err.toString()).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("BTC  last price", "ETH  last price", "AIC prefers", "garch", "merton",
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
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("error: gappy.csv line 10 column BTC must hold "
                + "a price but is empty (gaps are not allowed: every row needs a price for every asset)");
        assertThat(fragment.getParent()).doesNotExist();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void unknownFormatIsBadInput() throws Exception {
        assertThat(run("calibrate", prices().toString(), "--format", "csv")).isEqualTo(MarginSim.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format must be table or json but was \"csv\"");
    }
}
