package io.marginsim.engine.scalar;

import io.marginsim.engine.Specs;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spec without a {@code market} key must keep the exact results of the GBM-only engine. The expected vectors
 * were computed by the scalar engine at commit 286a444, before the market models existed, and are frozen here.
 */
class DefaultMarketRegressionTest {
    static final String SPEC = """
            {"assets": [{"name": "A", "price": 100, "volatility": 0.9, "drift": 0.1},
                        {"name": "B", "price": 50, "volatility": 1.2}],
             "correlation": [[1, 0.6], [0.6, 1]],
             "account": {"cash": 150, "positions": [
               {"asset": "A", "size": 10, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
               {"asset": "B", "size": -10, "entryPrice": 50, "rules": {"type": "flat", "rate": 0.05}}]},
             "monitoring": "discrete", "horizonDays": 8, "stepsPerDay": 4, "seed": 2024, "engine": "scalar"}""";

    static final int[] FIRST_BREACH = {5, 0, 0, 0, 2, 0, 0, 0, 29, 24, 0, 0, 0, 22, 7, 27, 0, 0, 0, 7, 20, 0, 0, 0, 19,
            14, 0, 0, 0, 32, 0, 13, 0, 27, 0, 6, 0, 0, 0, 28, 0, 0, 18, 14, 0, 21, 19, 12, 18, 15, 6, 13, 0, 0, 0, 17, 26,
            22, 17, 20, 0, 0, 11, 0};
    static final double[] TERMINAL_EQUITY_HEAD = {60.54257044078305, 94.8508774324803, 234.91562295725947,
            190.8971773425742, 67.04131046496073, 176.31609832026726, 239.9764063404723, 196.21830291984588};

    @Test
    void noMarketKeyReproducesTheGbmResultsOfBeforeTheMarketModels() {
        Spec spec = Specs.parse(SPEC);
        PathBlock block = new PathBlock(64);
        new ScalarEngine(1, 64).simulate(ProblemCompiler.compile(spec), 0, block);
        assertThat(block.firstBreachStep).containsExactly(FIRST_BREACH);
        assertThat(Arrays.copyOf(block.terminalEquity, 8)).containsExactly(TERMINAL_EQUITY_HEAD);
    }
}
