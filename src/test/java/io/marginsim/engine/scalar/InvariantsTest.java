package io.marginsim.engine.scalar;

import io.marginsim.engine.Engine;
import io.marginsim.engine.Specs;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.ReportBuilder;
import io.marginsim.result.Samples;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import io.marginsim.stats.PathStats;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Properties that hold path by path, whatever the random numbers. */
class InvariantsTest {
    private static PathBlock paths(Spec spec, int count) {
        PathBlock block = new PathBlock(count);
        new ScalarEngine(1, 1024).simulate(ProblemCompiler.compile(spec), 0, block);
        return block;
    }

    /**
     * Without volatility the price falls along a known curve: the first breach is the first step whose end is below
     * the liquidation price under either monitoring (a path without diffusion has no crossing between its step
     * ends), and the account closes at that step's end price when checked at step ends, at the liquidation price
     * itself when checked continuously.
     */
    @Test
    void zeroVolatilityIsDeterministicAndBreachesAtTheComputedStep() {
        double barrier = (10 * 100 - 100) / (10 - 0.05 * 10);
        double dt = 1 / (365.0 * 8);
        int expectedStep = (int) Math.floor(Math.log(100 / barrier) / (0.5 * dt)) + 1;
        double priceAtBreach = 100 * Math.exp(-0.5 * expectedStep * dt);
        for (Monitoring monitoring : Monitoring.values()) {
            PathBlock block = paths(Specs.single(0.0, -0.5, 10, 100, 0.05, 64, 8, 1000, 3, monitoring), 1000);
            double closed = monitoring == Monitoring.DISCRETE ? priceAtBreach : barrier;
            assertThat(block.firstBreachStep).as(monitoring.key()).containsOnly(expectedStep);
            // log prices are accumulated step by step, so allow for rounding
            for (double equity : block.terminalEquity) {
                assertThat(equity).as(monitoring.key()).isCloseTo(100 + 10 * (closed - 100), within(1e-8));
            }
        }
    }

