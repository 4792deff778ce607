package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.spec.Monitoring;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Workloads;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuous monitoring agrees path by path with the reference, on the problems of {@link VectorEngineAgreementTest}:
 * the bridge draws are the reference's own, from the lane's float prices, so only paths within float rounding of
 * the barrier may differ.
 */
class VectorContinuousAgreementTest {
    private static final double RELATIVE = 5e-6;

    @Test
    void oneAssetFlatRate() {
        assertAgrees(Workloads.oneAsset(21), 0, 10_000);
    }

    @Test
    void correlatedAssets() {
        assertAgrees(Workloads.correlated(4, 22), 0, 4_000);
    }

    @Test
    void tieredRuleOnMarkPrice() {
        assertAgrees(TestProblems.tiered(23), 0, 10_000);
    }

    @Test
    void entryBasisRuleWithCollateralAndShort() {
        assertAgrees(TestProblems.entryBasis(24), 0, 10_000);
    }

    @Test
    void isolatedLongAndShort() {
        assertAgrees(TestProblems.isolated(25), 0, 10_000);
    }

    @Test
    void pathCountsThatAreNotMultiplesOfTheLaneCount() {
        for (int size : new int[] {1, Lanes.COUNT + 1, 3 * Lanes.COUNT + 5}) {
            assertAgrees(TestProblems.isolated(26), 1_000_003, size);
        }
    }

    @Test
    void oneAssetShortDrawsTheGreatestPrice() {
        assertAgrees(oneAssetShort(), 0, 10_000);
    }

    @Test
    void theCommonCaseRunsInLanesAndTheRestPerLane() {
        assertThat(LaneBridge.covers(Workloads.oneAsset(21).withMonitoring(Monitoring.CONTINUOUS))).isTrue();
        assertThat(LaneBridge.covers(TestProblems.tiered(23).withMonitoring(Monitoring.CONTINUOUS))).isTrue();
        assertThat(LaneBridge.covers(oneAssetShort())).isTrue();
        assertThat(LaneBridge.covers(TestProblems.entryBasis(24).withMonitoring(Monitoring.CONTINUOUS))).isFalse();
        assertThat(LaneBridge.covers(TestProblems.isolated(25).withMonitoring(Monitoring.CONTINUOUS))).isFalse();
    }

    /** A 10x short with collateral in the same asset, whose excess falls as the price rises. */
    private static CompiledProblem oneAssetShort() {
        return ProblemCompiler.compile(SpecReader.parse("""
                {"assets": [{"name": "X", "price": 100, "volatility": 0.6, "drift": -0.2}],
                 "account": {"cash": 50, "collateral": [{"asset": "X", "amount": 0.5}],
                             "positions": [{"asset": "X", "size": -10, "entryPrice": 100,
                                            "rules": {"type": "flat", "rate": 0.005}}]},
                 "horizonDays": 10, "stepsPerDay": 4, "paths": 100, "monitoring": "continuous"}""", "spec", false));
    }

    private static void assertAgrees(CompiledProblem problem, long firstPath, int size) {
        Agreement.assertAgrees(problem.withMonitoring(Monitoring.CONTINUOUS), firstPath, size, RELATIVE);
    }
}
