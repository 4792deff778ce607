package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Workloads;
import org.junit.jupiter.api.Test;

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
        Agreement.assertAgrees(problem, firstPath, size, RELATIVE);
    }
}
