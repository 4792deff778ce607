package io.marginsim.engine.scalar;

import io.marginsim.engine.Specs;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A path's outcome is a function of its index alone: simulated after other paths on the same thread or on its own,
 * it is the same to the bit, with the market model's state (GARCH variance) and the liquidation mechanics in play.
 */
class PathOrderTest {
    private static final int PATHS = 32;

    @ParameterizedTest(name = "liquidation keys: {0}")
    @ValueSource(strings = {"", ", \"liquidation\": {\"latencySeconds\": 5400, \"feeRate\": 0.01}"})
    void aPathDoesNotDependOnThePathsBeforeIt(String liquidation) {
        CompiledProblem problem = ProblemCompiler.compile(Specs.parse(String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 100,
                             "garch": {"omega": 0.05, "alpha": 0.15, "beta": 0.8, "initialVolatility": 0.6}}],
                 "account": {"cash": 15, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.05},
                             "funding": {"fundingRatePerInterval": 0.0001}}]},
                 "monitoring": "discrete", "horizonDays": 8, "stepsPerDay": 24, "seed": 3, "engine": "scalar" %s}""",
                liquidation)));
        PathBlock together = PathBlock.forProblem(problem, PATHS);
        new ScalarEngine(1, PATHS).simulate(problem, 0, together);
        for (int i = 0; i < PATHS; i++) {
            PathBlock alone = PathBlock.forProblem(problem, 1);
            new ScalarEngine(1, 1).simulate(problem, i, alone);
            assertThat(alone.firstBreachStep[0]).as("breach step of path %d", i).isEqualTo(together.firstBreachStep[i]);
            assertThat(alone.terminalEquity[0]).as("terminal equity of path %d", i).isEqualTo(together.terminalEquity[i]);
        }
    }
}
