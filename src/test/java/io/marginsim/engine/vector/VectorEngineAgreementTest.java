package io.marginsim.engine.vector;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.PathBlock;
import io.marginsim.engine.Workloads;
import io.marginsim.engine.scalar.ScalarEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path-by-path agreement of the float vector engine with the double scalar reference. First-breach steps may
 * differ only on paths whose shortfall passes within float rounding of zero; equities differ by float rounding
 * of prices (observed up to ~1.5e-6 of gross notional after 256 steps), so the tolerance is {@value #RELATIVE}
 * of the account's gross notional (cash, positions at entry, collateral at the initial price).
 */
class VectorEngineAgreementTest {
    private static final double RELATIVE = 5e-6;

    @Test
    void oneAssetFlatRate() {
        assertAgrees(Workloads.oneAsset(11), 0, 20_000);
    }

    @Test
    void eightCorrelatedAssets() {
        assertAgrees(Workloads.correlated(8, 12), 0, 5_000);
    }

    @Test
    void tieredRuleOnMarkPrice() {
        assertAgrees(TestProblems.tiered(13), 0, 20_000);
    }

    @Test
    void entryBasisRuleWithCollateralAndShort() {
        assertAgrees(TestProblems.entryBasis(14), 0, 20_000);
    }

    @Test
    void isolatedLongAndShort() {
        assertAgrees(TestProblems.isolated(15), 0, 20_000);
    }

    @Test
    void pathCountsThatAreNotMultiplesOfTheLaneCount() {
        for (int size : new int[] {1, Lanes.COUNT - 1, Lanes.COUNT + 1, 3 * Lanes.COUNT + 5}) {
            assertAgrees(TestProblems.isolated(16), 1_000_003, size);
            assertAgrees(Workloads.correlated(3, 16), 7, size);
        }
    }

    @Test
    void pathIndicesPastTwoToTheThirtyOne() {
        assertAgrees(Workloads.oneAsset(17), (1L << 31) - 100, 1_000);
    }

    private static void assertAgrees(CompiledProblem problem, long firstPath, int size) {
        PathBlock reference = new PathBlock(size);
        PathBlock lanes = new PathBlock(size);
        new ScalarEngine(1, size).simulate(problem, firstPath, reference);
        new VectorEngine(1, size).simulate(problem, firstPath, lanes);

        assertThat(lanes.breachStepAgreement(reference)).as("first-breach agreement on %s", problem)
                .isGreaterThanOrEqualTo(size >= 1_000 ? 0.999 : 1.0);
        double tolerance = RELATIVE * grossNotional(problem);
        for (int i = 0; i < size; i++) {
            assertThat(lanes.worstShortfall[i]).as("worst shortfall of path %d", firstPath + i)
                    .isCloseTo(reference.worstShortfall[i], org.assertj.core.api.Assertions.within(tolerance));
            if (lanes.firstBreachStep[i] == reference.firstBreachStep[i]) {
                assertThat(lanes.terminalEquity[i]).as("terminal equity of path %d", firstPath + i)
                        .isCloseTo(reference.terminalEquity[i], org.assertj.core.api.Assertions.within(tolerance));
            }
        }
    }

    private static double grossNotional(CompiledProblem p) {
        double sum = Math.abs(p.cash);
        for (int i = 0; i < p.positions; i++) {
            sum += Math.abs(p.positionSize[i] * p.positionEntry[i]);
        }
        for (int a = 0; a < p.assets; a++) {
            sum += (Math.abs(p.valueUnits[a]) + Math.abs(p.requirementUnits[a])) * Math.exp(p.initialLogPrice[a]);
        }
        return sum;
    }
}
