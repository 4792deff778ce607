package io.marginsim.analysis;

import io.marginsim.check.SpecException;
import io.marginsim.engine.InverseSpecs;
import io.marginsim.engine.Specs;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.Report;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BufferSolverTest {
    private static final Engines.Options TWO_THREADS = new Engines.Options(2, -1, Engines.Options.defaults().precision());
    /** 10 units long at 100 with 150 cash: breaches on roughly 7% of paths over 4 days at 80% volatility. */
    private static final Spec SPEC = Specs.single(0.8, 0, 10, 150, 0.005, 4, 6, 20_000, 7);

    @Test
    void solvedCashBufferMeetsTheTargetOnFreshSeeds() throws Exception {
        double target = 0.02;
        BufferSolver.CashSolution solution = BufferSolver.solveCash(SPEC, target, TWO_THREADS);
        assertThat(solution.breachProbability()).isGreaterThan(target);
        assertThat(solution.buffer()).isPositive().isBetween(solution.bufferCi95()[0], solution.bufferCi95()[1]);
        double se = Math.sqrt(target * (1 - target) / SPEC.paths());
        for (long seed : new long[] {101, 202}) {
            Spec fresh = BufferSolver.withBuffer(SPEC, solution.buffer()).withRun(SPEC.paths(), seed, SPEC.engine());
            Report report = Simulator.simulate(fresh, TWO_THREADS, paths -> { });
            assertThat(report.breachProbability()).isCloseTo(target, within(4 * se));
        }
    }

    @Test
    void cashBufferOnTheSameSeedIsExactlyTheTarget() throws Exception {
        BufferSolver.CashSolution solution = BufferSolver.solveCash(SPEC, 0.02, TWO_THREADS);
        Report report = Simulator.simulate(BufferSolver.withBuffer(SPEC, solution.buffer()), TWO_THREADS, paths -> { });
        assertThat(report.breachProbability()).isLessThanOrEqualTo(0.02);
    }

    @Test
    void sizeSolutionIsTheLargestScaleThatMeetsTheTarget() throws Exception {
        double target = 0.02;
        Spec small = SPEC.withRun(4000, 7, SPEC.engine());
        BufferSolver.SizeSolution solution = BufferSolver.solveSize(small, target, TWO_THREADS);
        assertThat(solution.scale()).isBetween(0.1, 1.0);
        assertThat(solution.breachProbability()).isLessThanOrEqualTo(target);
        assertThat(solution.sizes()).containsExactly(10 * solution.scale());
        assertThat(solution.leverage()).isCloseTo(10 * solution.scale() * 100 / 150, within(1e-9));
        double above = solution.scale() * (1 + 2 * BufferSolver.SCALE_TOLERANCE);
        Report atSolution = Simulator.simulate(BufferSolver.scaled(small, solution.scale()), TWO_THREADS, p -> { });
        Report beyond = Simulator.simulate(BufferSolver.scaled(small, above), TWO_THREADS, p -> { });
        assertThat(atSolution.breachProbability()).isLessThanOrEqualTo(target);
        assertThat(beyond.breachProbability()).isGreaterThan(target);
    }

    @Test
    void targetOutsideZeroOneIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> BufferSolver.solveCash(SPEC, 1.5, TWO_THREADS))
                .isInstanceOf(SpecException.class)
                .hasMessage("--target must be a breach probability strictly between 0 and 1 but was 1.5");
    }

    @Test
    void scalingAnInverseContractScalesItsContractsAndKeepsItsCoinMargin() {
        Spec spec = InverseSpecs.inverseIsolated(0.6, 7, 100, Monitoring.DISCRETE);
        var scaled = ProblemCompiler.compile(BufferSolver.scaled(spec, 2));
        // twice the contracts of the short (-60,000 at 60,000, 0.1 BTC) and of the long (30,000 at 58,000, 0.05 BTC)
        var expected = ProblemCompiler.compile(Specs.parse("""
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}],
                 "account": {"mode": "isolated",
                   "positions": [{"asset": "BTC", "contract": "inverse", "faceValue": 1, "size": -120000,
                                  "entryPrice": 60000, "margin": 0.1, "rules": {"type": "flat", "rate": 0.005}},
                                 {"asset": "BTC", "contract": "inverse", "faceValue": 1, "size": 60000,
                                  "entryPrice": 58000, "margin": 0.05,
                                  "rules": {"type": "flat", "rate": 0.005, "basis": "entry"}}]},
                 "horizonDays": 7, "stepsPerDay": 24, "paths": 100}"""));
        assertThat(scaled.positionSize.toArray()).containsExactly(expected.positionSize.toArray());
        assertThat(scaled.positionEntry.toArray()).containsExactly(expected.positionEntry.toArray());
        assertThat(scaled.positionMargin.toArray()).containsExactly(expected.positionMargin.toArray());
        assertThat(scaled.tierRate.toArray()).containsExactly(expected.tierRate.toArray());
        // the short's USD equivalent is -2 + 0.1 coins, not twice -1 + 0.1
        assertThat(scaled.positionSize.get(0)).isCloseTo(-1.9, within(1e-12));
    }
}
