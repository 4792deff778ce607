package io.marginsim.spark;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.opencl.OpenClDevices.DeviceInfo;
import io.marginsim.engine.opencl.OpenClDevices.DeviceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GpuAddressesTest {
    /** A CPU device listed first, then two GPUs and one GPU the driver reports unavailable. */
    private static final List<DeviceInfo> DEVICES = List.of(
            device(0, "pocl-cpu", DeviceType.CPU, null),
            device(1, "NVIDIA H100", DeviceType.GPU, null),
            device(2, "NVIDIA H100", DeviceType.GPU, null),
            device(3, "broken GPU", DeviceType.GPU, "the driver reports it unavailable"));

    private static DeviceInfo device(int index, String name, DeviceType type, String reasonIfNot) {
        return new DeviceInfo(index, "platform", name, type, 8, 1L << 30, true, reasonIfNot == null, reasonIfNot);
    }

    @Test
    void addressesAreTheOpenClIndicesOfUsableGpus() {
        assertThat(GpuAddresses.addresses(DEVICES, false)).containsExactly("1", "2");
        assertThat(GpuAddresses.addresses(DEVICES, true)).containsExactly("0", "1", "2");
    }

    @Test
    void everyDiscoveredAddressMapsBackToTheDeviceWithThatIndex() throws Exception {
        for (boolean allowCpu : new boolean[] {false, true}) {
            for (String address : GpuAddresses.addresses(DEVICES, allowCpu)) {
                assertThat(GpuAddresses.device(address, DEVICES, allowCpu).index())
                        .isEqualTo(Integer.parseInt(address));
            }
        }
    }

    @Test
    void aCpuDeviceIsRefusedUnlessTheSettingAllowsIt() throws Exception {
        assertThatThrownBy(() -> GpuAddresses.device("0", DEVICES, false))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage("Spark assigned GPU address 0, which names OpenCL device 0 (pocl-cpu), but it is a CPU "
                        + "device and spark.marginsim.gpu.allowCpuDevices is not true; devices seen: 0 pocl-cpu (CPU), "
                        + "1 NVIDIA H100 (GPU), 2 NVIDIA H100 (GPU), 3 broken GPU (GPU).");
        assertThat(GpuAddresses.device("0", DEVICES, true).name()).isEqualTo("pocl-cpu");
    }

    @Test
    void anAddressNamingNoUsableDeviceFailsWithTheDevicesSeen() {
        assertThatThrownBy(() -> GpuAddresses.device("3", DEVICES, true))
                .hasMessageStartingWith("Spark assigned GPU address 3, which names OpenCL device 3 (broken GPU), but "
                        + "it cannot run the engine because the driver reports it unavailable; devices seen: 0 ");
        for (String address : new String[] {"4", "GPU-5e1c", ""}) {
            assertThatThrownBy(() -> GpuAddresses.device(address, DEVICES, true))
                    .hasMessageStartingWith("Spark assigned GPU address " + address + ", but addresses must be")
                    .hasMessageEndingWith("devices seen: 0 pocl-cpu (CPU), 1 NVIDIA H100 (GPU), 2 NVIDIA H100 (GPU), "
                            + "3 broken GPU (GPU).");
        }
        assertThatThrownBy(() -> GpuAddresses.device("0", List.of(), true)).hasMessageEndingWith("devices seen: none.");
    }
}
