package io.marginsim.spark;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.opencl.OpenClDevices;
import io.marginsim.engine.opencl.OpenClDevices.DeviceInfo;
import io.marginsim.engine.opencl.OpenClDevices.DeviceType;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Spark's "gpu" resource addresses and the OpenCL devices they stand for. An address is the index of an OpenCL
 * device in {@link OpenClDevices#list()} — the number {@code margin-sim devices} prints and {@code --device N}
 * takes — so a task assigned address {@code "1"} runs on OpenCL device 1. Both directions live here so that they
 * cannot disagree: {@link #main} is what {@code spark/gpu-discovery.sh} runs to announce a machine's addresses to
 * Spark, and {@link #device} is what a task uses to open the one it was given. NVIDIA's own indices
 * ({@code nvidia-smi}) are not used: the NVIDIA OpenCL driver orders its GPUs as CUDA does (fastest first), not by
 * PCI bus as {@code nvidia-smi} does, and other platforms' devices come before or after them.
 *
 * <p>Only usable GPU devices get addresses. {@code allowCpuDevices} (the Spark setting {@link #ALLOW_CPU_DEVICES},
 * the script's {@code --allow-cpu-devices}) admits usable CPU devices too, so that a cluster without GPUs (a test
 * on PoCL) can exercise the same scheduling.
 */
public final class GpuAddresses {
    /** Spark's name for the resource, as in {@code spark.executor.resource.gpu.amount}. */
    static final String RESOURCE = "gpu";
    /** Spark setting: let assigned addresses name CPU OpenCL devices (default false). */
    static final String ALLOW_CPU_DEVICES = "spark.marginsim.gpu.allowCpuDevices";
    static final String ALLOW_CPU_DEVICES_OPTION = "--allow-cpu-devices";

    private GpuAddresses() {
    }

    /**
     * Prints this machine's addresses as a Spark resource discovery script must: {@code {"name": "gpu",
     * "addresses": ["0", ...]}} on standard output. A machine without OpenCL has no addresses; the reason goes to
     * standard error, so the worker's log says why it offers no GPU.
     */
    public static void main(String[] args) {
        boolean allowCpu = List.of(args).contains(ALLOW_CPU_DEVICES_OPTION);
        List<DeviceInfo> devices;
        try {
            devices = OpenClDevices.list();
        } catch (EngineUnavailableException e) {
            System.err.println("margin-sim gpu discovery: " + e.getMessage());
            devices = List.of();
        }
        String quoted = addresses(devices, allowCpu).stream().map(a -> "\"" + a + "\"")
                .collect(Collectors.joining(", "));
        System.out.println("{\"name\": \"" + RESOURCE + "\", \"addresses\": [" + quoted + "]}");
    }

    /** The addresses of the devices a task may be given, in listing order. */
    static List<String> addresses(List<DeviceInfo> devices, boolean allowCpu) {
        return devices.stream().filter(d -> eligible(d, allowCpu)).map(d -> String.valueOf(d.index())).toList();
    }

    /**
     * The device an assigned address names.
     *
     * @throws EngineUnavailableException with one sentence naming the address and the devices seen, when the address
     *                                    names no device that {@link #addresses} would have listed
     */
    static DeviceInfo device(String address, List<DeviceInfo> devices, boolean allowCpu)
            throws EngineUnavailableException {
        for (DeviceInfo d : devices) {
            if (String.valueOf(d.index()).equals(address.strip())) {
                if (eligible(d, allowCpu)) {
                    return d;
                }
                String why = !d.usable() ? "it cannot run the engine because " + d.reasonIfNot()
                        : "it is a " + d.type() + " device and " + ALLOW_CPU_DEVICES + " is not true";
                throw new EngineUnavailableException("Spark assigned GPU address " + address
                        + ", which names OpenCL device " + d.index() + " (" + d.name() + "), but " + why
                        + "; devices seen: " + seen(devices) + ".");
            }
        }
        throw new EngineUnavailableException("Spark assigned GPU address " + address + ", but addresses must be the "
                + "index of an OpenCL device as spark/gpu-discovery.sh prints it and no device has that index; "
                + "devices seen: " + seen(devices) + ".");
    }

    private static boolean eligible(DeviceInfo device, boolean allowCpu) {
        return device.usable() && (device.type() == DeviceType.GPU || allowCpu && device.type() == DeviceType.CPU);
    }

    private static String seen(List<DeviceInfo> devices) {
        if (devices.isEmpty()) {
            return "none";
        }
        return devices.stream().map(d -> d.index() + " " + d.name() + " (" + d.type() + ")")
                .collect(Collectors.joining(", "));
    }
}
