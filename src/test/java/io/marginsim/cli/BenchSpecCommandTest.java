package io.marginsim.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code bench --spec}: each engine's speed on the spec beside its speed on the standard workload of as many assets,
 * with their ratio; an engine that does not implement the spec is named with what it lacks.
 */
class BenchSpecCommandTest extends CommandTestSupport {
    /** examples/btc-liquidation.json over two days: funding, latency and linear slippage. */
    private static final String LIQUIDATION = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.60, "drift": 0.0}],
             "account": {"mode": "cross", "cash": 6000,
                         "positions": [{"asset": "BTC", "size": 1.0, "entryPrice": 60000, "venue": "binance-usdm",
                                        "symbol": "BTCUSDT",
                                        "funding": {"fundingRatePerInterval": 0.0001, "fundingIntervalHours": 8}}]},
             "liquidation": {"latencySeconds": 30,
                             "slippage": {"model": "linear", "depth": {"BTC": 50000000}, "volatilityThinning": 0.5}},
             "horizonDays": 2, "stepsPerDay": 24, "paths": 100000, "seed": 20261125}
            """;
    /** A week of past prices for premium-linked funding at five-minute steps: more than the OpenCL kernel keeps. */
    private static final String LONG_PREMIUM_WINDOW = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}],
             "account": {"cash": 8000,
                         "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000,
                                        "rules": {"type": "flat", "rate": 0.05},
                                        "funding": {"fundingRatePerInterval": 0.0001, "fundingIntervalHours": 168,
                                                    "premium": {"basisSensitivity": 0.5, "clampBand": 0.0005,
                                                                "rateCap": 0.0075}}}]},
             "horizonDays": 0.25, "stepsPerDay": 288, "seed": 3}
            """;
    private static final Pattern COMPARED = Pattern.compile("(?m)^(\\w+) +spec (\\S+) (\\S+) \\(\\S+ s\\), "
            + "workload (\\S+) (\\S+) \\(\\S+ s\\), ratio (\\S+)x  \\[.+]$");

    private static final Pattern MONITORED = Pattern.compile("(?m)^ +workload monitored continuous as the spec is "
            + "(\\S+) path-steps/s \\(\\S+ s\\), ratio (\\S+)x$");

    @Test
    void eachEnginePrintsTheSpecsSpeedBesideTheWorkloadsAndTheirRatio() throws IOException {
        String text = bench(LIQUIDATION, 512, "scalar,vector");
        assertThat(text).startsWith("workload: 1 asset, 512 paths x 256 steps\n")
                .contains("1 asset, 512 paths x 48 steps; ratio = spec path-steps/s / workload path-steps/s\n");
        Matcher m = COMPARED.matcher(text);
        for (String engine : new String[] {"scalar", "vector"}) {
            assertThat(m.find()).as(text).isTrue();
            assertThat(m.group(1)).isEqualTo(engine);
            assertThat(m.group(3)).isEqualTo("path-steps/s");
            assertThat(m.group(5)).isEqualTo("path-steps/s");
            double spec = Double.parseDouble(m.group(2));
            double workload = Double.parseDouble(m.group(4));
            // the ratio (three digits) is that of the two printed speeds (four digits each)
            assertThat(Double.parseDouble(m.group(6))).isPositive().isCloseTo(spec / workload, withPercentage(1));
            // the spec is monitored continuously, the standard workload at step ends: the workload monitored as the
            // spec is follows, so the cost of the mechanics shows apart from that of the monitoring
            Matcher monitored = MONITORED.matcher(text.substring(m.end()));
            assertThat(monitored.find()).as(text).isTrue();
            assertThat(monitored.start()).as("right after the engine's line").isEqualTo(1);
            assertThat(Double.parseDouble(monitored.group(2))).isPositive()
                    .isCloseTo(spec / Double.parseDouble(monitored.group(1)), withPercentage(1));
        }
        assertThat(m.find()).isFalse();
    }

    @Test
    void anEngineThatDoesNotImplementTheSpecIsNamedWithWhatItLacks() throws IOException {
        String text = bench(LONG_PREMIUM_WINDOW, 256, "vector,opencl,scalar");
        assertThat(text).startsWith("workload: 1 asset, 256 paths x 256 steps\n")
                // a machine without OpenCL says so; with it (PoCL in CI), no kernel is built for a spec it refuses
                .containsPattern("(?m)^opencl   (does not run this spec: it lacks premium-linked funding over 2016 "
                        + "steps for 1 asset .*  \\[OpenCL on .*]|unavailable: .*)$")
                .doesNotContainPattern("(?m)^ +kernel ")
                .containsPattern("(?m)^vector   spec \\S+ path-steps/s .* ratio \\S+x  \\[Vector API.*]$")
                .containsPattern("(?m)^scalar   spec \\S+ path-steps/s .* workload \\S+ path-steps/s .* "
                        + "ratio \\S+x  \\[scalar reference.*]$");
    }

    @Test
    void openClPrintsWhatTheCompilerMadeOfEachKernelItRan() throws IOException {
        String text = bench(LIQUIDATION, 256, "opencl");
        assumeFalse(text.contains("opencl   unavailable"), "no OpenCL device here");
        assertThat(text).containsPattern("(?m)^opencl   spec .* ratio \\S+x  \\[OpenCL on .*]$")
                .containsPattern("(?m)^         kernel simulate_liquidating_paths: private \\d+ B/work-item, local \\d+ "
                        + "B/group, group \\d+ launched \\(kernel max \\d+, preferred multiple \\d+\\)$")
                .contains("         kernel liquidation_sums: private ", "         kernel digit_histogram: private ");
    }

    @Test
    void assetsCannotBeGivenWithASpec() throws IOException {
        assertThat(run("bench", "--spec", spec(LIQUIDATION).toString(), "--assets", "8", "--engines", "scalar"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("error: --assets 8 cannot be given with "
                + "--spec, which compares the spec with the workload of as many assets as the spec has; drop --assets");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingSpecIsOneLineAndNothingRuns() {
        assertThat(run("bench", "--spec", dir.resolve("absent.json").toString(), "--engines", "scalar")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("error: ").doesNotContain("\n")
                .contains("absent.json");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Standard output of a successful {@code bench --spec} of {@code json}, one timed repetition. */
    private String bench(String json, int paths, String engines) throws IOException {
        assertThat(run("bench", "--spec", spec(json).toString(), "--paths", String.valueOf(paths), "--repeat", "1",
                "--engines", engines)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path spec(String json) throws IOException {
        return Files.writeString(dir.resolve("spec.json"), json);
    }
}
