package io.marginsim.spark;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.opencl.OpenClDevices;
import io.marginsim.engine.opencl.OpenClDevices.DeviceInfo;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.EngineKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The engines of one Spark task, each opened on first use and kept until the task ends, so a GPU context or a thread
 * pool is not rebuilt per cell.
 *
 * <p>When Spark assigned the task a GPU ({@code spark.task.resource.gpu.amount}), {@code auto} and {@code opencl}
 * cells run on the OpenCL device that address names ({@link GpuAddresses}), as {@code --device N} would, whatever
 * {@code --device} says: Spark hands each GPU to one task at a time, and a device chosen by the task itself could be
 * another task's. An address that names no usable device fails the task instead of running it on the CPU: a desk that
 * pays for a GPU cluster expects its sweep on the GPUs, and a silent fallback would hold the GPU slot idle while the
 * sweep ran many times slower; the failure says which address and which devices, and Spark retries the task
 * (elsewhere, with {@code spark.excludeOnFailure.enabled}). Without a GPU, {@code auto} picks as everywhere else.
 */
final class TaskEngines implements AutoCloseable {
    private final Engines.Options options;
    private final String gpuAddress;
    private final boolean allowCpuDevices;
    private final String executor;
    private final Map<EngineKind, Engines.Selection> open = new EnumMap<>(EngineKind.class);
    private final List<String> notes = new ArrayList<>();

    /**
     * @param gpuAddress the first "gpu" address Spark assigned the task, or null when it holds none
     * @param executor   how notes name the executor, e.g. "executor 1"
     */
    TaskEngines(Engines.Options options, String gpuAddress, boolean allowCpuDevices, String executor) {
        this.options = options;
        this.gpuAddress = gpuAddress;
        this.allowCpuDevices = allowCpuDevices;
        this.executor = executor;
    }

    /** The engine for cells that ask for {@code kind}, opened now if it is the first such cell of the task. */
    Engines.Selection get(EngineKind kind) throws EngineUnavailableException {
        Engines.Selection selection = open.get(kind);
        if (selection == null) {
            selection = gpuAddress != null && (kind == EngineKind.AUTO || kind == EngineKind.OPENCL)
                    ? onAssignedGpu(kind) : Engines.select(kind, options);
            open.put(kind, selection);
            notes.add(executor + ": " + selection.note());
        }
        return selection;
    }

    /** One note per engine opened, in the order they were opened. */
    List<String> notes() {
        return notes;
    }

    private Engines.Selection onAssignedGpu(EngineKind kind) throws EngineUnavailableException {
        List<DeviceInfo> devices;
        // listing devices enumerates them through the driver, which must not run beside another task's selection
        // (the reason Engines.select is synchronized on its class)
        synchronized (Engines.class) {
            devices = OpenClDevices.list();
        }
        DeviceInfo device = GpuAddresses.device(gpuAddress, devices, allowCpuDevices);
        Engines.Options onDevice = new Engines.Options(options.threads(), device.index(), options.precision());
        Engines.Selection opened = Engines.select(EngineKind.OPENCL, onDevice);
        String note = "opencl on GPU address " + gpuAddress + " assigned by Spark, OpenCL device " + device.index()
                + ": " + opened.engine().description();
        // auto keeps its license to hand a problem the device's kernels do not implement to the vector engine
        return new Engines.Selection(opened.engine(), note, kind == EngineKind.AUTO);
    }

    @Override
    public void close() {
        open.values().forEach(selection -> selection.engine().close());
    }
}
