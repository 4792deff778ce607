package io.marginsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs whose arithmetic overflows, runs that cannot fit in memory, and the exactness of the account's valuation
 * now, through the command line: bad input is one line on standard error and exit 2, results never print NaN.
 */
class BadInputCommandTest extends CommandTestSupport {
    /** examples/btc-10x.json with few paths and steps. */
    private static final String BTC_10X = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.60, "drift": 0.0}],
             "account": {"mode": "cross", "cash": 6000,
                         "positions": [{"asset": "BTC", "size": 1.0, "entryPrice": 60000,
                                        "venue": "binance-usdm", "symbol": "BTCUSDT"}]},
             "horizonDays": 2, "stepsPerDay": 4, "paths": 500, "seed": 20261125, "engine": "scalar"}""";

    private Path spec(String json) throws Exception {
        return Files.writeString(dir.resolve("spec.json"), json);
    }

    @Test
    void aShockThatOverflowsIsBadInputNotANaNReport() throws Exception {
        String json = SpecEdits.replace(BTC_10X, "\"horizonDays\"", "\"market\": {\"stress\": {\"shock\": [1000]}}, \"horizonDays\"");
        assertThat(run("simulate", spec(json).toString(), "--format", "json")).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().strip()).isEqualTo("error: market.stress.shock[0] must be between -10 and 10 but was 1000.0");
    }

    @Test
    void aCashThatOverflowsIsBadInput() throws Exception {
        assertThat(run("simulate", spec(SpecEdits.replace(BTC_10X, "\"cash\": 6000", "\"cash\": 1e308")).toString())).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("error: account.cash must be between -1e15 and 1e15 but was 1.0E308");
    }

    @Test
    void pathsTheHeapCannotHoldAreRefusedBeforeTheRun() throws Exception {
        String json = SpecEdits.replace(BTC_10X, "\"paths\": 500", "\"paths\": 2147483639");
        assertThat(run("simulate", spec(json).toString())).isEqualTo(2);
        assertThat(stderr()).contains("error: paths must be at most ").contains(" with this Java heap but was 2147483639: "
                + "its per-path samples need about 68.7 GB (32 bytes a path) and the heap holds at most ");
    }

    @Test
    void benchRefusesPathsBeyondTheLimit() {
        assertThat(run("bench", "--paths", "3000000000", "--engines", "scalar")).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("error: --paths must be at most 2147483639 but was 3000000000");
    }

    @Test
    void benchRefusesMoreAssetsThanTheWorkloadTakes() {
        assertThat(run("bench", "--assets", "100000", "--paths", "10", "--engines", "scalar")).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("error: --assets must be at most 1024 but was 100000");
    }

    @Test
    void benchRefusesPathsTheHeapCannotHold() {
        assertThat(run("bench", "--paths", "2000000000", "--engines", "scalar")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: --paths must be at most ").contains("with this Java heap");
    }

    @Test
    void initialEquityIsExactlyCashPlusProfitAtTheSpecsPrice() throws Exception {
        assertThat(run("simulate", spec(BTC_10X).toString(), "--format", "json")).isZero();
        JsonNode report = new ObjectMapper().readTree(stdout());
        assertThat(report.get("initialEquity").doubleValue()).isEqualTo(6000.0);
        assertThat(report.get("initialRequirement").doubleValue()).isEqualTo(250.0);
        assertThat(stdout()).doesNotContain("NaN");
    }

    @Test
    void liquidationPricesAreExactAndANonExistentOneIsNull() throws Exception {
        String json = """
                {"assets": [{"name": "BTC", "price": 20000, "volatility": 0.6}],
                 "account": {"cash": 2500, "positions": [{"asset": "BTC", "size": 1, "entryPrice": 20000,
                             "rules": {"type": "flat", "rate": 0.05}}]},
                 "horizonDays": 1}""";
        assertThat(run("liq-price", spec(json).toString(), "--format", "json")).isZero();
        JsonNode result = new ObjectMapper().readTree(stdout()).get(0);
        assertThat(result.get("price").doubleValue()).isEqualTo(20000.0);
        // 2500 + (P - 20000) = 0.05 P  =>  P = 17500 / 0.95
        assertThat(result.get("below").doubleValue()).isEqualTo(17500 / 0.95);
        assertThat(result.get("above").isNull()).isTrue();
        assertThat(stdout()).doesNotContain("NaN");
    }

    @Test
    void aSecondSpecAfterTheFirstIsRefused() throws Exception {
        assertThat(run("simulate", spec(BTC_10X + "\n" + BTC_10X).toString())).isEqualTo(2);
        assertThat(stderr()).contains("is not valid JSON at line 6");
    }

    @Test
    void bufferTablesPrintNonFiniteFiguresInsteadOfFailing() {
        assertThat(BufferCommand.num(Double.NaN)).isEqualTo("n/a");
        assertThat(BufferCommand.num(Double.POSITIVE_INFINITY)).isEqualTo("n/a");
        assertThat(BufferCommand.num(16121.2345)).isEqualTo("16121.2");
    }
}
