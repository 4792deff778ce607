package io.marginsim.liquidation;

import io.marginsim.check.SpecException;
import io.marginsim.engine.Specs;
import io.marginsim.spec.Presets;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LiquidationSpecTest {
    private static final String VALID = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}, {"name": "ETH", "price": 3000, "volatility": 0.8}],
             "account": {"cash": 10000,
                         "collateral": [{"asset": "ETH", "amount": 2, "haircutModel": {"k": 3, "cap": 0.5, "liquidationHorizonDays": 2}}],
                         "debts": [{"asset": "ETH", "amount": 1, "borrowRate": 0.05}],
                         "positions": [{"asset": "BTC", "size": 1.5, "entryPrice": 59000, "venue": "binance-usdm",
                                        "symbol": "BTCUSDT", "funding": {"fundingIntervalHours": 4}},
                                       {"asset": "ETH", "size": -10, "entryPrice": 3100, "rules": {"type": "flat", "rate": 0.01},
                                        "funding": {"fundingRatePerInterval": -0.0002}}]},
             "horizonDays": 2, "stepsPerDay": 24, "paths": 100, "engine": "scalar",
             "liquidation": {"latencySeconds": 30,
                             "slippage": {"model": "sqrt", "depth": {"BTC": 20000000, "ETH": 5000000}, "volatilityThinning": 0.5},
                             "partial": {"mode": "fraction", "fraction": 0.25}}}""";

    private static Spec parse(String json) {
        return Specs.parse(json);
    }

    private static String breaking(String from, String to) {
        return Specs.breaking(VALID, from, to);
    }

    @Test
    void readsEveryKeyWithVenueDefaultsForWhatItLeavesOut() {
        Spec spec = parse(VALID);
        Microstructure m = spec.microstructure();
        // binance-usdm: 0.01% per interval, the spec's own 4 h interval; the inline position states its rate
        assertThat(m.funding()).containsExactly(new Funding(0.0001, 4), new Funding(-0.0002, 8));
        assertThat(m.borrowRate()).containsExactly(0.05);
        assertThat(m.liquidation().latencySeconds()).isEqualTo(30);
        assertThat(m.liquidation().impact()).isEqualTo(ImpactModel.SQRT);
        // no feeRate in the spec: binance-usdm's clearance fee for the preset position, none for the inline one
        assertThat(m.liquidation().positions()).extracting(LiquidationTerms.PositionTerms::feeRate)
                .containsExactly(0.005, 0.0);
        // binance-usdm takes its fee out of the remaining margin only; inline rules have no such default
        assertThat(m.liquidation().positions()).extracting(LiquidationTerms.PositionTerms::feeCapped)
                .containsExactly(true, false);
        assertThat(m.liquidation().positions()).extracting(LiquidationTerms.PositionTerms::depth)
                .containsExactly(20000000.0, 5000000.0);
        assertThat(spec.account().collateral().get(0).haircut()).isCloseTo(3 * 0.8 * Math.sqrt(2 / 365.0), within(1e-15));
    }

    @Test
    void presetsCarryLiquidationDefaults() {
        assertThat(Presets.get("venue", "hyperliquid").liquidation().partial())
                .isEqualTo(new PartialPolicy(PartialPolicy.Mode.FRACTION, 0.2, 100000));
        assertThat(Presets.get("venue", "bybit-linear").liquidation().partial().mode()).isEqualTo(PartialPolicy.Mode.TIER);
        assertThat(Presets.get("venue", "deribit-linear").liquidation()).isEqualTo(LiquidationDefaults.NONE);
    }

    @Test
    void theHaircutCapApplies() {
        Spec spec = parse(breaking("\"k\": 3", "\"k\": 100"));
        assertThat(spec.account().collateral().get(0).haircut()).isEqualTo(0.5);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "\"latencySeconds\": 30|\"latencySeconds\": -1|liquidation.latencySeconds must be a finite number >= 0 but was -1.0",
            "\"model\": \"sqrt\"|\"model\": \"cubic\"|liquidation.slippage.model must be \"linear\" or \"sqrt\" but was \"cubic\"",
            "\"BTC\": 20000000, |\"BTC\": 0, |liquidation.slippage.depth.BTC must be a depth > 0 and at most 1e15 (quote currency) but was 0.0",
            "\"BTC\": 20000000, |\"SOL\": 1, |liquidation.slippage.depth.BTC is required: the depth of every position's asset (position 0 trades BTC)",
            "{\"BTC\": 20000000, \"ETH\": 5000000}|[1000]|liquidation.slippage.depth must have one entry per position (2) but had 1",
            "\"volatilityThinning\": 0.5|\"volatilityThinning\": -2|liquidation.slippage.volatilityThinning must be a finite number >= 0 but was -2.0",
            "\"latencySeconds\": 30,|\"latencySeconds\": 30, \"feeRate\": 1,|liquidation.feeRate must be >= 0 and < 1 but was 1.0",
            "\"mode\": \"fraction\"|\"mode\": \"half\"|liquidation.partial.mode must be \"full\", \"tier\" or \"fraction\" but was \"half\"",
            "\"fraction\": 0.25|\"fraction\": 1.5|liquidation.partial.fraction must be > 0 and <= 1 (the share closed per event) but was 1.5",
            "\"mode\": \"fraction\", \"fraction\": 0.25|\"mode\": \"fraction\"|liquidation.partial.fraction is required when mode is \"fraction\"",
            "\"mode\": \"fraction\", \"fraction\": 0.25|\"mode\": \"tier\", \"fraction\": 0.25|liquidation.partial.fraction applies to mode \"fraction\" only but mode is \"tier\"",
            "\"latencySeconds\": 30,|\"latency\": 30,|liquidation.latency is not a known key; allowed here: latencySeconds, slippage, feeRate, feeCappedAtRemainingMargin, partial",
            "\"latencySeconds\": 30,|\"latencySeconds\": 30, \"feeCappedAtRemainingMargin\": 1,|liquidation.feeCappedAtRemainingMargin must be true or false but was 1",
            "\"fundingIntervalHours\": 4|\"fundingIntervalHours\": 0|account.positions[0].funding.fundingIntervalHours must be between 0.1 and 168 but was 0.0",
            "\"fundingRatePerInterval\": -0.0002|\"fundingIntervalHours\": 8|account.positions[1].funding.fundingRatePerInterval is required because the position's venue (or inline rules) gives no funding default",
            "\"borrowRate\": 0.05|\"borrowRate\": -0.05|account.debts[0].borrowRate must be an annual rate >= 0 and at most 10 but was -0.05",
            "\"cap\": 0.5|\"cap\": 1|account.collateral[0].haircutModel.cap must be >= 0 and < 1 but was 1.0",
            "\"k\": 3|\"k\": -3|account.collateral[0].haircutModel.k must be a finite number >= 0 but was -3.0",
            "\"haircutModel\": {|\"haircut\": 0.1, \"haircutModel\": {|account.collateral[0].haircut must not be given together with haircutModel (the model sets it)",
    })
    void everyNewKeyIsCheckedWithItsPathValueAndRule(String from, String to, String message) {
        assertThatThrownBy(() -> parse(breaking(from, to))).isInstanceOf(SpecException.class).hasMessage(message);
    }
}
