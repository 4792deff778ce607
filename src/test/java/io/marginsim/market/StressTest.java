package io.marginsim.market;

import io.marginsim.engine.Specs;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Stress overlays: the shock at t0, the volatility multiplier and the pull of correlation toward one. */
class StressTest {
    @Test
    void theShockMovesThePriceAtTimeZeroAndZeroVolatilityKeepsItThere() {
        // long 10 at 100 with cash 100 and a 5% rate: equity 100 + 10 (P - 100) < 0.5 P  <=>  P < 94.74;
        // a -4% log shock gives P = 96.08 (no breach), -6% gives 94.18 (breach at step 1, the first valuation)
        CompiledProblem calm = ProblemCompiler.compile(Specs.parse(stressed(-0.04)));
        CompiledProblem crash = ProblemCompiler.compile(Specs.parse(stressed(-0.06)));
        assertThat(crash.initialLogPrice.get(0)).isEqualTo(Math.log(100) - 0.06);
        assertThat(crash.gbmOnly()).isTrue();
        PathBlock none = new PathBlock(50);
        PathBlock all = new PathBlock(50);
        new ScalarEngine(1, 50).simulate(calm, 0, none);
        new ScalarEngine(1, 50).simulate(crash, 0, all);
        assertThat(none.firstBreachStep).containsOnly(PathBlock.NO_BREACH);
        assertThat(all.firstBreachStep).containsOnly(1);
        // equity frozen at the breach: 100 + 10 (100 exp(-0.06) - 100), exactly, on every path
        assertThat(all.terminalEquity).containsOnly(100 + 10 * (Math.exp(Math.log(100) - 0.06) - 100));
    }

    private static String stressed(double shock) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 100, "volatility": 0}],
                 "market": {"stress": {"shock": [%s]}},
                 "account": {"cash": 100, "positions": [{"asset": "X", "size": 10, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.05}}]},
                 "monitoring": "discrete", "horizonDays": 4, "stepsPerDay": 1, "seed": 1, "engine": "scalar"}""",
                shock);
    }

    @Test
    void theMultiplierScalesVolatilityAndTheCorrelationMovesTowardOne() {
        String spec = """
                {"assets": [{"name": "A", "price": 100, "volatility": 0.5}, {"name": "B", "price": 100, "volatility": 0.5,
                             "degreesOfFreedom": 30}],
                 "correlation": [[1, 0.2], [0.2, 1]],
                 "market": {"stress": {"volatilityMultiplier": 2, "correlationToOne": 0.5}},
                 "account": {"cash": 100, "collateral": [{"asset": "A", "amount": 1}]},
                 "monitoring": "discrete", "horizonDays": 4, "stepsPerDay": 1, "seed": 1, "engine": "scalar"}""";
        CompiledProblem p = Draws.problem(spec);
        int paths = 10_000;
        double[] a = Draws.flat(Draws.shocks(p, paths, 0));
        double[] b = Draws.flat(Draws.shocks(p, paths, 1));
        double v = 4 * p.stepVolatility.get(0) * p.stepVolatility.get(0);
        int n = a.length;
        assertThat(Draws.variance(a)).isCloseTo(v, within(4 * v * Math.sqrt(2.0 / n)));
        // C' = 0.5 * 0.2 + 0.5 = 0.6; B's t(30) mixing shrinks the correlation by E[sqrt(28 / W)] = 0.992
        double shrink = Math.sqrt(14) * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(14.5)
                - org.apache.commons.math3.special.Gamma.logGamma(15));
        assertThat(Draws.correlation(a, b)).isCloseTo(0.6 * shrink, within(4 * (1 - 0.36) / Math.sqrt(n)));
        // a GBM asset's loading folds the multiplier in
        assertThat(p.shockLoading.get(0)).isCloseTo(2 * p.stepVolatility.get(0), within(1e-15));
    }
}
