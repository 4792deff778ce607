package io.marginsim.engine;

import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.Workloads;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link JitWarmUp}: it never competes with a run that has started. */
class JitWarmUpTest {
    private static boolean warmUpThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("margin-sim-jit-warm-up") && t.isAlive());
    }

    @Test
    void anEngineRunStopsItAndNoneStartsAfterwards() {
        new ScalarEngine().run(Workloads.oneAsset(1), 0, 16, Engine.ProgressListener.NONE);
        // 64 blocks of the workload on the scalar engine would take seconds: a thread started here would be seen
        JitWarmUp.start(new ScalarEngine(), Workloads.oneAsset(1), 64, 64);
        assertThat(warmUpThreadAlive()).isFalse();
    }
}
