package io.marginsim.liquidation;

import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first breach and worst shortfall with liquidation mechanics are those of a shadow account that is never
 * liquidated: with no latency, no costs and full liquidation they are exactly the plain model's, path by path.
 */
class ShadowAccountTest {
    private static final int PATHS = 500;

    @Test
    void defaultMechanicsKeepThePlainBreachesOnAModelWithStatePerPath() {
        // GARCH variance carries from step to step: each path must start from the model's initial state, not from
        // where the previous path of the same block left it
        String plain = """
                {"assets": [{"name": "X", "price": 100, "volatility": 0.8,
                             "garch": {"alpha": 0.12, "beta": 0.85, "initialVolatility": 1.2}}],
                 "account": {"cash": 125, "positions": [{"asset": "X", "size": 10, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.05}}]},
                 "horizonDays": 16, "stepsPerDay": 8, "seed": 3, "engine": "scalar"}""";
        PathBlock before = run(OnePath.compile(plain));
        PathBlock after = run(OnePath.compile(SpecEdits.replace(plain, "\"seed\"", "\"liquidation\": {}, \"seed\"")));

        assertThat(after.firstBreachStep).containsExactly(before.firstBreachStep);
        assertThat(after.worstShortfall).containsExactly(before.worstShortfall);
        assertThat(after.liquidations).containsOnly(0, 1);
    }

    private static PathBlock run(CompiledProblem problem) {
        PathBlock block = PathBlock.forProblem(problem, PATHS);
        new ScalarEngine(1, PATHS).simulate(problem, 0, block);
        return block;
    }
}
