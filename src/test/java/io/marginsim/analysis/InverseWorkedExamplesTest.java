package io.marginsim.analysis;

import io.marginsim.model.InverseContract;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Valuation;
import io.marginsim.rules.Basis;
import io.marginsim.rules.MaintenanceRule;
import io.marginsim.rules.RuleTerms;
import io.marginsim.spec.Presets;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Inverse-contract worked examples from the venues' own documentation, each checked within the rounding the page
 * prints. Every number below is the page's; the URL is in each test's comment.
 */
class InverseWorkedExamplesTest {

    private static List<LiquidationPrices.Result> solve(String json) {
        return LiquidationPrices.compute(compile(json));
    }

    private static CompiledProblem compile(String json) {
        return ProblemCompiler.compile(SpecReader.parse(json, "test", false));
    }

    private static MaintenanceRule flat(double rate, Basis basis) {
        return new MaintenanceRule.Flat(rate, RuleTerms.on(basis));
    }

    /**
     * Bybit, "How to calculate Liquidation Price (Inverse Contract)",
     * https://help.bybit.com/hc/en-us/articles/360039261334-How-to-calculate-Liquidation-Price-Inverse-Contract- :
     * cross margin, account balance 0.5 BTC, long 10,000 contracts (1 USD each) at 8,000, maintenance 0.5% of
     * quantity / average entry price (the bybit-inverse preset), and the fee to close, quantity x 0.00075 / bankruptcy price with the page's
     * bankruptcy price 5,718.57, held back from the balance. The page gives 5,739.50; Bybit rounds a long's
     * bankruptcy price up to the next 0.5 (https://help.bybit.com/hc/en-us/articles/360011431853-What-is-Bankruptcy-Price-)
     * and the exact root lies within that step below the printed price.
     */
    @Test
    void bybitCrossLongFromTheInverseLiquidationPage() {
        double closeFee = 10_000 * 0.00075 / 5718.57;
        var r = solve(String.format(Locale.ROOT, """
                {"assets": [{"name": "BTC", "price": 8000, "volatility": 0.5}],
                 "account": {"mode": "cross", "collateral": [{"asset": "BTC", "amount": %s}],
                   "positions": [{"asset": "BTC", "contract": "inverse", "size": 10000, "entryPrice": 8000,
                                  "venue": "bybit-inverse", "symbol": "BTCUSD"}]},
                 "horizonDays": 1}""", 0.5 - closeFee));
        assertThat(r.getFirst().below()).isLessThanOrEqualTo(5739.50).isGreaterThan(5739.50 - 0.5);
        assertThat(r.getFirst().above()).isNaN();
    }

    /**
     * Bybit, "Liquidation Price Calculation under Isolated Mode (Unified Trading Account)",
     * https://www.bybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account :
     * 60,000 USD of BTCUSD at 50,000 with 10x, MMR 0.5%: position value 60,000 / 50,000 = 1.2 BTC, initial margin
     * 1.2 / 10 = 0.12 BTC, and the published closed forms Long = quantity / [value + (IM - MM)], Short = quantity /
     * [value - (IM - MM)] with MM = value x MMR.
     */
    @Test
    void bybitIsolatedMatchesThePublishedClosedFormsBothSides() {
        double value = 60_000.0 / 50_000;
        assertThat(value).isEqualTo(1.2);
        double im = value / 10;
        double mm = value * 0.005;
        for (int side : new int[] {1, -1}) {
            var r = solve(String.format(Locale.ROOT, """
                    {"assets": [{"name": "BTC", "price": 50000, "volatility": 0.5}],
                     "account": {"mode": "isolated", "positions": [{"asset": "BTC", "contract": "inverse",
                       "faceValue": 1, "size": %d, "entryPrice": 50000, "margin": %s,
                       "rules": {"type": "flat", "rate": 0.005, "basis": "entry"}}]},
                     "horizonDays": 1}""", side * 60_000, im));
            double published = 60_000 / (value + side * (im - mm));
            double found = side > 0 ? r.getFirst().below() : r.getFirst().above();
            assertThat(found).as("side %d", side).isCloseTo(published, within(published * 1e-12));
        }
    }