    /**
     * At step ends, path by path. (Checked continuously the whole position follows one asset's bridge and the halves
     * a Brownian excess from other draws, so they agree in distribution only: see ContinuousConvergenceTest.)
     */
    @Test
    void twoPerfectlyCorrelatedHalvesEqualOneWholePosition() {
        PathBlock whole = paths(Specs.parse("""
                {"assets": [{"name": "A", "price": 100, "volatility": 0.8}],
                 "account": {"cash": 200, "positions": [{"asset": "A", "size": 20, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.05}}]},
                 "horizonDays": 16, "stepsPerDay": 8, "seed": 11, "monitoring": "discrete"}"""), 4000);
        PathBlock halves = paths(Specs.parse("""
                {"assets": [{"name": "A", "price": 100, "volatility": 0.8}, {"name": "B", "price": 100, "volatility": 0.8}],
                 "correlation": [[1, 1], [1, 1]],
                 "account": {"cash": 200, "positions": [
                   {"asset": "A", "size": 10, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                   {"asset": "B", "size": 10, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]},
                 "horizonDays": 16, "stepsPerDay": 8, "seed": 11, "monitoring": "discrete"}"""), 4000);
        assertThat(halves.breachStepAgreement(whole)).isEqualTo(1.0);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(halves.worstShortfall[i]).isCloseTo(whole.worstShortfall[i], within(1e-9 * 2000));
        }
    }

    @Test
    void moreCashNeverAddsABreach() {
        PathBlock lean = paths(Specs.single(0.8, 0, 10, 100, 0.05, 16, 8, 5000, 5), 5000);
        PathBlock rich = paths(Specs.single(0.8, 0, 10, 130, 0.05, 16, 8, 5000, 5), 5000);
        int leanBreaches = 0;
        for (int i = 0; i < lean.size(); i++) {
            if (rich.firstBreachStep[i] != PathBlock.NO_BREACH) {
                assertThat(lean.firstBreachStep[i]).isBetween(1, rich.firstBreachStep[i]);
            }
            if (lean.firstBreachStep[i] != PathBlock.NO_BREACH) {
                leanBreaches++;
            }
            assertThat(rich.worstShortfall[i]).isCloseTo(lean.worstShortfall[i] - 30, within(1e-9));
        }
        assertThat(leanBreaches).isGreaterThan(0);
    }

    @Test
    void resultsDoNotDependOnChunkSizeOrThreads() {
        CompiledProblem problem = ProblemCompiler.compile(Specs.single(0.8, 0, 10, 100, 0.05, 8, 8, 10_000, 9));
        PathStats a;
        PathStats b;
        try (Engine one = new ScalarEngine(1, 10_000); Engine many = new ScalarEngine(3, 777)) {
            a = one.run(problem, 0, 10_000, Engine.ProgressListener.NONE);
            b = many.run(problem, 0, 10_000, Engine.ProgressListener.NONE);
        }
        assertThat(b.breachesAtStep()).containsExactly(a.breachesAtStep());
        assertThat(Samples.sorted(b.worstShortfall())).containsExactly(Samples.sorted(a.worstShortfall()));
        assertThat(Samples.sorted(b.terminalEquity())).containsExactly(Samples.sorted(a.terminalEquity()));
    }

    @Test
    void theSolvedBufferMeetsItsTargetOnTheSamePathsAndWithinItsIntervalOnFreshOnes() {
        int n = 40_000;
        Spec spec = Specs.single(0.8, 0, 10, 100, 0.05, 16, 8, n, 21);
        PathStats base = run(spec, n);
        double buffer = ReportBuilder.buffers(base.worstShortfall(), 0.01)[0];
        assertThat(buffer).isPositive();

        PathStats same = run(Specs.single(0.8, 0, 10, 100 + buffer, 0.05, 16, 8, n, 21), n);
        assertThat((double) same.breaches() / n).isLessThanOrEqualTo(0.01);

        PathStats fresh = run(Specs.single(0.8, 0, 10, 100 + buffer, 0.05, 16, 8, n, 22), n);
        // fresh paths: binomial standard error of 1% over n paths, 4 standard errors
        assertThat((double) fresh.breaches() / n).isCloseTo(0.01, within(4 * Math.sqrt(0.01 * 0.99 / n)));
    }

    private static PathStats run(Spec spec, int n) {
        try (Engine engine = new ScalarEngine()) {
            return engine.run(ProblemCompiler.compile(spec), 0, n, Engine.ProgressListener.NONE);
        }
    }

    @Test
    void isolatedPositionsBreachOnTheirOwnMarginAndFreezeAtLiquidation() {
        // A: 10 + (P - 100) < 0.01 P  ->  P < 90 / 0.99; P_t = 100 exp(-2 t / 365)
        double barrier = 90 / 0.99;
        int step = (int) Math.floor(Math.log(100 / barrier) / (2 / 365.0)) + 1;
        for (Monitoring monitoring : Monitoring.values()) {
            Spec spec = Specs.parse(String.format(Locale.ROOT, """
                    {"assets": [{"name": "A", "price": 100, "volatility": 0.0, "drift": -2.0},
                                {"name": "B", "price": 100, "volatility": 0.0, "drift": 0.0}],
                     "account": {"mode": "isolated", "cash": 50, "positions": [
                       {"asset": "A", "size": 1, "entryPrice": 100, "margin": 10, "rules": {"type": "flat", "rate": 0.01}},
                       {"asset": "B", "size": -1, "entryPrice": 100, "margin": 10, "rules": {"type": "flat", "rate": 0.01}}]},
                     "horizonDays": 30, "stepsPerDay": 1, "seed": 1, "monitoring": "%s"}""", monitoring.key()));
            PathBlock block = paths(spec, 3);
            // A closes at its breach step's end price, or (continuously) at its liquidation price
            double closedAt = monitoring == Monitoring.DISCRETE ? 100 * Math.exp(-2 * step / 365.0) : barrier;
            double frozen = 10 + (closedAt - 100);
            assertThat(block.firstBreachStep).as(monitoring.key()).containsOnly(step);
            // cash + A's equity when closed + B's margin (B's price does not move)
            assertThat(block.terminalEquity[0]).as(monitoring.key()).isCloseTo(50 + frozen + 10, within(1e-9));
        }
    }
}
