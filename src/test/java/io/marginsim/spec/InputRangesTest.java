package io.marginsim.spec;

import io.marginsim.analysis.SweepPlan;
import io.marginsim.check.SpecException;
import io.marginsim.engine.Specs;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every number has a sane range (values beyond it overflow the engines' arithmetic or mean a unit mistake), whole
 * numbers may be written in floating-point form, and a JSON document must end where its value ends.
 */
class InputRangesTest {
    private static final String VALID = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6, "drift": 0.05},
                        {"name": "ETH", "price": 3000, "volatility": 0.8}],
             "account": {"mode": "cross", "cash": 10000,
                         "collateral": [{"asset": "ETH", "amount": 2, "haircut": 0.1}],
                         "debts": [{"asset": "ETH", "amount": 1, "borrowRate": 0.05}],
                         "positions": [{"asset": "BTC", "size": 1.5, "entryPrice": 59000,
                                        "venue": "binance-usdm", "symbol": "BTCUSDT",
                                        "funding": {"fundingRatePerInterval": 0.0001, "fundingIntervalHours": 8}},
                                       {"asset": "ETH", "size": -10, "entryPrice": 3100,
                                        "rules": {"type": "flat", "rate": 0.01, "basis": "entry"}}]},
             "market": {"stress": {"shock": [-0.1, -0.2], "volatilityMultiplier": 2}},
             "liquidation": {"latencySeconds": 30, "feeRate": 0.005,
                             "slippage": {"model": "sqrt", "depth": {"BTC": 20000000, "ETH": 5000000},
                                          "coefficient": 1, "volatilityThinning": 0.5}},
             "horizonDays": 7, "stepsPerDay": 24, "paths": 5000, "seed": 42, "engine": "scalar"}""";

    @TempDir
    Path dir;

    private static Spec parse(String json) {
        return SpecReader.parse(json, "spec.json", false);
    }

    @Test
    void theValidSpecIsAccepted() {
        assertThat(parse(VALID).paths()).isEqualTo(5000);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "\"shock\": [-0.1, -0.2]|\"shock\": [1000, -0.2]|market.stress.shock[0] must be between -10 and 10 but was 1000.0",
            "\"volatilityMultiplier\": 2|\"volatilityMultiplier\": 1e6|market.stress.volatilityMultiplier must be at most 10 but was 1000000.0",
            "\"drift\": 0.05|\"drift\": 1e6|assets[0].drift must be between -1000 and 1000 but was 1000000.0",
            "\"volatility\": 0.6|\"volatility\": 1e308|assets[0].volatility must be at most 10 but was 1.0E308",
            "\"price\": 60000|\"price\": 1e308|assets[0].price must be at most 1e12 but was 1.0E308",
            "\"size\": 1.5|\"size\": 1e300|account.positions[0].size must be between -1e12 and 1e12 but was 1.0E300",
            "\"entryPrice\": 59000|\"entryPrice\": 1e300|account.positions[0].entryPrice must be at most 1e12 but was 1.0E300",
            "\"cash\": 10000|\"cash\": 1e308|account.cash must be between -1e15 and 1e15 but was 1.0E308",
            "\"amount\": 2|\"amount\": 1e300|account.collateral[0].amount must be at most 1e12 but was 1.0E300",
            "\"amount\": 1, |\"amount\": 1e300, |account.debts[0].amount must be at most 1e12 but was 1.0E300",
            "\"borrowRate\": 0.05|\"borrowRate\": 1e9|account.debts[0].borrowRate must be an annual rate >= 0 and at most 10 but was 1.0E9",
            "\"fundingRatePerInterval\": 0.0001|\"fundingRatePerInterval\": 5|account.positions[0].funding.fundingRatePerInterval must be between -0.1 and 0.1 but was 5.0",
            "\"fundingIntervalHours\": 8|\"fundingIntervalHours\": 1e9|account.positions[0].funding.fundingIntervalHours must be between 0.1 and 168 but was 1.0E9",
            "\"fundingIntervalHours\": 8|\"fundingIntervalHours\": 1e-308|account.positions[0].funding.fundingIntervalHours must be between 0.1 and 168 but was 1.0E-308",
            "\"latencySeconds\": 30|\"latencySeconds\": 1e12|liquidation.latencySeconds must be at most the horizon, 604800.0 seconds (7.0 days), but was 1.0E12",
            "\"coefficient\": 1|\"coefficient\": 1e300|liquidation.slippage.coefficient must be at most 1000 but was 1.0E300",
            "\"volatilityThinning\": 0.5|\"volatilityThinning\": 1e300|liquidation.slippage.volatilityThinning must be at most 1000 but was 1.0E300",
            "\"BTC\": 20000000|\"BTC\": 1e300|liquidation.slippage.depth.BTC must be a depth > 0 and at most 1e15 (quote currency) but was 1.0E300",
            "\"horizonDays\": 7|\"horizonDays\": 1e6|horizonDays must be at most 36500 but was 1000000.0",
    })
    void refusesValuesBeyondTheirRange(String from, String to, String message) {
        assertThatThrownBy(() -> parse(Specs.breaking(VALID, from, to))).isInstanceOf(SpecException.class)
                .hasMessage(message);
    }

    @Test
    void refusesADriftWhoseMoveOverTheHorizonOverflows() {
        String json = Specs.breaking(Specs.breaking(VALID, "\"drift\": 0.05", "\"drift\": 100"), "\"horizonDays\": 7",
                "\"horizonDays\": 365");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(SpecException.class).hasMessage("assets[0].drift times the "
                + "horizon (1.0 years) must be between -50 and 50 (a log move) but was 100.0 x 1.0 = 100.0");
    }

    @Test
    void refusesAGarchWhoseLongRunVolatilityIsBeyondRange() {
        String json = Specs.breaking(VALID, "\"volatility\": 0.8}", "\"garch\": {\"alpha\": 0.1, \"beta\": 0.8, \"omega\": 1e300}}");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("assets[1].garch.omega must give a long-run volatility sqrt(omega / (1 - alpha - beta)) of at most 10 but was 1.0E300");
    }

    @Test
    void refusesAPremiumCapBeyondTheFundingRange() {
        String json = Specs.breaking(VALID, "\"fundingIntervalHours\": 8}",
                "\"fundingIntervalHours\": 8, \"premium\": {\"basisSensitivity\": 0.5, \"clampBand\": 0.0005, \"rateCap\": 3}}");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(SpecException.class)
                .hasMessage("account.positions[0].funding.premium.rateCap must be between -0.1 and 0.1 but was 3.0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2000.0", "2e3", "2000", "2.0e3"})
    void acceptsWholeNumbersWrittenAsFloatingPoint(String paths) {
        Spec spec = parse(Specs.breaking(VALID, "\"paths\": 5000", "\"paths\": " + paths));
        assertThat(spec.paths()).isEqualTo(2000);
    }

    @Test
    void acceptsAFloatingPointStepsPerDayAndSeed() {
        Spec spec = parse(Specs.breaking(Specs.breaking(VALID, "\"stepsPerDay\": 24", "\"stepsPerDay\": 24.0"),
                "\"seed\": 42", "\"seed\": 4.2e1"));
        assertThat(spec.stepsPerDay()).isEqualTo(24);
        assertThat(spec.seed()).isEqualTo(42);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "\"paths\": 5000|\"paths\": 1e12|paths must be between 1 and 2147483639 but was 1.0E12",
            "\"paths\": 5000|\"paths\": 3000000000|paths must be between 1 and 2147483639 but was 3000000000",
            "\"paths\": 5000|\"paths\": 2000.5|paths must be a whole number but was 2000.5",
            "\"paths\": 5000|\"paths\": 1e999|paths must be between 1 and 2147483639 but was Infinity",
            "\"paths\": 5000|\"paths\": -1.0|paths must be between 1 and 2147483639 but was -1.0",
            "\"stepsPerDay\": 24|\"stepsPerDay\": 1e7|stepsPerDay must be between 1 and 1000000 but was 1.0E7",
            "\"seed\": 42|\"seed\": 1e30|seed must be between -9223372036854775808 and 9223372036854775807 but was 1.0E30",
    })
    void integerFieldsOutOfRangeNameTheRange(String from, String to, String message) {
        assertThatThrownBy(() -> parse(Specs.breaking(VALID, from, to))).isInstanceOf(SpecException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {" x", " {}", " {\"paths\": 1}", " 1", "]"})
    void refusesTextAfterTheSpec(String trailing) {
        assertThatThrownBy(() -> parse(VALID + trailing)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("spec.json is not valid JSON at line");
    }

    @Test
    void refusesTextAfterAScenariosFile() throws IOException {
        Files.writeString(dir.resolve("shocks.json"),
                "[{\"name\": \"a\", \"stress\": {}}] [{\"name\": \"b\", \"stress\": {}}]");
        String json = SpecEdits.replace(VALID, "\"engine\": \"scalar\"}", "\"engine\": \"scalar\", \"scenarios\": \"shocks.json\"}");
        Path spec = Files.writeString(dir.resolve("spec.json"), json);
        assertThatThrownBy(() -> SpecReader.readScenarios(spec, false)).isInstanceOf(SpecException.class)
                .hasMessageContaining("is not valid JSON at line 1");
    }

    @Test
    void refusesTextAfterASweepFile() throws IOException {
        String sweep = "{\"base\": " + VALID + ", \"axes\": [{\"path\": \"account.cash\", \"values\": [1000, 2000]}]}";
        SweepPlan.parse(sweep, dir, "sweep.json");
        assertThatThrownBy(() -> SweepPlan.parse(sweep + "\n{}", dir, "sweep.json")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("sweep.json is not valid JSON at line");
    }
}
