package io.marginsim.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marginsim.check.SpecException;
import io.marginsim.result.Report;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpecBuilderTest {
    private static final String FILE = """
            {"assets": [{"name": "BTC", "price": 60000.0, "volatility": 0.6, "drift": 0.0},
                        {"name": "ETH", "price": 3000.0, "volatility": 0.8, "drift": 0.0}],
             "correlation": [[1.0, 0.7], [0.7, 1.0]],
             "account": {"mode": "cross", "cash": 6000.0, "collateral": [{"asset": "ETH", "amount": 2.0, "haircut": 0.1}],
                         "positions": [{"asset": "BTC", "size": 1.0, "entryPrice": 60000.0,
                                        "venue": "binance-usdm", "symbol": "BTCUSDT"},
                                       {"asset": "ETH", "size": -5.0, "entryPrice": 3100.0,
                                        "rules": {"type": "flat", "rate": 0.01}}]},
             "horizonDays": 5.0, "stepsPerDay": 4, "paths": 2000, "seed": 9, "engine": "scalar"}""";

    private static SpecBuilder builder() {
        return SpecBuilder.spec()
                .asset("BTC", 60000, 0.6)
                .asset("ETH", 3000, 0.8)
                .correlation(new double[][] {{1, 0.7}, {0.7, 1}})
                .cross().cash(6000)
                .collateral("ETH", 2, 0.1)
                .position("BTC", 1, 60000).venue("binance-usdm", "BTCUSDT")
                .position("ETH", -5, 3100).flatRate(0.01)
                .horizonDays(5).stepsPerDay(4).paths(2000).seed(9).engine("scalar");
    }

    @Test
    void writesTheSameJsonAsTheEquivalentSpecFile() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(builder().toJson())).isEqualTo(json.readTree(FILE));
    }

    @Test
    void builtSpecSimulatesExactlyLikeTheFile() throws Exception {
        Report built = builder().simulate();
        Report read = Simulator.simulate(SpecReader.parse(FILE, "file", false));
        assertThat(built.breachProbability()).isEqualTo(read.breachProbability());
        assertThat(built.buffer()).isEqualTo(read.buffer());
        assertThat(builder().build().account().positions()).hasSize(2);
    }

    @Test
    void invalidValuesNameTheSameJsonPathAsAFile() {
        assertThatThrownBy(() -> builder().position("BTC", 0, 60000).flatRate(0.01).build())
                .isInstanceOf(SpecException.class)
                .hasMessage("account.positions[2].size must be non-zero (negative for a short) but was 0");
    }

    @Test
    void positionModifiersNeedAPosition() {
        assertThatThrownBy(() -> SpecBuilder.spec().asset("BTC", 1, 0.5).margin(100))
                .isInstanceOf(SpecException.class)
                .hasMessage("margin() applies to the last position added but no position was added yet");
    }

    @Test
    void isolatedPositionsTakeTheirMargin() {
        Spec spec = SpecBuilder.spec().asset("BTC", 60000, 0.6).isolated()
                .position("BTC", 1, 60000).venue("binance-usdm", "BTCUSDT").margin(3000)
                .horizonDays(1).build();
        assertThat(spec.account().positions().getFirst().margin()).isEqualTo(3000);
    }

    @Test
    void portfolioMarginGridReadsLikeTheFile() {
        Spec built = SpecBuilder.spec().asset("BTC", 60000, 0.6).asset("ETH", 3000, 0.8).cash(15000)
                .position("BTC", 1, 60000).position("ETH", -10, 3000)
                .scenario("spread wide", java.util.Map.of("BTC", -0.10, "ETH", 0.15))
                .scenario("both down", java.util.Map.of("BTC", -0.10, "ETH", -0.10))
                .portfolioMinimum(500).horizonDays(1).build();
        var grid = built.account().portfolioMargin();
        assertThat(grid.minimum()).isEqualTo(500);
        assertThat(grid.scenarios()).extracting(s -> s.name()).containsExactly("spread wide", "both down");
        assertThat(grid.scenarios().getFirst().move("ETH")).isEqualTo(0.15);
    }

    @Test
    void inverseContractsTakeTheirFaceValueAndCoinMargin() {
        Spec inline = SpecBuilder.spec().asset("BTC", 60000, 0.6).isolated()
                .position("BTC", 60000, 60000).inverse(1).flatRate(0.005).margin(0.1)
                .horizonDays(1).build();
        var contract = inline.account().positions().getFirst().inverse();
        assertThat(contract.faceValue()).isEqualTo(1);
        assertThat(contract.coinMargin()).isEqualTo(0.1);
        // the linear equivalent of a long margined in coin: 1 coin of contracts plus the 0.1 coin of margin
        assertThat(inline.account().positions().getFirst().size()).isCloseTo(1.1, within(1e-12));
        Spec preset = SpecBuilder.spec().asset("BTC", 60000, 0.6).collateral("BTC", 0.1, 0)
                .position("BTC", 600, 60000).inverse().venue("binance-coinm", "BTCUSD_PERP")
                .horizonDays(1).build();
        assertThat(preset.account().positions().getFirst().inverse().faceValue()).isEqualTo(100);
    }

    @Test
    void writesTheMarketModelKeys() {
        Spec spec = SpecBuilder.spec()
                .asset("BTC", 60000, 0.6).degreesOfFreedom(5).jumps(10, -0.05, 0.03).ar1(0.1)
                .asset("ETH", 3000, 0.8).garch(0.1, 0.85)
                .stress(new double[] {-0.1, -0.15}, 1.5, 0.3)
                .cash(6000).position("BTC", 1.0, 60000).flatRate(0.01)
                .horizonDays(2).build();
        io.marginsim.market.AssetDynamics btc = spec.market().assets().get(0);
        org.assertj.core.api.Assertions.assertThat(btc.degreesOfFreedom()).isEqualTo(5);
        org.assertj.core.api.Assertions.assertThat(btc.jumps().intensity()).isEqualTo(10);
        org.assertj.core.api.Assertions.assertThat(btc.ar1()).isEqualTo(0.1);
        org.assertj.core.api.Assertions.assertThat(spec.market().assets().get(1).garch().omega())
                .isCloseTo(0.64 * 0.05, org.assertj.core.api.Assertions.within(1e-15));
        org.assertj.core.api.Assertions.assertThat(spec.market().stress().shock()).containsExactly(-0.1, -0.15);
        org.assertj.core.api.Assertions.assertThat(spec.market().isGbm()).isFalse();
    }

    @Test
    void writesTheLiquidationFundingBorrowAndHaircutKeysOfAFile() throws Exception {
        String file = """
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6, "drift": 0},
                            {"name": "ETH", "price": 3000, "volatility": 0.8, "drift": 0}],
                 "account": {"cash": 6000,
                             "collateral": [{"asset": "ETH", "amount": 2,
                                             "haircutModel": {"k": 3, "cap": 0.5, "liquidationHorizonDays": 2}}],
                             "debts": [{"asset": "ETH", "amount": 1, "borrowRate": 0.05}],
                             "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000, "venue": "binance-usdm",
                                            "symbol": "BTCUSDT", "funding": {"premium": {"basisSensitivity": 0.1}}},
                                           {"asset": "ETH", "size": -5, "entryPrice": 3100,
                                            "rules": {"type": "flat", "rate": 0.01},
                                            "funding": {"fundingRatePerInterval": 0.0001, "fundingIntervalHours": 4,
                                                        "premium": {"basisSensitivity": 0.2, "clampBand": 0.0005,
                                                                    "rateCap": 0.01, "rateFloor": -0.02}}}]},
                 "liquidation": {"latencySeconds": 30, "feeRate": 0.004, "feeCappedAtRemainingMargin": false,
                                 "slippage": {"model": "sqrt", "coefficient": 1.5, "volatilityThinning": 0.5,
                                              "depth": {"BTC": 20000000, "ETH": 5000000}},
                                 "partial": {"mode": "fraction", "fraction": 0.2, "aboveNotional": 100000}},
                 "horizonDays": 2}""";
        SpecBuilder built = SpecBuilder.spec()
                .asset("BTC", 60000, 0.6).asset("ETH", 3000, 0.8)
                .cash(6000)
                .volatilityCollateral("ETH", 2, 3, 0.5, 2)
                .debt("ETH", 1, 0.05)
                .position("BTC", 1, 60000).venue("binance-usdm", "BTCUSDT").premiumFunding(0.1)
                .position("ETH", -5, 3100).flatRate(0.01).funding(0.0001, 4).premiumFunding(0.2, 0.0005, 0.01, -0.02)
                .liquidationLatency(30).liquidationFee(0.004).feeCappedAtRemainingMargin(false)
                .slippage("sqrt", 1.5, 0.5).depth("BTC", 20000000).depth("ETH", 5000000)
                .partialFraction(0.2, 100000)
                .horizonDays(2);
        ObjectMapper json = new ObjectMapper();
        // the builder writes every number as a double; the file has whole numbers
        Comparator<JsonNode> sameNumber = (a, b) -> a.equals(b)
                || a.isNumber() && b.isNumber() && a.doubleValue() == b.doubleValue() ? 0 : 1;
        assertThat(json.readTree(built.toJson()).equals(sameNumber, json.readTree(file))).isTrue();
        Spec spec = built.build();
        assertThat(spec.microstructure()).isEqualTo(SpecReader.parse(file, "file", false).microstructure());
        assertThat(spec.microstructure().liquidation().positions().getFirst().feeCapped()).isFalse();
        assertThat(spec.microstructure().funding().getFirst().premium().rateCap()).isEqualTo(0.0075);
    }

    @Test
    void fundingWithoutARateTakesTheVenuesAndTheSimplestLiquidationTakesItsDefaults() {
        Spec spec = SpecBuilder.spec().asset("BTC", 60000, 0.6).cash(6000)
                .position("BTC", 1, 60000).venue("binance-usdm", "BTCUSDT").funding()
                .liquidation().partialTier()
                .horizonDays(1).build();
        assertThat(spec.microstructure().funding().getFirst().ratePerInterval()).isEqualTo(0.0001);
        assertThat(spec.microstructure().liquidation().positions().getFirst().feeCapped()).isTrue();
        assertThatThrownBy(() -> SpecBuilder.spec().asset("BTC", 1, 0.5).premiumFunding(0.1))
                .isInstanceOf(SpecException.class)
                .hasMessage("premiumFunding() applies to the last position added but no position was added yet");
    }
}
