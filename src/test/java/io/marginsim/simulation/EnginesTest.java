package io.marginsim.simulation;

import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.engine.opencl.OpenClDevices;
import io.marginsim.spec.EngineKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnginesTest {
    private static final Engines.Options FLOAT = new Engines.Options(2, -1, Precision.FLOAT);

    private static boolean hasGpu() {
        try {
            return OpenClDevices.list().stream().anyMatch(d -> d.usable() && d.type() == OpenClDevices.DeviceType.GPU);
        } catch (EngineUnavailableException e) {
            return false;
        }
    }

    @Test
    void autoFallsBackVisiblyAndSaysWhy() throws Exception {
        Engines.Selection selection = Engines.select(EngineKind.AUTO, FLOAT);
        try (Engine engine = selection.engine()) {
            if (hasGpu()) {
                assertThat(engine.name()).isEqualTo("opencl");
            } else {
                assertThat(engine.name()).isEqualTo("vector");
                assertThat(selection.note()).startsWith("auto chose vector").contains("opencl skipped: ");
            }
        }
    }

    @Test
    void doublePrecisionUnderAutoNeverRunsTheFloatOnlyVectorEngine() throws Exception {
        Engines.Selection selection = Engines.select(EngineKind.AUTO, new Engines.Options(2, -1, Precision.DOUBLE));
        try (Engine engine = selection.engine()) {
            assertThat(engine.name()).isIn("opencl", "scalar");
            if (engine.name().equals("scalar")) {
                assertThat(selection.note()).contains("vector skipped: The vector engine computes in float precision only");
            }
        }
    }

    @Test
    void anEngineAskedForByNameIsNeverSilentlyReplaced() {
        assertThatThrownBy(() -> Engines.select(EngineKind.VECTOR, new Engines.Options(2, -1, Precision.DOUBLE)))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage("The vector engine computes in float precision only; the scalar engine runs in double precision.");
        assertThatThrownBy(() -> Engines.select(EngineKind.OPENCL, new Engines.Options(2, 99, Precision.FLOAT)))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("OpenCL");
    }
}
