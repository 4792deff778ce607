package io.marginsim.spec;

import io.marginsim.check.SpecException;
import io.marginsim.engine.Specs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecReaderTest {
    private static final String VALID = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6, "drift": 0.05},
                        {"name": "ETH", "price": 3000, "volatility": 0.8}],
             "correlation": [[1, 0.7], [0.7, 1]],
             "account": {"mode": "cross", "cash": 10000,
                         "collateral": [{"asset": "ETH", "amount": 2, "haircut": 0.1}],
                         "positions": [{"asset": "BTC", "size": 1.5, "entryPrice": 59000,
                                        "venue": "binance-usdm", "symbol": "BTCUSDT"},
                                       {"asset": "ETH", "size": -10, "entryPrice": 3100,
                                        "rules": {"type": "flat", "rate": 0.01, "basis": "entry"}}]},
             "horizonDays": 7, "stepsPerDay": 24, "paths": 5000, "seed": 42, "engine": "scalar"}""";

    private static Spec parse(String json) {
        return SpecReader.parse(json, "spec.json", false);
    }

    private static String breaking(String from, String to) {
        return Specs.breaking(VALID, from, to);
    }

    @Test
    void readsACompleteSpec() {
        Spec spec = parse(VALID);
        assertThat(spec.assets()).hasSize(2);
        assertThat(spec.correlation().get(0, 1)).isEqualTo(0.7);
        assertThat(spec.account().positions().get(1).size()).isEqualTo(-10);
        assertThat(spec.steps()).isEqualTo(168);
        assertThat(spec.engine()).isEqualTo(EngineKind.SCALAR);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "\"volatility\": 0.6|\"volatility\": -0.6|assets[0].volatility must be a finite number >= 0 but was -0.6",
            "\"price\": 60000|\"price\": 0|assets[0].price must be a finite number > 0 but was 0.0",
            "\"price\": 60000|\"price\": \"NaN\"|assets[0].price must be a number but was \"NaN\"",
            "\"horizonDays\": 7|\"horizonDays\": 0|horizonDays must be a finite number > 0 but was 0.0",
            "\"size\": 1.5|\"size\": 0|account.positions[0].size must be non-zero (negative for a short) but was 0",
            "\"drift\": 0.05|\"drif\": 0.05|assets[0].drif is not a known key; allowed here: name, price, volatility, drift, degreesOfFreedom, jumpIntensity, jumpMean, jumpStdev, garch, ar1",
            "\"symbol\": \"BTCUSDT\"|\"symbol\": \"DOGE\"|account.positions[0].symbol must be one of [BTCUSDT] for venue binance-usdm but was \"DOGE\"",
            "\"venue\": \"binance-usdm\"|\"venue\": \"nowhere\"|account.positions[0].venue must name a known venue preset (binance-usdm, bybit-linear, deribit-linear, hyperliquid, aave-v3, bybit-inverse, binance-coinm, bitmex) but was \"nowhere\"",
            "\"haircut\": 0.1|\"haircut\": 1.5|account.collateral[0].haircut must be >= 0 and < 1 but was 1.5",
            "\"engine\": \"scalar\"|\"engine\": \"gpu\"|engine must be one of auto, scalar, vector, opencl but was \"gpu\"",
            "\"asset\": \"ETH\", \"amount\"|\"asset\": \"SOL\", \"amount\"|account.collateral[0].asset must name one of the assets [BTC, ETH] but was \"SOL\"",
            "\"mode\": \"cross\"|\"mode\": \"portfolio\"|account.mode must be \"cross\" or \"isolated\" but was \"portfolio\"",
            "\"rate\": 0.01|\"rate\": 0.01, \"tiers\": []|account.positions[1].rules.tiers is not a known key; allowed here: type, rate, basis, triggerFeeRate",
            "\"paths\": 5000|\"paths\": 0|paths must be between 1 and 2147483639 but was 0",
            "\"stepsPerDay\": 24|\"stepsPerDay\": 2.5|stepsPerDay must be a whole number but was 2.5",
            "[[1, 0.7], [0.7, 1]]|[[1, 0.7], [0.6, 1]]|correlation[0][1] must equal correlation[1][0] (symmetric) but was 0.7 vs 0.6",
    })
    void rejectsInvalidInputNamingPathValueAndRule(String from, String to, String message) {
        assertThatThrownBy(() -> parse(breaking(from, to))).isInstanceOf(SpecException.class).hasMessage(message);
    }

    @Test
    void rejectsANonPositiveSemiDefiniteCorrelationAndOffersRepair() {
        String json = """
                {"assets": [{"name": "A", "price": 1, "volatility": 0.5}, {"name": "B", "price": 1, "volatility": 0.5},
                            {"name": "C", "price": 1, "volatility": 0.5}],
                 "correlation": [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]],
                 "account": {"cash": 10, "positions": [{"asset": "A", "size": 1, "entryPrice": 1,
                             "rules": {"type": "flat", "rate": 0.05}}]},
                 "horizonDays": 1}""";
        assertThatThrownBy(() -> parse(json))
                .hasMessageStartingWith("correlation must be positive semi-definite but its smallest eigenvalue is -0.")
                .hasMessageContaining("\"repairCorrelation\": true")
                .hasMessageContaining("--repair-correlation");
        Spec repaired = SpecReader.parse(json, "spec.json", true);
        assertThat(io.marginsim.market.CorrelationMatrix.smallestEigenvalue(repaired.correlation().toArray()))
                .isGreaterThan(-1e-9);
        double[][] original = {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}};
        double[][] fixed = repaired.correlation().toArray();
        double toRepaired = 0;
        double toIdentity = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(fixed[i][i]).isEqualTo(1.0);
            for (int j = 0; j < 3; j++) {
                assertThat(fixed[i][j]).isEqualTo(fixed[j][i]);
                toRepaired += Math.pow(fixed[i][j] - original[i][j], 2);
                toIdentity += Math.pow((i == j ? 1 : 0) - original[i][j], 2);
            }
        }
        // nearest: much closer to the input than the trivial valid matrix
        assertThat(toRepaired).isLessThan(0.5 * toIdentity);
    }

    @Test
    void reportsSyntaxErrorsWithTheirLocation() {
        assertThatThrownBy(() -> parse("{\"assets\": [}"))
                .hasMessageStartingWith("spec.json is not valid JSON at line 1, column 13");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> parse("{\"paths\": 1, \"paths\": 2}"))
                .hasMessageContaining("Duplicate field 'paths'");
    }

    @Test
    void aMissingFileIsOneClearSentence() {
        assertThatThrownBy(() -> SpecReader.read(Path.of("no/such/spec.json")))
                .hasMessage("spec file no/such/spec.json does not exist");
    }

    @Test
    void isolatedPositionsNeedMarginAndCrossPositionsRefuseIt() {
        assertThatThrownBy(() -> parse(breaking("\"mode\": \"cross\"", "\"mode\": \"isolated\"")))
                .hasMessage("account.positions[0].margin is required in isolated mode (the margin assigned to the position)");
        assertThatThrownBy(() -> parse(breaking("\"size\": 1.5,", "\"size\": 1.5, \"margin\": 100,")))
                .hasMessageStartingWith("account.positions[0].margin applies to isolated mode only");
    }
}
