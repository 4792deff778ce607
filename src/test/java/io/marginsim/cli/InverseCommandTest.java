package io.marginsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a user sees from {@code simulate} for an account of inverse contracts: the USD report and its coin terms. */
class InverseCommandTest extends CommandTestSupport {
    private static final String INVERSE = "examples/btc-inverse-10x.json";

    @Test
    void jsonHasTheCoinTermsBesideTheUsdReport() throws IOException {
        assertThat(run("simulate", INVERSE, "--paths", "2000", "--engine", "scalar", "--format", "json")).isZero();
        JsonNode report = new ObjectMapper().readTree(stdout());
        JsonNode coin = report.get("coin");
        assertThat(coin.get("asset").asText()).isEqualTo("BTC");
        assertThat(coin.get("initialEquity").asDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(report.get("initialEquity").asDouble()).isCloseTo(6000, within(1e-9));
        // the breach leaves the requirement, 300 USD, which at the liquidation price 54,818.18 is 0.005473 BTC
        assertThat(coin.get("terminalEquityQuantiles").get("0.01").asDouble()).isCloseTo(300 / (60_300 / 1.1),
                within(1e-9));
        assertThat(coin.get("lossVar").get("0.99").asDouble()).isCloseTo(0.1 - 300 / (60_300 / 1.1), within(1e-9));
        assertThat(coin.get("breachProbability").asDouble())
                .isCloseTo(report.get("breachProbability").asDouble(), within(0.05));
    }

    @Test
    void tableAndCsvSayItInTheCoin() {
        assertThat(run("simulate", INVERSE, "--paths", "500", "--engine", "scalar")).isZero();
        assertThat(stdout()).contains("in BTC", "equity now 0.100000", "terminal equity BTC", "loss in BTC");
        out.reset();
        assertThat(run("simulate", INVERSE, "--paths", "500", "--engine", "scalar", "--format", "csv")).isZero();
        assertThat(stdout()).contains("coin.asset,BTC", "coin.initialEquity,0.1", "coin.lossEs.0.99,");
    }

    @Test
    void aLinearAccountHasNoCoinTerms() throws IOException {
        assertThat(run("simulate", "examples/btc-linear-10x-twin.json", "--paths", "500", "--engine", "scalar",
                "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(stdout()).has("coin")).isFalse();
    }

    @Test
    void anAccountWithoutCoinTermsSaysWhyOnceAndStillReports() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), """
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6},
                            {"name": "ETH", "price": 3000, "volatility": 0.7}],
                 "account": {"collateral": [{"asset": "BTC", "amount": 0.1}],
                   "positions": [{"asset": "BTC", "contract": "inverse", "faceValue": 1, "size": 60000,
                                  "entryPrice": 60000, "rules": {"type": "flat", "rate": 0.005}}]},
                 "horizonDays": 1, "paths": 500, "engine": "scalar"}""");
        assertThat(run("simulate", spec.toString(), "--format", "json")).isZero();
        assertThat(stderr().lines().filter(l -> l.startsWith("warning:"))).containsExactly("warning: the report "
                + "is in USD only: coin terms are computed for accounts in one asset, and this spec has 2");
        assertThat(new ObjectMapper().readTree(stdout()).has("coin")).isFalse();
    }
}
