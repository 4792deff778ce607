package io.marginsim.stats;

import io.marginsim.engine.Engine;
import io.marginsim.engine.Specs;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.ScopeBlock;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Invariants of the per-position statistics on the scalar reference, and their merging and encoding: an isolated
 * account breaches exactly when a position does, at the earliest position's step; the first-breach counts per position
 * plus the ties add up to the account's breaches; the positions' liquidation losses and bad debts add up to the path's.
 */
class ScopeStatsTest {
    private static final int PATHS = 3_000;

    /**
     * Isolated: a 10x long on A and a 20x long on A (two barriers on one price, so some paths breach both within one
     * step), and a short on B; {@code liquidation} is the body of a {@code liquidation} object, or null for none;
     * {@code funding} charges the 10x long funding, which its margin pays live and the shadow account as a charge.
     */
    private static CompiledProblem problem(Monitoring monitoring, String liquidation, boolean funding) {
        return ProblemCompiler.compile(Specs.parse(String.format(Locale.ROOT, """
                {"assets": [{"name": "A", "price": 100, "volatility": 0.9}, {"name": "B", "price": 40, "volatility": 1.1}],
                 "correlation": [[1, 0.4], [0.4, 1]],
                 "account": {"mode": "isolated", "cash": 50, "positions": [
                   {"asset": "A", "size": 10, "entryPrice": 100, "margin": 100, "rules": {"type": "flat", "rate": 0.02}%s},
                   {"asset": "A", "size": 5, "entryPrice": 100, "margin": 25, "rules": {"type": "flat", "rate": 0.02}},
                   {"asset": "B", "size": -15, "entryPrice": 40, "margin": 90, "rules": {"type": "flat", "rate": 0.05}}]},
                 "horizonDays": 16, "stepsPerDay": 4, "seed": 9, "monitoring": "%s"%s}""",
                funding ? ", \"funding\": {\"fundingRatePerInterval\": 0.003}" : "", monitoring.key(),
                        liquidation == null ? "" : ", \"liquidation\": {" + liquidation + "}")));
    }

    private static final String MECHANICS = "\"latencySeconds\": 3600, \"feeRate\": 0.005, "
            + "\"partial\": {\"mode\": \"fraction\", \"fraction\": 0.5, \"aboveNotional\": 250}";

    private static PathBlock paths(CompiledProblem problem, long first, int size) {
        PathBlock block = PathBlock.forProblem(problem, size);
        new ScalarEngine(1, size).simulate(problem, first, block);
        return block;
    }

    @ParameterizedTest
    @CsvSource({"DISCRETE, false, false", "CONTINUOUS, false, false", "DISCRETE, true, false",
            "CONTINUOUS, true, false", "DISCRETE, false, true", "CONTINUOUS, true, true"})
    void theAccountBreachesAtItsEarliestPositionsStepAndFirstSharesAddUp(Monitoring monitoring, boolean liquidation,
                                                                         boolean funding) {
        CompiledProblem problem = problem(monitoring, liquidation ? MECHANICS : null, funding);
        PathBlock block = paths(problem, 0, PATHS);
        ScopeBlock scopes = block.scopes;
        double notional = 10 * 100 + 5 * 100 + 15 * 40;
        for (int path = 0; path < PATHS; path++) {
            int earliest = PathBlock.NO_BREACH;
            double loss = 0;
            double badDebt = 0;
            for (int s = 0; s < problem.positions; s++) {
                int step = scopes.breachStep[scopes.at(path, s)];
                if (step != PathBlock.NO_BREACH && (earliest == PathBlock.NO_BREACH || step < earliest)) {
                    earliest = step;
                }
                if (liquidation) {
                    loss += scopes.liquidationLoss[scopes.at(path, s)];
                    badDebt += scopes.badDebt[scopes.at(path, s)];
                }
            }
            assertThat(block.firstBreachStep[path]).as("account breach step of path %d", path).isEqualTo(earliest);
            if (liquidation) {
                assertThat(loss).as("liquidation loss of path %d", path)
                        .isCloseTo(block.liquidationLoss[path], within(1e-12 * notional));
                assertThat(badDebt).as("bad debt of path %d", path).isCloseTo(block.badDebt[path],
                        within(1e-12 * notional));
            }
        }
        PathStats stats = PathStats.of(problem.steps, block);
        ScopeStats perScope = stats.scopes();
        long first = perScope.tiedFirst();
        for (int s = 0; s < perScope.scopes(); s++) {
            first += perScope.firstAlone(s);
            assertThat(perScope.breaches(s)).isPositive();
        }
        assertThat(first).isEqualTo(stats.breaches());
        // two barriers on one price: with step-end checks some paths cross both in one step
        if (monitoring == Monitoring.DISCRETE) {
            assertThat(perScope.tiedFirst()).isPositive();
        }
    }

