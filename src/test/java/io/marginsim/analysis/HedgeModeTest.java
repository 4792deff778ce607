package io.marginsim.analysis;

import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Valuation;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hedge mode: a long and a short of one asset held as two positions of one cross account, each with its own entry
 * price and its own bracket. Binance's USD-M liquidation price formula for cross margin
 * (https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93) takes the maintenance rate and amount of
 * the LONG and of the SHORT position separately (MMR_L, cum_L, MMR_S, cum_S), each from its own bracket:
 * <pre>
 *   LP = (WB + cum_L + cum_S - L x EP_L + S x EP_S) / (L x MMR_L + S x MMR_S - L + S)
 * </pre>
 * The spec already holds two positions on one asset, and the compiler brackets every position by its own notional,
 * so hedge mode needs nothing of its own; these tests hold it to the per-leg rule.
 */
class HedgeModeTest {
    /** Two brackets: 0.4% below a 50,000 notional, 0.5% from it (derived amount 50). */
    private static final String RULE = """
            {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004}, {"floor": 50000, "rate": 0.005}]}""";

    private static CompiledProblem hedged(double price, Monitoring monitoring) {
        return ProblemCompiler.compile(SpecReader.parse(String.format(Locale.ROOT, """
                {"assets": [{"name": "BTC", "price": %s, "volatility": 0.6}],
                 "account": {"mode": "cross", "cash": 5000,
                   "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000, "rules": %s},
                                 {"asset": "BTC", "size": -0.5, "entryPrice": 62000, "rules": %s}]},
                 "horizonDays": 30, "stepsPerDay": 24, "paths": 1000, "seed": 31, "monitoring": "%s"}""",
                price, RULE, RULE, monitoring.key()), "test", false));
    }

    @Test
    void eachLegIsBracketedByItsOwnNotional() {
        // long 60,000 in the second bracket: 300 - 50; short 30,000 in the first: 120. The net 0.5 BTC would need
        // 120 and the gross 90,000 in one bracket 400
        CompiledProblem p = hedged(60_000, Monitoring.DISCRETE);
        assertThat(Valuation.crossRequirement(p, new double[] {60_000})).isCloseTo(370, within(1e-9));
        assertThat(Valuation.crossEquity(p, new double[] {60_000})).as("5,000 + 0 + 0.5 x 2,000")
                .isCloseTo(6_000, within(1e-9));
    }

    @Test
    void liquidationPriceIsBinancesHedgeModeFormula() {
        // at the price found the long's notional is below 50,000, so (as Binance's FAQ says) its first bracket is
        // substituted: MMR_L = 0.004, cum_L = 0; the short stays in its first bracket
        double expected = (5_000 + 0 + 0 - 1 * 60_000 + 0.5 * 62_000) / (1 * 0.004 + 0.5 * 0.004 - 1 + 0.5);
        LiquidationPrices.Result r = LiquidationPrices.compute(hedged(60_000, Monitoring.DISCRETE)).getFirst();
        assertThat(r.below()).isCloseTo(expected, within(1e-6));
        assertThat(expected).isCloseTo(48_582.996, within(1e-3));
    }

    @Test
    void legsKeepTheirOwnEntriesOnTheEnginesPathByPath() {
        for (Monitoring monitoring : Monitoring.values()) {
            CompiledProblem p = hedged(60_000, monitoring);
            PathBlock reference = new PathBlock(1000);
            new ScalarEngine(1, 1000).simulate(p, 0, reference);
            PathBlock lanes = new PathBlock(1000);
            new VectorEngine(1, 1000).simulate(p, 0, lanes);
            assertThat(lanes.breachStepAgreement(reference)).as(monitoring.key()).isEqualTo(1.0);
            int breaches = 0;
            for (int step : reference.firstBreachStep) {
                breaches += step == PathBlock.NO_BREACH ? 0 : 1;
            }
            assertThat(breaches).as("paths that breach").isBetween(50, 950);
        }
    }
}
