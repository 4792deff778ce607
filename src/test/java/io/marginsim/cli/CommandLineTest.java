package io.marginsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest extends CommandTestSupport {
    static final String SPEC = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}],
             "account": {"cash": 6000, "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000,
                         "venue": "binance-usdm", "symbol": "BTCUSDT"}]},
             "horizonDays": 4, "stepsPerDay": 6, "paths": 4000, "seed": 5, "engine": "scalar"}""";

    private Path spec(String json) throws Exception {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void simulateWritesTheDocumentedJsonKeys() throws Exception {
        Path report = dir.resolve("out/report.json");
        assertThat(run("simulate", spec(SPEC).toString(), "--format", "json", "--out", report.toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.fieldNames()).toIterable().contains("engine", "paths", "steps", "breachProbability",
                "breachProbabilityCi95", "timeToBreachQuantilesDays", "timeToBreachHistogram", "buffer",
                "terminalEquityQuantiles", "elapsedSeconds", "pathStepsPerSecond", "loss");
        JsonNode loss = json.get("loss");
        assertThat(loss.fieldNames()).toIterable().containsExactly("var", "varCi95", "es", "esCi95", "esMethod",
                "tailFit");
        assertThat(loss.get("var").fieldNames()).toIterable().containsExactly("0.99", "0.999");
        assertThat(loss.get("tailFit").fieldNames()).toIterable().containsExactly("threshold", "exceedances", "shape",
                "scale", "shapeCi95", "quantiles", "quantilesCi95", "es", "esCi95", "meanExcess", "warning");
        assertThat(json.get("engine").asText()).isEqualTo("scalar");
        assertThat(json.get("paths").asLong()).isEqualTo(4000);
        assertThat(json.get("steps").asInt()).isEqualTo(24);
        assertThat(json.get("buffer").fieldNames()).toIterable().containsExactly("0.1", "0.05", "0.01", "0.001");
        double p = json.get("breachProbability").asDouble();
        assertThat(json.get("breachProbabilityCi95").get(0).asDouble()).isLessThanOrEqualTo(p);
        assertThat(json.get("breachProbabilityCi95").get(1).asDouble()).isGreaterThanOrEqualTo(p);
        try (var files = Files.list(report.getParent())) {
            assertThat(files).containsExactly(report);
        }
    }

    @Test
    void overridesOnTheCommandLineWin() throws Exception {
        assertThat(run("simulate", spec(SPEC).toString(), "--paths", "1000", "--seed", "9", "--format", "csv")).isZero();
        assertThat(stdout()).contains("paths,1000").contains("seed,9");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwoAndWritesNothing() throws Exception {
        Path report = dir.resolve("report.json");
        int code = run("simulate", spec(SpecEdits.replace(SPEC, "\"volatility\": 0.6", "\"volatility\": -1")).toString(),
                "--out", report.toString());
        assertThat(code).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("error: assets[0].volatility must be a finite number >= 0 but was -1.0");
        assertThat(report).doesNotExist();
    }

    @Test
    void unknownOptionIsExitCodeTwo() throws Exception {
        assertThat(run("simulate", spec(SPEC).toString(), "--colour")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: Unknown option: '--colour'");
    }

    @Test
    void everyCommandHasHelp() {
        // picocli reports a help text it cannot format (a bare '%') on System.err and prints the raw text
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"simulate", "buffer", "sweep", "liq-price", "calibrate", "presets",
                    "bench", "devices"}) {
                out.reset();
                assertThat(run(command, "--help")).isZero();
                assertThat(stdout()).startsWith("Usage: margin-sim " + command);
            }
        } finally {
            System.setErr(systemErr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("Could not format");
    }

    @Test
    void liqPricePrintsTheAccountLiquidationPrice() throws Exception {
        assertThat(run("liq-price", spec(SPEC).toString())).isZero();
        // notional ~54,000 is in the 50k-250k bracket: 6000 + (P - 60000) = 0.005 P - 50  ->  P = 53950 / 0.995
        assertThat(stdout()).contains(String.format(java.util.Locale.ROOT, "%.8g", 53950 / 0.995));
    }

    @Test
    void presetsListsEveryVenueWithItsSource() {
        assertThat(run("presets")).isZero();
        assertThat(stdout()).contains("binance-usdm", "bybit-linear", "deribit-linear", "hyperliquid", "aave-v3",
                "bybit-inverse", "binance-coinm", "bitmex", "source: https://",
                "symbol BTCUSD_PERP            inverse, 100.0 USD a contract, rates on the coin flat 0.4000% of mark value");
    }

    @Test
    void bufferPrintsTheCashBufferAsJson() throws Exception {
        assertThat(run("buffer", spec(SPEC).toString(), "--target", "0.05", "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.fieldNames()).toIterable().contains("target", "appliesTo", "buffer", "bufferCi95",
                "breachProbability", "breachProbabilityCi95");
        assertThat(json.get("bufferCi95").get(0).asDouble()).isLessThanOrEqualTo(json.get("buffer").asDouble());
    }

    @Test
    void bufferSizePrintsScaleSizesAndLeverage() throws Exception {
        assertThat(run("buffer", spec(SPEC).toString(), "--target", "0.05", "--solve", "size", "--paths", "1000",
                "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("sizes").get(0).asDouble()).isCloseTo(json.get("scale").asDouble(),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(json.get("leverage").asDouble()).isPositive();
        assertThat(json.get("breachProbability").asDouble()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void bufferWithBadTargetIsExitCodeTwo() throws Exception {
        assertThat(run("buffer", spec(SPEC).toString(), "--target", "0")).isEqualTo(2);
        assertThat(stderr().strip())
                .isEqualTo("error: --target must be a breach probability strictly between 0 and 1 but was 0.0");
    }

    @Test
    void sweepStreamsCsvAndJournalAndResumesWithoutRecomputing() throws Exception {
        spec(SPEC);
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {"base": "spec.json", "axes": [{"path": "account.cash", "values": [3000, 6000]}]}""");
        String prefix = dir.resolve("out/grid").toString();
        assertThat(run("sweep", sweep.toString(), "--paths", "500", "--out", prefix)).isZero();
        assertThat(Files.readAllLines(Path.of(prefix + ".csv"))).hasSize(3);
        assertThat(Files.readAllLines(Path.of(prefix + ".jsonl"))).hasSize(2);
        assertThat(stderr()).contains("sweep: 2/2 cells (100.0%)");
        err.reset();
        assertThat(run("sweep", sweep.toString(), "--paths", "500", "--out", prefix, "--resume")).isZero();
        assertThat(stderr()).contains("(2 cells: 0 computed now, 2 from the journal)");
        err.reset();
        assertThat(run("sweep", sweep.toString(), "--paths", "600", "--out", prefix)).isEqualTo(2);
        assertThat(stderr()).startsWith("error: --out would overwrite the sweep journal");
    }

    @Test
    void sweepWithABadAxisPathIsExitCodeTwoAndWritesNothing() throws Exception {
        spec(SPEC);
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {"base": "spec.json", "axes": [{"path": "account.positions[2].size", "values": [1]}]}""");
        assertThat(run("sweep", sweep.toString(), "--out", dir.resolve("grid").toString())).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("error: axes[0].path \"account.positions[2].size\" cannot be set "
                + "in the base spec because account.positions has 1 element, so index 2 does not exist");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(dir.resolve("spec.json"), sweep);
        }
    }

    @Test
    void plotsAreWrittenAsDecodablePngs() throws Exception {
        Path hist = dir.resolve("hist.png");
        Path losses = dir.resolve("loss.png");
        assertThat(run("simulate", spec(SPEC).toString(), "--paths", "1000", "--plot", hist.toString(),
                "--plot-loss", losses.toString())).isZero();
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {"base": "spec.json", "axes": [{"path": "account.cash", "values": [3000, 6000]}]}""");
        Path curve = dir.resolve("curve.png");
        assertThat(run("sweep", sweep.toString(), "--paths", "500", "--out", dir.resolve("a").toString(),
                "--plot", curve.toString())).isZero();
        Files.writeString(sweep, """
                {"base": "spec.json", "axes": [{"path": "account.cash", "values": [3000, 6000]},
                                               {"path": "account.positions[0].venue", "values": ["binance-usdm", "bybit-linear"]}]}""");
        Path heat = dir.resolve("heat.png");
        assertThat(run("sweep", sweep.toString(), "--paths", "500", "--out", dir.resolve("b").toString(),
                "--plot", heat.toString())).isZero();
        for (Path png : new Path[] {hist, losses, curve, heat}) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(io.marginsim.result.plot.Png.WIDTH);
            assertThat(image.getHeight()).isEqualTo(io.marginsim.result.plot.Png.HEIGHT);
        }
    }

    @Test
    void sweepPlotOverOneCategoricalAxisIsAPng() throws Exception {
        spec(SPEC);
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {"base": "spec.json", "axes": [{"path": "account.positions[0].venue",
                                                "values": ["binance-usdm", "bybit-linear"]}]}""");
        Path heat = dir.resolve("venues.png");
        assertThat(run("sweep", sweep.toString(), "--paths", "500", "--out", dir.resolve("v").toString(),
                "--plot", heat.toString())).as(stderr()).isZero();
        assertThat(javax.imageio.ImageIO.read(heat.toFile())).isNotNull();
    }

    @Test
    void lossPlotOfLossesWithoutSpreadIsSkippedWithANoteAndTheReportStillPrinted() throws Exception {
        Path losses = dir.resolve("loss.png");
        assertThat(run("simulate", spec(SpecEdits.replace(SPEC, "\"volatility\": 0.6", "\"volatility\": 0")).toString(),
                "--paths", "1000", "--plot-loss", losses.toString())).as(stderr()).isZero();
        assertThat(stdout()).contains("breach probability", "extra cash for");
        assertThat(stderr().strip()).endsWith("note: " + losses + " not written: every "
                + "path ends with the same loss, so there is no distribution to draw");
        assertThat(losses).doesNotExist();
    }

    @Test
    void bufferTargetBeyondWhatThePathsResolveIsExitCodeTwo() throws Exception {
        assertThat(run("buffer", spec(SPEC).toString(), "--target", "0.0001", "--paths", "1000"))
                .isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr().strip()).isEqualTo("error: --target must be at least 0.0057, the smallest breach "
                + "probability 1000 paths resolve (below it the 95% interval of the buffer reaches past the largest "
                + "shortfall), but was 0.0001; run at least 56646 paths (--paths) for it");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void sizeTargetThePathsCannotTellFromZeroIsExitCodeTwo() throws Exception {
        assertThat(run("buffer", spec(SPEC).toString(), "--solve", "size", "--target", "0.001", "--paths", "1000"))
                .isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr().strip()).isEqualTo("error: --target must be at least 0.0039, the smallest breach "
                + "probability 1000 paths tell from zero (with no breach the 95% interval still reaches it), but was "
                + "0.001; run at least 3838 paths (--paths) for it");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void simulateShowsBuffersThePathsCannotResolveAsNone() throws Exception {
        assertThat(run("simulate", spec(SPEC).toString(), "--paths", "1000")).isZero();
        assertThat(stdout())
                .containsPattern("P\\(breach\\) <= 1\\.000% +[0-9,.]+  \\(95% CI")
                .contains("P(breach) <= 0.100%            n/a  (not resolved by 1000 paths: needs at least 5661)");
        out.reset();
        assertThat(run("simulate", spec(SPEC).toString(), "--paths", "1000", "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("buffer").get("0.01").isNumber()).isTrue();
        assertThat(json.get("buffer").get("0.001").isNull()).isTrue();
        assertThat(json.get("bufferCi95").get("0.001").isNull()).isTrue();
        out.reset();
        assertThat(run("simulate", spec(SPEC).toString(), "--paths", "1000", "--format", "csv")).isZero();
        assertThat(stdout()).contains("\nbuffer.0.001,\n", "\nbufferCi95.0.001.high,\n");
    }

    @Test
    void sweepLeavesBuffersThePathsCannotResolveEmptyWithANote() throws Exception {
        spec(SPEC);
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {"base": "spec.json", "axes": [{"path": "account.cash", "values": [3000, 6000]}],
                 "targets": [0.05, 0.001]}""");
        String prefix = dir.resolve("grid").toString();
        String note = "note: buffer.0.001 is empty in 2 of 2 cells, whose paths cannot resolve a breach probability "
                + "of 0.001 (it needs at least 5661 paths)";
        assertThat(run("sweep", sweep.toString(), "--paths", "1000", "--out", prefix)).isZero();
        assertThat(stderr()).contains(note);
        List<String> rows = Files.readAllLines(Path.of(prefix + ".csv"));
        // cells are written as they finish, in either order
        assertThat(rows.subList(1, rows.size())).hasSize(2)
                .allMatch(row -> row.matches("[01],(3000|6000),[^,]+,[^,]+,[^,]+,[0-9.E]+,,[0-9.]*"), "empty 0.001 cell");
        assertThat(Files.readString(Path.of(prefix + ".jsonl"))).contains("\"0.001\":null").doesNotContain("NaN");
        err.reset();
        // read back from the journal, the empty cells stay empty and the note stays
        assertThat(run("sweep", sweep.toString(), "--paths", "1000", "--out", prefix, "--resume")).isZero();
        assertThat(Files.readAllLines(Path.of(prefix + ".csv"))).containsExactlyInAnyOrderElementsOf(rows);
        assertThat(stderr()).contains(note);
    }
}
