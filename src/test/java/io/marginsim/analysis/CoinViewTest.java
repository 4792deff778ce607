package io.marginsim.analysis;

import io.marginsim.engine.InverseSpecs;
import io.marginsim.engine.Specs;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.CoinTerms;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The account valued in its coin runs on the mirror image of the USD paths: every path breaches at the same step,
 * and its coin equity is its USD equity divided by that path's own price.
 */
class CoinViewTest {
    private static final int PATHS = 4096;

    @ParameterizedTest
    @EnumSource(Monitoring.class)
    void crossLongBreachesOnTheSamePathsAndValuesEachPathAtItsOwnPrice(Monitoring monitoring) {
        Spec spec = InverseSpecs.inverseLong(0.6, 7, PATHS, monitoring);
        PathBlock usd = run(ProblemCompiler.compile(spec));
        PathBlock coin = run(CoinView.problem(spec));
        // at step ends the paths are the same; a bridge between them draws the long side's least price in USD and
        // the dollar's greatest price in coin, from different words of its stream, so there the two agree in law
        if (monitoring == Monitoring.DISCRETE) {
            assertThat(coin.breachStepAgreement(usd)).isEqualTo(1.0);
        }
        int breaches = 0;
        int coinBreaches = 0;
        for (int i = 0; i < PATHS; i++) {
            breaches += usd.firstBreachStep[i] == PathBlock.NO_BREACH ? 0 : 1;
            coinBreaches += coin.firstBreachStep[i] == PathBlock.NO_BREACH ? 0 : 1;
            if (coin.firstBreachStep[i] == usd.firstBreachStep[i]) {
                // USD equity (0.1 + q) P - q E with q = 1 coin, E = 60,000 gives the path's own price
                double price = (usd.terminalEquity[i] + 60_000) / 1.1;
                assertThat(coin.terminalEquity[i]).as("path %d", i)
                        .isCloseTo(usd.terminalEquity[i] / price, within(1e-9));
            }
        }
        assertThat(breaches).isBetween(PATHS / 20, PATHS - PATHS / 20);
        double p = (double) breaches / PATHS;
        // two estimates of one probability, at worst independent
        assertThat((double) coinBreaches / PATHS).isCloseTo(p, within(4 * Math.sqrt(2 * p * (1 - p) / PATHS)));
    }

    @Test
    void isolatedLongAndShortBreachOnTheSamePaths() {
        Spec spec = InverseSpecs.inverseIsolated(0.6, 7, PATHS, Monitoring.DISCRETE);
        PathBlock usd = run(ProblemCompiler.compile(spec));
        PathBlock coin = run(CoinView.problem(spec));
        assertThat(coin.breachStepAgreement(usd)).isEqualTo(1.0);
    }

    @Test
    void zeroVolatilityKeepsTheCoinEquityAndLosesNothing() throws Exception {
        CoinTerms terms = CoinView.run(InverseSpecs.inverseLong(0, 7, 64, Monitoring.DISCRETE),
                Engines.Options.defaults()).orElseThrow();
        assertThat(terms.asset()).isEqualTo("BTC");
        assertThat(terms.initialEquity()).isCloseTo(0.1, within(1e-12));
        assertThat(terms.breachProbability()).isZero();
        // the default engine may run in float
        assertThat(terms.terminalEquityQuantiles().values()).allSatisfy(v -> assertThat(v).isCloseTo(0.1, within(1e-7)));
        assertThat(terms.lossVar().values()).allSatisfy(v -> assertThat(v).isCloseTo(0, within(1e-7)));
    }

    @Test
    void linearAccountsHaveNoCoinView() throws Exception {
        assertThat(CoinView.run(InverseSpecs.linearLong(0.6, 7, 64, Monitoring.DISCRETE), Engines.Options.defaults()))
                .isEmpty();
    }

    @Test
    void aSecondAssetIsToldWhyThereIsNoCoinView() {
        Spec spec = Specs.parse("""
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6},
                            {"name": "ETH", "price": 3000, "volatility": 0.7}],
                 "account": {"collateral": [{"asset": "BTC", "amount": 0.1}],
                   "positions": [{"asset": "BTC", "contract": "inverse", "faceValue": 1, "size": 60000,
                                  "entryPrice": 60000, "rules": {"type": "flat", "rate": 0.005}}]},
                 "horizonDays": 1}""");
        assertThat(CoinView.unsupported(spec)).contains("one asset").contains("2");
    }

    private static PathBlock run(CompiledProblem problem) {
        PathBlock block = new PathBlock(PATHS);
        new ScalarEngine(1, PATHS).simulate(problem, 0, block);
        return block;
    }
}
