package io.marginsim.engine.vector;

import io.marginsim.engine.contract.Problems;
import io.marginsim.problem.Workloads;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which continuous problems the lanes' own bridge covers: one-asset and tiered accounts whose excess moves with one
 * price in one direction; collateral in another asset or isolated positions run the reference's account per lane.
 * The contract suite checks both against the reference.
 */
class LaneBridgeCoverageTest {
    @Test
    void theCommonCaseRunsInLanesAndTheRestPerLane() {
        assertThat(LaneBridge.covers(Workloads.oneAsset(21).withMonitoring(Monitoring.CONTINUOUS))).isTrue();
        assertThat(LaneBridge.covers(Problems.tieredFourBrackets(23).withMonitoring(Monitoring.CONTINUOUS))).isTrue();
        assertThat(LaneBridge.covers(Problems.oneAssetShort())).isTrue();
        assertThat(LaneBridge.covers(Problems.entryBasisLongShort(24).withMonitoring(Monitoring.CONTINUOUS)))
                .isFalse();
        assertThat(LaneBridge.covers(Problems.isolatedTwoAssets(25).withMonitoring(Monitoring.CONTINUOUS))).isFalse();
    }
}
