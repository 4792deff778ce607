package io.marginsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestCommandTest extends CommandTestSupport {
    private static final String BTC = "examples/BTC-USD-daily.csv";
    private static final String TEMPLATE = "examples/backtest-btc-10x.json";

    private String error() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void csvHasOneRowPerWindowWrittenToOut() throws Exception {
        Path file = dir.resolve("windows.csv");
        assertThat(run("backtest", BTC, "--spec", TEMPLATE, "--window", "30", "--every", "300", "--paths", "500",
                "--format", "csv", "--out", file.toString())).as(error()).isZero();
        List<String> lines = Files.readAllLines(file);
        // starts at rows 30, 330, ..., 3330 (3330 + 30 <= 3482)
        assertThat(lines).hasSize(1 + 12);
        assertThat(lines.getFirst())
                .isEqualTo("start,close,model,volatility,predictedBreachProbability,breachedOnClose,breachedOnLowHigh");
        assertThat(lines.get(1)).startsWith("2014-10-17,").contains(",gbm,").matches(".*,[01],[01]");
    }

    @Test
    void plotIsOnePngOfTheReliabilityDiagramAboveThePredictionsOverTime() throws Exception {
        Path png = dir.resolve("plots/backtest.png");
        assertThat(run("backtest", BTC, "--spec", TEMPLATE, "--window", "60", "--every", "60", "--paths", "500",
                "--model", "auto", "--plot", png.toString())).as(error()).isZero();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(2 * 560);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("models simulated:");
    }

    @Test
    void ownPriceFormatHasNoLowHighScoresAndPrintsNoNaN() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,BTC\n");
        Random random = new Random(5);
        double price = 100;
        for (int d = 0; d < 200; d++) {
            csv.append(LocalDate.of(2023, 1, 1).plusDays(d)).append(',').append(price).append('\n');
            price *= Math.exp(0.03 * random.nextGaussian());
        }
        Path prices = dir.resolve("btc.csv");
        Files.writeString(prices, csv);
        assertThat(run("backtest", prices.toString(), "--spec", TEMPLATE, "--window", "60", "--every", "10",
                "--paths", "1000", "--model", "student-t", "--drift", "fitted", "--format", "json")).as(error()).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("NaN");
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.path("windows").asInt()).isEqualTo(11);
        assertThat(json.path("independentWindows").asDouble()).isEqualTo(11 / 3.0);
        assertThat(json.path("realisedBreachFrequencyLowHigh").isNull()).isTrue();
        assertThat(json.path("lowHigh").isNull()).isTrue();
        assertThat(json.path("kupiecPValue").isNumber()).isTrue();
        assertThat(json.path("reliability").isArray()).isTrue();
    }

    @Test
    void tableShowsBothOutcomesAndTheReliabilityBuckets() {
        assertThat(run("backtest", BTC, "--spec", TEMPLATE, "--window", "30", "--every", "300", "--paths", "500"))
                .as(error()).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("backtest of BTC-USD-daily.csv: 12 windows from 2014-10-17 to ")
                .contains("closes", "lows/highs", "Kupiec p-value", "reliability on closes").doesNotContain("NaN");
    }

    @Test
    void badOptionsAreOneSentenceAndExitTwo() throws Exception {
        assertThat(run("backtest", BTC, "--spec", TEMPLATE, "--window", "20")).isEqualTo(2);
        assertThat(error()).isEqualTo("error: --window must be at least 30 days (returns the model is fitted on) but was 20");
        err.reset();
        assertThat(run("backtest", BTC, "--spec", TEMPLATE, "--every", "0")).isEqualTo(2);
        assertThat(error()).isEqualTo("error: --every must be at least 1 day but was 0");
        err.reset();
        assertThat(run("backtest", BTC, "--spec", TEMPLATE, "--model", "heston")).isEqualTo(2);
        assertThat(error()).isEqualTo("error: --model must be gbm, student-t, garch, merton or auto but was \"heston\"");
        err.reset();
        assertThat(run("backtest", BTC, "--spec", TEMPLATE, "--drift", "up")).isEqualTo(2);
        assertThat(error()).isEqualTo("error: --drift must be zero or fitted but was \"up\"");
    }

    @Test
    void aTemplateOfTwoAssetsOrDataTooShortForOneWindowIsRefused() throws Exception {
        Path two = dir.resolve("two.json");
        Files.writeString(two, """
                {"assets": [{"name": "BTC", "price": 100, "volatility": 0.5}, {"name": "ETH", "price": 10, "volatility": 0.7}],
                 "account": {"cash": 10, "positions": [{"asset": "BTC", "size": 1, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.005}}]},
                 "horizonDays": 30, "stepsPerDay": 1}""");
        assertThat(run("backtest", BTC, "--spec", two.toString())).isEqualTo(2);
        assertThat(error()).isEqualTo("error: --spec " + two + " assets must hold exactly one asset (the one whose "
                + "history is backtested) but holds 2");
        err.reset();
        Path shortFile = dir.resolve("short.csv");
        Files.write(shortFile, Files.readAllLines(Path.of(BTC)).subList(0, 100));
        assertThat(run("backtest", shortFile.toString(), "--spec", TEMPLATE, "--window", "90")).isEqualTo(2);
        assertThat(error()).isEqualTo("error: short.csv must have at least 121 rows for one window (--window 90 days "
                + "of returns, then the spec's 30-day horizon) but has 99");
    }
}
