package io.marginsim.spark;

import io.marginsim.analysis.RunSettings;
import io.marginsim.analysis.Sweep;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.opencl.OpenClDevices;
import io.marginsim.engine.opencl.OpenClDevices.DeviceInfo;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.EngineKind;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.marginsim.spark.SparkSweepTest.PLAN;
import static io.marginsim.spark.SparkSweepTest.sortedRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Spark's GPU scheduling on a standalone cluster: a Worker announces its "gpu" addresses with
 * {@code spark/gpu-discovery.sh}, the job asks for one per executor and per task, and every task runs on the OpenCL
 * device its address names. With {@code --allow-cpu-devices} and {@link GpuAddresses#ALLOW_CPU_DEVICES} a CPU
 * OpenCL device (PoCL) stands in for a GPU, so the scheduling is exercised on machines without one.
 */
class GpuClusterTest {
    @TempDir
    Path dir;

    @Test
    void eachTaskRunsOnTheDeviceOfItsAddressWithTheRowsOfThePlainOpenclSweep() throws Exception {
        List<String> addresses = GpuAddresses.addresses(devices(), true);
        assumeTrue(!addresses.isEmpty(), "no usable OpenCL device");
        DeviceInfo device = devices().get(Integer.parseInt(addresses.getFirst()));
        RunSettings opencl = new RunSettings(null, null, EngineKind.OPENCL, null, null, null);
        List<String> plain = sortedRows(Sweep.run(PLAN, opencl::apply, new Engines.Options(1, -1,
                Engines.Options.defaults().precision()), dir.resolve("plain"), false, Sweep.Listener.NONE).csv());

        // what a worker machine's operator writes: the script, with CPU devices admitted
        Path script = dir.resolve("discover-gpus.sh");
        Files.writeString(script, "#!/bin/sh\nexec " + Path.of("gpu-discovery.sh").toAbsolutePath()
                + " " + GpuAddresses.ALLOW_CPU_DEVICES_OPTION + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        List<String> notes = new CopyOnWriteArrayList<>();
        try (LoopbackCluster cluster = new LoopbackCluster(dir, 1, List.of("-Dspark.worker.resource.gpu.amount=1",
                "-Dspark.worker.resource.gpu.discoveryScript=" + script))) {
            Map<String, String> conf = new HashMap<>(cluster.driverConf());
            conf.putAll(Map.of("spark.executor.resource.gpu.amount", "1", "spark.task.resource.gpu.amount", "1",
                    GpuAddresses.ALLOW_CPU_DEVICES, "true"));
            try (JavaSparkContext spark = new JavaSparkContext(SparkSessions.conf(cluster.masterUrl(),
                    "margin-sim gpu test", conf))) {
                // the sweep's own engine, auto: the assigned address decides
                Sweep.Summary summary = SparkSweep.run(spark, PLAN, RunSettings.NONE, dir.resolve("gpu"), false,
                        new TaskPlan.Sizes(6, TaskPlan.DEFAULT_SPLIT_PATHS), Sweep.Listener.NONE, notes::add);
                assertThat(summary.computed()).isEqualTo(12);
                assertThat(sortedRows(summary.csv())).isEqualTo(plain);
            }
        }
        String address = addresses.getFirst();
        assertThat(notes).isNotEmpty().allSatisfy(note -> assertThat(note).matches("executor \\d+: opencl on GPU "
                + "address " + address + " assigned by Spark, OpenCL device " + address + ": OpenCL on .*")
                .contains(device.name()));
    }

    /** The devices of this machine, or a skipped test where it has no OpenCL platform. */
    static List<DeviceInfo> devices() {
        try {
            return OpenClDevices.list();
        } catch (EngineUnavailableException e) {
            assumeTrue(false, e.getMessage());
            return List.of();
        }
    }
}