    /**
     * Deribit, "Example (futures)", https://www.deribit.com/docs/example-futures/ : buy 100 contracts of US$10 at
     * US$600, sell at US$700: profit 1000/600 - 1000/700 = 0,238095 BTC or 166.66 USD with bitcoin at 700 (the
     * page truncates); the margin, 4% of US$1000 = US$40, is 40/600 = 0,0666 BTC.
     */
    @Test
    void deribitFuturesExampleInCoinAndUsd() {
        InverseContract c = new InverseContract("BTC", 100, 10, 600, flat(0.04, Basis.MARK), 0);
        assertThat(c.coinPnl(700)).isCloseTo(0.238095, within(1e-6));
        CompiledProblem p = compile("""
                {"assets": [{"name": "BTC", "price": 600, "volatility": 0.5}],
                 "account": {"positions": [{"asset": "BTC", "contract": "inverse", "faceValue": 10, "size": 100,
                   "entryPrice": 600, "rules": {"type": "flat", "rate": 0.04}}]},
                 "horizonDays": 1}""");
        double usdAt700 = Valuation.crossEquity(p, new double[] {700});
        assertThat(usdAt700).isCloseTo(166.66, within(0.01)).isCloseTo(c.coinPnl(700) * 700, within(1e-9));
        assertThat(c.coinRequirement(600)).isCloseTo(0.0666, within(0.0001));
        // the coin requirement on the value at mark is a constant 40 USD, whatever the price
        assertThat(Valuation.crossRequirement(p, new double[] {600})).isCloseTo(40, within(1e-9));
        assertThat(Valuation.crossRequirement(p, new double[] {700})).isCloseTo(40, within(1e-9));
    }

    /**
     * Bybit, "What is Inverse Contract?", https://www.bybit.com/kk-KZ/help-center/article/What-is-Inverse-Contract :
     * buy 10,000 contracts at $23,000, about 0.435 BTC; close at $25,000, 10,000/25,000 = 0.4 BTC; profit
     * 0.435 - 0.4 = 0.035 BTC (the page rounds to three decimals).
     */
    @Test
    void bybitInverseContractProfit() {
        InverseContract c = new InverseContract("BTC", 10_000, 1, 23_000, flat(0.005, Basis.ENTRY), 0);
        assertThat(c.entryCoinValue()).isCloseTo(0.435, within(0.0005));
        assertThat(c.usdNotional() / 25_000).isEqualTo(0.4);
        assertThat(c.coinPnl(25_000)).isCloseTo(0.035, within(0.0005));
    }

    /**
     * Binance, "How to Calculate Liquidation Price of COIN-M Futures Contracts", https://www.binance.com/es-MX/
     * support/faq/how-to-calculate-liquidation-price-of-coin-m-futures-contracts-ceccfcfb4e3a45e3b48b0b1bb1a8ae46 :
     * 100 contracts of 100 USD at mark 25,000 are 100 x 100 / 25,000 = 0.4 BTC of notional, in level 1 (0.4%), so
     * maintenance margin = 0.4 x 0.4% - 0 = 0.0016 BTC. The binance-coinm preset holds that level.
     */
    @Test
    void binanceCoinMMaintenanceMarginInLevelOne() {
        MaintenanceRule level1 = Presets.get("venue", "binance-coinm").symbols().get("BTCUSD_PERP");
        InverseContract c = new InverseContract("BTC", 100, 100, 25_000, level1, 0);
        assertThat(c.usdNotional() / 25_000).isEqualTo(0.4);
        assertThat(c.coinRequirement(25_000)).isCloseTo(0.0016, within(1e-12));
    }

    /**
     * BitMEX, "Inverse Futures Guide", https://www.bitmex.com/app/inverseFuturesGuide : to go long 10 XBT of XBTU20
     * at 10,000 (multiplier 1 USD) the trader buys 10 x 10,000 = 100,000 contracts, and at 100x needs 0.1 XBT of
     * margin: 1% of the position value in coin.
     */
    @Test
    void bitmexFuturesPositionValueAndMargin() {
        InverseContract c = new InverseContract("XBT", 100_000, 1, 10_000, flat(0.01, Basis.MARK), 0);
        assertThat(c.entryCoinValue()).isEqualTo(10);
        assertThat(c.coinRequirement(10_000)).isCloseTo(0.1, within(1e-12));
    }
}
