package io.marginsim.analysis;

import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Worked examples from the venues' documentation. Binance: the USD-M liquidation-price FAQ example (wallet balance
 * 1,535,443.01; BTCUSDT long 109.488 @ 32,481.98, mark 31,967.27; ETHUSDT long 3,683.979 @ 1,456.84, mark 1,335.18).
 * Bybit: isolated long 1 BTC @ 20,000 at 50x, MMR 0.5% -> 19,700. Hyperliquid: liquidation prices returned by the
 * exchange for 50x positions.
 */
class LiquidationPricesTest {
    /** ETH bracket whose derived deduction is the example's 135,365 (0.05 x 2,707,300) at a 10% rate. */
    private static final String ETH_RULE = """
            {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.05}, {"floor": 2707300, "rate": 0.10}]}""";

    private static List<LiquidationPrices.Result> solve(String json) {
        return LiquidationPrices.compute(ProblemCompiler.compile(SpecReader.parse(json, "test", false)));
    }

    private static String binance(String mode, String positions) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "BTC", "price": 31967.27, "volatility": 0.5},
                            {"name": "ETH", "price": 1335.18, "volatility": 0.6}],
                 "account": {"mode": "%s", "cash": 1535443.01, "positions": [%s]},
                 "horizonDays": 1}""", mode, positions);
    }

    private static final String BTC = """
            {"asset": "BTC", "size": 109.488, "entryPrice": 32481.98, "venue": "binance-usdm", "symbol": "BTCUSDT" %s}""";
    private static final String ETH = """
            {"asset": "ETH", "size": 3683.979, "entryPrice": 1456.84, "rules": %s %s}""";

    @Test
    void binanceIsolatedBtc() {
        var r = solve(binance("isolated", String.format(Locale.ROOT, BTC, ", \"margin\": 1535443.01")));
        assertThat(r.getFirst().below()).isCloseTo(18778.73, within(0.005));
    }

    @Test
    void binanceCrossBtcWithEthHeldAtItsMark() {
        var r = solve(binance("cross",
                String.format(Locale.ROOT, BTC, "") + "," + String.format(Locale.ROOT, ETH, ETH_RULE, "")));
        assertThat(r).extracting(LiquidationPrices.Result::asset).containsExactly("BTC", "ETH");
        assertThat(r.get(0).below()).isCloseTo(26316.89, within(0.005));
        assertThat(r.get(1).below()).isCloseTo(1153.26, within(0.005));
        assertThat(r.get(0).above()).isNaN();
    }

    @Test
    void bybitIsolatedLongUsesEntryValue() {
        var r = solve("""
                {"assets": [{"name": "BTC", "price": 20000, "volatility": 0.5}],
                 "account": {"mode": "isolated", "positions": [{"asset": "BTC", "size": 1, "entryPrice": 20000,
                             "margin": 400, "venue": "bybit-linear", "symbol": "BTCUSDT"}]},
                 "horizonDays": 1}""");
        assertThat(r.getFirst().below()).isCloseTo(19_700, within(1e-9));
    }

    /** The exchange's figures agree with the formula to about 1e-8 relative (its own rounding): 1e-3 absolute. */
    @Test
    void hyperliquidIsolatedExamples() {
        assertThat(hyperliquid(62739, 0.00077, 24.137992).below()).isCloseTo(31708.03843631, within(1e-3));
        assertThat(hyperliquid(68595, -0.00069, 23.64871).above()).isCloseTo(101849.99354283, within(1e-3));
        assertThat(hyperliquid(66930, 0.0015, 20.043862).below()).isCloseTo(54108.51043771, within(1e-3));
    }

    private static LiquidationPrices.Result hyperliquid(double entry, double size, double margin) {
        return solve(String.format(Locale.ROOT, """
                {"assets": [{"name": "BTC", "price": %s, "volatility": 0.5}],
                 "account": {"mode": "isolated", "positions": [{"asset": "BTC", "size": %s, "entryPrice": %s,
                             "margin": %s, "rules": {"type": "initial-fraction", "maxLeverage": 50}}]},
                 "horizonDays": 1}""", entry, size, entry, margin)).getFirst();
    }

    @Test
    void aaveHealthFactorReachesOneWhenCollateralTimesThresholdEqualsDebt() {
        // Aave docs: $10,000 of ETH at an 80% threshold against $6,000 of debt has health factor 1.333;
        // liquidation when 0.8 x value = 6,000, i.e. ETH at 75% of today's price.
        var r = solve("""
                {"assets": [{"name": "ETH", "price": 2500, "volatility": 0.7}],
                 "account": {"cash": -6000, "collateral": [{"asset": "ETH", "amount": 4, "liquidationThreshold": 0.8}]},
                 "horizonDays": 1}""");
        assertThat(r.getFirst().below()).isCloseTo(1875, within(1e-9));
    }

    @Test
    void tierBoundaryIsCrossedWhenTheLiquidationPriceFallsInAnotherBracket() {
        // a short whose notional grows past a bracket floor before liquidation: solve must use the upper bracket
        var r = solve("""
                {"assets": [{"name": "X", "price": 100, "volatility": 0.5}],
                 "account": {"mode": "isolated", "positions": [{"asset": "X", "size": -1000, "entryPrice": 100,
                   "margin": 20000, "rules": {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.01},
                                                                          {"floor": 110000, "rate": 0.05}]}}]},
                 "horizonDays": 1}""");
        double p = r.getFirst().above();
        // 20000 - 1000 (p - 100) = 1000 p x 0.05 - 110000 x 0.04  ->  p = 124400 / 1050
        assertThat(p).isCloseTo(124_400.0 / 1_050, within(1e-9));
    }

    private static LiquidationPrices.Result isolated(double size, double entry, double margin, String rules) {
        return solve(String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": %s, "volatility": 0.5}],
                 "account": {"mode": "isolated", "positions": [{"asset": "X", "size": %s, "entryPrice": %s,
                             "margin": %s, "rules": %s}]},
                 "horizonDays": 1}""", entry, size, entry, margin, rules)).getFirst();
    }

    /**
     * Gate's published formula for linear contracts: liquidation price = (entry ∓ margin / size) / (1 ∓ (maintenance
     * margin rate + taker fee rate)), minus for longs and plus for shorts (Gate support's reply of 2023-07-02 on Gate
     * Square, https://www.gatenode.pro/post/status/3870211). Long and short 1 BTC at 20,000 with 1,000 of margin, 0.5%
     * maintenance, 0.075% taker fee.
     */
    @Test
    void gateTriggerIncludesTheTakerFee() {
        String rules = """
                {"type": "flat", "rate": 0.005, "triggerFeeRate": 0.00075}""";
        assertThat(isolated(1, 20_000, 1_000, rules).below()).isCloseTo(19_000 / (1 - 0.00575), within(1e-9));
        assertThat(isolated(-1, 20_000, 1_000, rules).above()).isCloseTo(21_000 / (1 + 0.00575), within(1e-9));
    }

    /**
     * Binance's isolated formula with the bracket's own maintenance amount cum: LP = (WB + cum - Pos x EP) /
     * (Pos x MMR - Pos) for a long. A special bracket publishes cum 60 where continuity would give 50: long 100 at
     * 1,000 with 10,000 of margin liquidates at (10,000 + 60 - 100,000) / (0.5 - 100), in the 0.5% bracket.
     */
    @Test
    void aPublishedMaintenanceAmountIsUsedAsGiven() {
        var r = isolated(100, 1_000, 10_000, """
                {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004}, {"floor": 50000, "rate": 0.005, "amount": 60}]}""");
        assertThat(r.below()).isCloseTo((10_000 + 60 - 100_000) / (0.5 - 100), within(1e-9));
    }

    @Test
    void anEntryBracketStaysInTheBracketOfTheEntryValue() {
        // the short of tierBoundaryIsCrossedWhenTheLiquidationPriceFallsInAnotherBracket, its bracket fixed at its
        // entry value of 100,000 (1%): 20000 - 1000 (p - 100) = 1000 p x 0.01  ->  p = 120000 / 1010
        var r = isolated(-1000, 100, 20_000, """
                {"type": "tiered", "bracketBasis": "entry",
                 "tiers": [{"floor": 0, "rate": 0.01}, {"floor": 110000, "rate": 0.05}]}""");
        assertThat(r.above()).isCloseTo(120_000.0 / 1_010, within(1e-9));
    }
}
