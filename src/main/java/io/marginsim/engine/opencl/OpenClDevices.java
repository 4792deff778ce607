package io.marginsim.engine.opencl;

import io.marginsim.engine.EngineUnavailableException;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenCL devices of this machine, numbered across all platforms in the order the driver reports them. The
 * same numbers select a device for {@link OpenClEngine#open} and the {@code --device} option.
 */
public final class OpenClDevices {

    /** Kind of device, as far as engine selection cares. */
    public enum DeviceType {
        GPU, CPU, OTHER
    }

    /**
     * One device.
     *
     * @param usable      whether the engine can build and run its kernels there
     * @param reasonIfNot why not, or {@code null} when usable
     */
    public record DeviceInfo(int index, String platform, String name, DeviceType type, int computeUnits,
                             long globalMemBytes, boolean fp64, boolean usable, String reasonIfNot) {
    }

    /** A device with the handles needed to open it. */
    record Device(cl_platform_id platform, cl_device_id id, DeviceInfo info) {
    }

    private OpenClDevices() {
    }

    /**
     * Lists every OpenCL device.
     *
     * @throws EngineUnavailableException when there is no OpenCL library or no platform at all
     */
    public static List<DeviceInfo> list() throws EngineUnavailableException {
        return enumerate().stream().map(Device::info).toList();
    }

    static List<Device> enumerate() throws EngineUnavailableException {
        JvmSignalHandlers.recordBeforeOpenCl();
        try {
            loadLibrary(() -> CL.setExceptionsEnabled(true));
            List<Device> devices = new ArrayList<>();
            for (cl_platform_id platform : platforms()) {
                String platformName = platformString(platform, CL.CL_PLATFORM_NAME);
                for (cl_device_id id : devices(platform)) {
                    devices.add(new Device(platform, id, describe(devices.size(), platformName, id)));
                }
            }
            return devices;
        } finally {
            // loading a driver may have put its crash handlers in place of the JVM's
            JvmSignalHandlers.restore();
        }
    }

    /**
     * Runs the first call into JOCL, which loads its native part and through it the system's OpenCL library; a
     * machine without one fails here with a {@link LinkageError} (later calls with {@code NoClassDefFoundError}).
     */
    static void loadLibrary(Runnable firstCall) throws EngineUnavailableException {
        try {
            firstCall.run();
        } catch (LinkageError e) {
            throw new EngineUnavailableException(
                    "No OpenCL library (libOpenCL.so.1) could be loaded, so OpenCL devices cannot be used.", e);
        }
    }

    private static cl_platform_id[] platforms() throws EngineUnavailableException {
        int[] count = new int[1];
        try {
            CL.clGetPlatformIDs(0, null, count);
        } catch (CLException e) {
            // The ICD loader answers "platform not found" when no driver is registered.
            if (e.getStatus() != CL.CL_PLATFORM_NOT_FOUND_KHR) {
                throw new EngineUnavailableException("Listing OpenCL platforms failed with " + status(e) + ".", e);
            }
        }
        if (count[0] == 0) {
            throw new EngineUnavailableException(
                    "The OpenCL library is installed but reports no platform, so no OpenCL driver is registered.");
        }
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        CL.clGetPlatformIDs(count[0], platforms, null);
        return platforms;
    }

    private static cl_device_id[] devices(cl_platform_id platform) {
        int[] count = new int[1];
        try {
            CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, 0, null, count);
        } catch (CLException e) {
            if (e.getStatus() == CL.CL_DEVICE_NOT_FOUND) {
                return new cl_device_id[0];
            }
            throw e;
        }
        cl_device_id[] ids = new cl_device_id[count[0]];
        CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, count[0], ids, null);
        return ids;
    }

    private static DeviceInfo describe(int index, String platform, cl_device_id id) {
        long type = deviceLong(id, CL.CL_DEVICE_TYPE);
        DeviceType kind = (type & CL.CL_DEVICE_TYPE_GPU) != 0 ? DeviceType.GPU
                : (type & CL.CL_DEVICE_TYPE_CPU) != 0 ? DeviceType.CPU : DeviceType.OTHER;
        boolean fp64 = (" " + deviceString(id, CL.CL_DEVICE_EXTENSIONS) + " ").contains(" cl_khr_fp64 ");
        String reason = deviceInt(id, CL.CL_DEVICE_AVAILABLE) == 0 ? "the driver reports it unavailable"
                : deviceInt(id, CL.CL_DEVICE_COMPILER_AVAILABLE) == 0 ? "it has no OpenCL C compiler"
                : null;
        return new DeviceInfo(index, platform, deviceString(id, CL.CL_DEVICE_NAME).strip(), kind,
                deviceInt(id, CL.CL_DEVICE_MAX_COMPUTE_UNITS), deviceLong(id, CL.CL_DEVICE_GLOBAL_MEM_SIZE), fp64,
                reason == null, reason);
    }

    static String platformString(cl_platform_id platform, int param) {
        return infoString((size, value, sizeOut) -> CL.clGetPlatformInfo(platform, param, size, value, sizeOut));
    }

    static String deviceString(cl_device_id device, int param) {
        return infoString((size, value, sizeOut) -> CL.clGetDeviceInfo(device, param, size, value, sizeOut));
    }

    /** The shape shared by clGetPlatformInfo and clGetDeviceInfo: ask for the size, then for the value. */
    @FunctionalInterface
    private interface InfoQuery {
        void get(long size, Pointer value, long[] sizeOut);
    }

    private static String infoString(InfoQuery query) {
        long[] size = new long[1];
        query.get(0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        query.get(bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    /** For cl_uint and cl_bool parameters. */
    static int deviceInt(cl_device_id device, int param) {
        int[] value = new int[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_uint, Pointer.to(value), null);
        return value[0];
    }

    /** For cl_ulong, cl_bitfield and size_t parameters (size_t is 64-bit on every platform JOCL ships for). */
    static long deviceLong(cl_device_id device, int param) {
        long[] value = new long[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_ulong, Pointer.to(value), null);
        return value[0];
    }

    /** The error name alone: JOCL's exception messages can run over several lines (build logs). */
    static String status(CLException e) {
        return CL.stringFor_errorCode(e.getStatus());
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
