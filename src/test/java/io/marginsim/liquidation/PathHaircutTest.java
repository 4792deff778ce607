package io.marginsim.liquidation;

import io.marginsim.engine.MarketPath;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Volatility-scaled haircuts on a GARCH asset follow its conditional volatility. With {@code alpha = 0} the variance
 * is deterministic, {@code sigma_{t+1}^2 = (1 - beta) sigma^2 + beta sigma_t^2} in annual units, so the haircut of
 * every step is known by hand while the price stays random; equity is read back against the path's own price.
 */
class PathHaircutTest {
    private static final int PATHS = 8;

    /** Cash and 2 X pledged at haircut min(cap, k sigma sqrt(1 / 365)), with a short X perp that never breaches. */
    private static String spec(double beta, double initialVolatility, double k, int steps) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 100, "volatility": 0.6,
                             "garch": {"alpha": 0, "beta": %s, "initialVolatility": %s}}],
                 "account": {"cash": 1000,
                             "collateral": [{"asset": "X", "amount": 2,
                                             "haircutModel": {"k": %s, "cap": 0.5, "liquidationHorizonDays": 1}}],
                             "positions": [{"asset": "X", "size": -1, "entryPrice": 100,
                                            "rules": {"type": "flat", "rate": 0.01}}]},
                 "monitoring": "discrete", "horizonDays": %s, "stepsPerDay": 24, "paths": 8, "seed": 3, "engine": "scalar"}""",
                beta, initialVolatility, k, steps / 24.0);
    }

    /** Terminal equity of each path divided out to {@code 1 - haircut}: (E - cash - perp PnL) / (2 P_T). */
    private static double[] keptShare(String json) {
        CompiledProblem problem = OnePath.compile(json);
        PathBlock block = new PathBlock(PATHS);
        new ScalarEngine(1, 3).simulate(problem, 0, block);
        double[][] returns = MarketPath.logReturns(problem, 0, PATHS);
        double[] kept = new double[PATHS];
        for (int i = 0; i < PATHS; i++) {
            double log = problem.initialLogPrice.get(0);
            for (double r : returns[i]) {
                log += r;
            }
            double price = Math.exp(log);
            assertThat(block.firstBreachStep[i]).isEqualTo(PathBlock.NO_BREACH);
            kept[i] = (block.terminalEquity[i] - 1000 + (price - 100)) / (2 * price);
        }
        return kept;
    }

    private static void allCloseTo(double[] values, double expected) {
        assertThat(values).hasSize(PATHS);
        for (double x : values) {
            assertThat(x).isCloseTo(expected, within(1e-12));
        }
    }

    private static double haircut(double k, double annualVariance) {
        return Math.min(0.5, k * Math.sqrt(annualVariance / 365));
    }

    @Test
    void atTheLongRunLevelWithoutDynamicsTheHaircutIsTheCompiledConstant() {
        String json = spec(0, 0.6, 3, 5);
        assertThat(OnePath.compile(json).featuresInUse()).contains(Feature.PATH_HAIRCUTS);
        allCloseTo(keptShare(json), 1 - haircut(3, 0.36));
    }

    @ParameterizedTest(name = "after {0} step(s)")
    @CsvSource({"1, 0.9", "2, 0.63", "3, 0.495"})
    void aHighStartingVarianceDecaysAndTheHaircutWithIt(int steps, double annualVariance) {
        // beta 0.5 from 1.2^2 = 1.44 towards 0.36: each step's haircut uses the variance of the step after it,
        // 0.18 + 0.5 x 1.44 = 0.9, then 0.18 + 0.45 = 0.63, then 0.18 + 0.315 = 0.495
        double expected = 1 - haircut(3, annualVariance);
        assertThat(expected).isLessThan(1 - haircut(3, 0.36));
        allCloseTo(keptShare(spec(0.5, 1.2, 3, steps)), expected);
    }

    @Test
    void theCapBinds() {
        // k 20 at an annual variance of 0.9: 20 x 0.949 / 19.1 = 0.99, capped at 0.5
        allCloseTo(keptShare(spec(0.5, 1.2, 20, 1)), 0.5);
    }

    @Test
    void aGbmAssetKeepsItsHaircutFixedAndNeedsNoFeature() {
        String json = spec(0, 0.6, 3, 5).replaceAll(",\\s*\"garch\": \\{[^}]*}", "");
        assertThat(json).doesNotContain("garch");
        assertThat(OnePath.compile(json).featuresInUse()).isEmpty();
        allCloseTo(keptShare(json), 1 - haircut(3, 0.36));
    }

    @Test
    void everyPathStartsFromTheInitialVarianceWhateverTheChunk() {
        // alpha > 0: the variance depends on the path's own shocks, and must not carry over from the path before
        CompiledProblem problem = OnePath.compile(SpecEdits.replace(spec(0.5, 1.2, 3, 24), "\"alpha\": 0,", "\"alpha\": 0.2,"));
        PathBlock together = new PathBlock(PATHS);
        new ScalarEngine(1, PATHS).simulate(problem, 0, together);
        for (int i = 0; i < PATHS; i++) {
            PathBlock alone = new PathBlock(1);
            new ScalarEngine(1, 1).simulate(problem, i, alone);
            assertThat(alone.terminalEquity[0]).isEqualTo(together.terminalEquity[i]);
        }
    }
}
