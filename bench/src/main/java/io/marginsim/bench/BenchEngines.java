package io.marginsim.bench;

import io.marginsim.engine.Engine;
import io.marginsim.engine.ParallelCpuEngine;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.engine.vector.VectorEngine;

/** The CPU engines by the names benchmarks take as parameters. */
final class BenchEngines {
    private BenchEngines() {
    }

    static Engine create(String name, int threads) {
        return switch (name) {
            case "vector" -> new VectorEngine(threads, ParallelCpuEngine.DEFAULT_CHUNK);
            case "scalar" -> new ScalarEngine(threads, ParallelCpuEngine.DEFAULT_CHUNK);
            default -> throw new IllegalArgumentException("engine must be vector or scalar but was " + name);
        };
    }
}
