package io.marginsim.engine;

import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ScopeBlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Path-by-path comparison of each isolated position's outcomes from an engine with the reference's. */
public final class ScopeAgreement {
    private ScopeAgreement() {
    }

    /**
     * Asserts that each position breaches at the reference's step on at least {@code agreement} of the paths and,
     * where it does, that its equity at close (and liquidation loss and bad debt, when tracked) is within
     * {@code tolerance}; and that positions breach often enough for the comparison to mean something.
     */
    public static void assertAgrees(ScopeBlock reference, ScopeBlock other, double agreement, double tolerance) {
        int paths = reference.size();
        assertThat(other.size()).isEqualTo(paths);
        int breaches = 0;
        for (int s = 0; s < reference.scopes; s++) {
            int same = 0;
            for (int path = 0; path < paths; path++) {
                int k = reference.at(path, s);
                breaches += reference.breachStep[k] == PathBlock.NO_BREACH ? 0 : 1;
                if (other.breachStep[k] != reference.breachStep[k]) {
                    continue;
                }
                same++;
                assertThat(other.closeEquity[k]).as("position %d's equity at close on path %d", s, path)
                        .isCloseTo(reference.closeEquity[k], within(tolerance));
                if (reference.tracksLiquidation) {
                    assertThat(other.liquidationLoss[k]).as("position %d's liquidation loss on path %d", s, path)
                            .isCloseTo(reference.liquidationLoss[k], within(tolerance));
                    assertThat(other.badDebt[k]).as("position %d's bad debt on path %d", s, path)
                            .isCloseTo(reference.badDebt[k], within(tolerance));
                }
            }
            assertThat((double) same / paths).as("breach-step agreement of position %d", s)
                    .isGreaterThanOrEqualTo(agreement);
        }
        assertThat(breaches).as("breaching positions, so the comparison means something").isGreaterThan(paths / 10);
    }
}
