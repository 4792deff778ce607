package io.marginsim.spark;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.opencl.OpenClDevices;
import io.marginsim.engine.opencl.OpenClDevices.DeviceInfo;
import io.marginsim.engine.opencl.OpenClEngine;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.EngineKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Engine choice in a task, with and without a GPU address; the OpenCL cases run where an OpenCL driver is. */
class TaskEnginesTest {
    private static final Engines.Options OPTIONS = new Engines.Options(1, -1, Engines.Options.defaults().precision());

    @Test
    void withoutAGpuAutoChoosesAsEverywhereElse() throws Exception {
        try (TaskEngines engines = new TaskEngines(OPTIONS, null, true, "executor 7")) {
            Engines.Selection auto = engines.get(EngineKind.AUTO);
            assertThat(auto.note()).startsWith("auto chose").doesNotContain("GPU address");
            assertThat(engines.get(EngineKind.AUTO)).as("opened once per task").isSameAs(auto);
            assertThat(engines.notes()).containsExactly("executor 7: " + auto.note());
        }
    }

    @Test
    void anAssignedAddressRunsAutoAndOpenclOnThatDeviceAndLeavesOtherEnginesAlone() throws Exception {
        List<String> addresses = GpuAddresses.addresses(GpuClusterTest.devices(), true);
        assumeTrue(!addresses.isEmpty(), "no usable OpenCL device");
        String address = addresses.getLast();
        try (TaskEngines engines = new TaskEngines(OPTIONS, address, true, "executor 1")) {
            for (EngineKind kind : new EngineKind[] {EngineKind.AUTO, EngineKind.OPENCL}) {
                Engines.Selection selection = engines.get(kind);
                assertThat(selection.engine()).isInstanceOf(OpenClEngine.class);
                assertThat(((OpenClEngine) selection.engine()).device().index()).isEqualTo(Integer.parseInt(address));
                assertThat(selection.note()).startsWith("opencl on GPU address " + address
                        + " assigned by Spark, OpenCL device " + address + ": OpenCL on ");
                assertThat(selection.automatic()).isEqualTo(kind == EngineKind.AUTO);
            }
            assertThat(engines.get(EngineKind.VECTOR).engine()).isInstanceOf(VectorEngine.class);
        }
    }

    @Test
    void aCpuDeviceAddressFailsTheTaskUnlessAllowed() {
        List<DeviceInfo> devices = GpuClusterTest.devices();
        DeviceInfo cpu = devices.stream().filter(d -> d.usable() && d.type() == OpenClDevices.DeviceType.CPU)
                .findFirst().orElse(null);
        assumeTrue(cpu != null, "no usable CPU OpenCL device");
        try (TaskEngines engines = new TaskEngines(OPTIONS, String.valueOf(cpu.index()), false, "executor 1")) {
            assertThatThrownBy(() -> engines.get(EngineKind.AUTO)).isInstanceOf(EngineUnavailableException.class)
                    .hasMessageContaining("GPU address " + cpu.index() + ", which names OpenCL device " + cpu.index())
                    .hasMessageContaining("is not true; devices seen: ");
            assertThat(engines.notes()).isEmpty();
        }
    }
}
