package io.marginsim.engine.vector;

import io.marginsim.engine.BreachTimes;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.engine.scalar.ScalarEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Path-by-path comparison of the vector engine with the scalar reference: first-breach steps agree on at least
 * 99.9% of paths (all of them below 1,000 paths), worst shortfalls on every path and terminal equities on every
 * path with the same breach step within {@code relative} of the account's gross notional (cash, positions at entry,
 * collateral at the initial price), and the breach times within the step as {@link BreachTimes} asks.
 */
final class Agreement {
    private Agreement() {
    }

    /** Simulates the paths on both engines and asserts their agreement. */
    static void assertAgrees(CompiledProblem problem, long firstPath, int size, double relative) {
        PathBlock reference = new PathBlock(size);
        PathBlock lanes = new PathBlock(size);
        new ScalarEngine(1, size).simulate(problem, firstPath, reference);
        new VectorEngine(1, size).simulate(problem, firstPath, lanes);

        assertThat(lanes.breachStepAgreement(reference)).as("first-breach agreement on %s", problem)
                .isGreaterThanOrEqualTo(size >= 1_000 ? 0.999 : 1.0);
        BreachTimes.assertAgree(problem, reference, lanes, size >= 1_000 ? 0.999 : 1.0, true);
        double tolerance = relative * grossNotional(problem);
        for (int i = 0; i < size; i++) {
            assertThat(lanes.worstShortfall[i]).as("worst shortfall of path %d", firstPath + i)
                    .isCloseTo(reference.worstShortfall[i], within(tolerance));
            if (lanes.firstBreachStep[i] == reference.firstBreachStep[i]) {
                assertThat(lanes.terminalEquity[i]).as("terminal equity of path %d", firstPath + i)
                        .isCloseTo(reference.terminalEquity[i], within(tolerance));
            }
        }
    }

    static double grossNotional(CompiledProblem p) {
        double sum = Math.abs(p.cash);
        for (int i = 0; i < p.positions; i++) {
            sum += Math.abs(p.positionSize.get(i) * p.positionEntry.get(i));
        }
        for (int a = 0; a < p.assets; a++) {
            sum += (Math.abs(p.valueUnits.get(a)) + Math.abs(p.requirementUnits.get(a))) * Math.exp(p.initialLogPrice.get(a));
        }
        return sum;
    }
}
