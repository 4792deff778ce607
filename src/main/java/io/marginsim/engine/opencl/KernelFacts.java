package io.marginsim.engine.opencl;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;

import java.util.Locale;

/**
 * What the device compiler made of one production kernel, as {@code clGetKernelWorkGroupInfo} reports it. Private
 * memory per work-item is the number that tells register spills apart: on a GPU, what does not fit in registers
 * lives in slow off-chip memory, and a size that grew with the horizon would mean per-step state kept per path.
 *
 * @param name              the kernel's name in its {@code kernels/*.cl} source
 * @param privateBytes      {@code CL_KERNEL_PRIVATE_MEM_SIZE}: private memory of one work-item
 * @param localBytes        {@code CL_KERNEL_LOCAL_MEM_SIZE}: local memory of one group, the source's own and that of the
 *                          local arguments as last set (so after a run, the size it ran with)
 * @param maxGroup          {@code CL_KERNEL_WORK_GROUP_SIZE}: the largest group this kernel can run with here
 * @param preferredMultiple {@code CL_KERNEL_PREFERRED_WORK_GROUP_SIZE_MULTIPLE}: the device's SIMD width for it
 * @param launchedGroup     the group size the engine launches it with
 */
public record KernelFacts(String name, long privateBytes, long localBytes, long maxGroup, long preferredMultiple,
                          int launchedGroup) {

    static KernelFacts of(String name, cl_kernel kernel, cl_device_id device, int launchedGroup) {
        return new KernelFacts(name, info(kernel, device, CL.CL_KERNEL_PRIVATE_MEM_SIZE),
                info(kernel, device, CL.CL_KERNEL_LOCAL_MEM_SIZE), info(kernel, device, CL.CL_KERNEL_WORK_GROUP_SIZE),
                info(kernel, device, CL.CL_KERNEL_PREFERRED_WORK_GROUP_SIZE_MULTIPLE), launchedGroup);
    }

    /** One line for {@code bench}: the name, then the sizes. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: private %d B/work-item, local %d B/group, group %d launched "
                + "(kernel max %d, preferred multiple %d)", name, privateBytes, localBytes, launchedGroup, maxGroup,
                preferredMultiple);
    }

    /** For cl_ulong and size_t answers alike: size_t is 64-bit on every platform JOCL ships for. */
    private static long info(cl_kernel kernel, cl_device_id device, int param) {
        long[] value = new long[1];
        CL.clGetKernelWorkGroupInfo(kernel, device, param, Sizeof.cl_ulong, Pointer.to(value), null);
        return value[0];
    }
}