    @Test
    void identicalPositionsAlwaysTieAndNeitherIsFirst() {
        CompiledProblem problem = ProblemCompiler.compile(Specs.parse("""
                {"assets": [{"name": "A", "price": 100, "volatility": 0.9}],
                 "account": {"mode": "isolated", "cash": 0, "positions": [
                   {"asset": "A", "size": 10, "entryPrice": 100, "margin": 100, "rules": {"type": "flat", "rate": 0.02}},
                   {"asset": "A", "size": 10, "entryPrice": 100, "margin": 100, "rules": {"type": "flat", "rate": 0.02}}]},
                 "horizonDays": 16, "stepsPerDay": 4, "seed": 9, "monitoring": "discrete"}"""));
        ScopeStats scopes = PathStats.of(problem.steps, paths(problem, 0, 1000)).scopes();
        assertThat(scopes.breaches(0)).isPositive().isEqualTo(scopes.breaches(1));
        assertThat(scopes.tiedFirst()).isEqualTo(scopes.breaches(0));
        assertThat(scopes.firstAlone(0)).isZero();
        assertThat(scopes.firstAlone(1)).isZero();
    }

    @Test
    void rangesMergedAndEncodedEqualTheWholeRun() {
        CompiledProblem problem = problem(Monitoring.DISCRETE, MECHANICS, true);
        ScalarEngine engine = new ScalarEngine(1, 700);
        PathStats whole = engine.run(problem, 0, PATHS, Engine.ProgressListener.NONE);
        PathStats merged = PathStatsEncoding.decode(PathStatsEncoding.encode(
                engine.run(problem, 0, 1000, Engine.ProgressListener.NONE)));
        merged.merge(PathStatsEncoding.decode(PathStatsEncoding.encode(
                engine.run(problem, 1000, PATHS - 1000, Engine.ProgressListener.NONE))));
        ScopeStats a = whole.scopes();
        ScopeStats b = merged.scopes();
        assertThat(b.paths()).isEqualTo(PATHS);
        assertThat(b.tiedFirst()).isEqualTo(a.tiedFirst());
        for (int s = 0; s < a.scopes(); s++) {
            assertThat(b.breachesAtStep(s)).isEqualTo(a.breachesAtStep(s));
            assertThat(b.firstAlone(s)).isEqualTo(a.firstAlone(s));
            assertThat(b.badDebtPaths(s)).isEqualTo(a.badDebtPaths(s));
            // sums are added in another order: equal up to rounding
            assertThat(b.meanLoss(s)).isCloseTo(a.meanLoss(s), within(1e-9 * 1000));
            assertThat(b.meanLossGivenBreach(s)).isCloseTo(a.meanLossGivenBreach(s), within(1e-9 * 1000));
            assertThat(b.meanLiquidationLoss(s)).isCloseTo(a.meanLiquidationLoss(s), within(1e-9 * 1000));
            assertThat(b.meanBadDebt(s)).isCloseTo(a.meanBadDebt(s), within(1e-9 * 1000));
        }
        PathStats again = PathStatsEncoding.decode(PathStatsEncoding.encode(whole));
        assertThat(again.scopes().meanLoss(2)).isEqualTo(a.meanLoss(2));
        assertThat(again.scopes().breachesAtStep(1)).isEqualTo(a.breachesAtStep(1));
    }

    @Test
    void pathsReducedWithoutPositionsDropThePositionsFigures() {
        CompiledProblem problem = problem(Monitoring.DISCRETE, null, false);
        PathStats stats = PathStats.of(problem.steps, paths(problem, 0, 100));
        assertThat(stats.scopes()).isNotNull();
        PathStats reduced = new PathStats(problem.steps, 1, new ArraySample(), new ArraySample());
        reduced.addBreaches(new long[problem.steps + 1], 0);
        stats.merge(reduced);
        assertThat(stats.scopes()).as("no paths were added").isNotNull();
        PathStats other = new PathStats(problem.steps);
        other.add(new PathBlock(50));
        stats.merge(other);
        assertThat(stats.scopes()).isNull();
        stats.add(paths(problem, 100, 100));
        assertThat(stats.scopes()).as("still only a part of the paths").isNull();
    }

    @Test
    void positionsAnEngineDidNotWriteAreRefused() {
        CompiledProblem problem = problem(Monitoring.DISCRETE, null, false);
        PathBlock unwritten = PathBlock.forProblem(problem, 10);
        assertThatThrownBy(() -> PathStats.of(problem.steps, unwritten))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("scope 0 of path 0 has breach step -1: the engine did not write every scope's outcome");
    }
}
