package io.marginsim.engine.opencl;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The path and histogram kernels built for one problem shape (assets, positions, market models), precision and
 * parameter address space, with the launch geometry they run with. Building takes a while (seconds on a CPU device), so
 * the engine keeps one instance per shape.
 */
final class PathKernels implements AutoCloseable {
    /** Work-items per group for the path kernel: a multiple of every vendor's SIMD width. */
    private static final int PATH_GROUP = 128;
    private static final int HISTOGRAM_GROUP = 256;
    /** Histogram groups per compute unit: enough to fill the device, few enough to keep global atomics rare. */
    private static final int HISTOGRAM_GROUPS_PER_UNIT = 4;

    private final KernelProgram program;
    private final cl_kernel simulate;
    private final long localMemBytes;
    private final int computeUnits;
    private final int pathGroup;
    private final int histogramGroup;

    private PathKernels(KernelProgram program, cl_device_id device) {
        this.program = program;
        this.simulate = program.kernel("simulate_paths");
        this.localMemBytes = OpenClDevices.deviceLong(device, CL.CL_DEVICE_LOCAL_MEM_SIZE);
        this.computeUnits = OpenClDevices.deviceInt(device, CL.CL_DEVICE_MAX_COMPUTE_UNITS);
        this.pathGroup = groupSize(simulate, device, PATH_GROUP);
        this.histogramGroup = groupSize(program.kernel("breach_histogram"), device, HISTOGRAM_GROUP);
    }

    /** Build options that select the program for {@code problem}; also the key of the engine's program cache. */
    static String options(CompiledProblem problem, Precision precision, long maxConstantBytes) {
        boolean constant = ProblemBuffers.bytes(problem, precision) <= maxConstantBytes / 2;
        return KernelProgram.SPEED_OPTIONS
                + (precision == Precision.DOUBLE ? " -DREAL_DOUBLE" : " -cl-single-precision-constant")
                + (constant ? "" : " -DPARAM_GLOBAL")
                + " -DASSETS=" + problem.assets + " -DPOSITIONS=" + problem.positions + ModelBuffer.options(problem);
    }

    static PathKernels build(cl_context context, cl_device_id device, String deviceName, String options)
            throws EngineUnavailableException {
        return new PathKernels(
                KernelProgram.build(context, device, deviceName, options, "philox.cl", "paths.cl", "models.cl",
                        "reduce.cl"),
                device);
    }

    /** Simulates paths {@code firstPath .. firstPath + count - 1} into the three per-path buffers. */
    void enqueueSimulation(cl_command_queue queue, CompiledProblem p, ProblemBuffers params, long firstPath,
                           int count, cl_mem firstBreach, cl_mem worst, cl_mem terminal) {
        int arg = 0;
        arg = setMem(simulate, arg, params.market, params.account, params.tiers, params.layout, params.models,
                params.history);
        arg = setInt(simulate, arg, params.historyRows, params.tierCount, p.steps, p.isolated ? 1 : 0, (int) p.seed,
                (int) (p.seed >>> 32));
        CL.clSetKernelArg(simulate, arg++, Sizeof.cl_ulong, Pointer.to(new long[] {firstPath}));
        arg = setInt(simulate, arg, count);
        setMem(simulate, arg, firstBreach, worst, terminal);
        launch(queue, simulate, roundUp(count, pathGroup), pathGroup);
    }

    /** Adds the first-breach counts of {@code count} paths to {@code histogram} ({@code bins} uints). */
    void enqueueHistogram(cl_command_queue queue, cl_mem firstBreach, int count, int bins, cl_mem histogram) {
        long groups = Math.min((long) computeUnits * HISTOGRAM_GROUPS_PER_UNIT,
                Math.max(1, (count + histogramGroup - 1) / histogramGroup));
        // Half the local memory at most, so the group still fits next to what the runtime reserves.
        if ((long) bins * Sizeof.cl_uint <= localMemBytes / 2) {
            cl_kernel kernel = program.kernel("breach_histogram");
            setMem(kernel, 0, firstBreach);
            setInt(kernel, 1, count, bins);
            setMem(kernel, 3, histogram);
            CL.clSetKernelArg(kernel, 4, (long) bins * Sizeof.cl_uint, null);
            launch(queue, kernel, groups * histogramGroup, histogramGroup);
        } else {
            cl_kernel kernel = program.kernel("breach_histogram_global");
            setMem(kernel, 0, firstBreach);
            setInt(kernel, 1, count);
            setMem(kernel, 2, histogram);
            launch(queue, kernel, groups * histogramGroup, histogramGroup);
        }
    }

    @Override
    public void close() {
        program.close();
    }

    static int setMem(cl_kernel kernel, int first, cl_mem... buffers) {
        int arg = first;
        for (cl_mem buffer : buffers) {
            CL.clSetKernelArg(kernel, arg++, Sizeof.cl_mem, Pointer.to(buffer));
        }
        return arg;
    }

    static int setInt(cl_kernel kernel, int first, int... values) {
        int arg = first;
        for (int value : values) {
            CL.clSetKernelArg(kernel, arg++, Sizeof.cl_int, Pointer.to(new int[] {value}));
        }
        return arg;
    }

    private static void launch(cl_command_queue queue, cl_kernel kernel, long global, long local) {
        CL.clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
    }

    static int groupSize(cl_kernel kernel, cl_device_id device, int wanted) {
        long[] max = new long[1];
        CL.clGetKernelWorkGroupInfo(kernel, device, CL.CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(max),
                null);
        return (int) Math.max(1, Math.min(wanted, Integer.highestOneBit((int) Math.min(max[0], 1 << 30))));
    }

    static long roundUp(long n, long multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }
}
