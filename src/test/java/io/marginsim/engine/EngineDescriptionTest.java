package io.marginsim.engine;

import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.engine.vector.VectorEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Engine descriptions end up in reports and log lines, so their counts read as English. */
class EngineDescriptionTest {
    @Test
    void oneThreadIsSingular() {
        try (Engine scalar = new ScalarEngine(1, ParallelCpuEngine.DEFAULT_CHUNK);
             Engine vector = new VectorEngine(1, ParallelCpuEngine.DEFAULT_CHUNK)) {
            assertThat(scalar.description()).endsWith(", 1 thread");
            assertThat(vector.description()).endsWith(", 1 thread");
        }
        try (Engine scalar = new ScalarEngine(2, ParallelCpuEngine.DEFAULT_CHUNK)) {
            assertThat(scalar.description()).endsWith(", 2 threads");
        }
    }
}
