package io.marginsim.engine.opencl;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.problem.BreachBins;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.spec.Monitoring;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

import java.util.ArrayList;
import java.util.List;

/**
 * The path and histogram kernels built for one problem shape (assets, positions, market models, frictions),
 * precision and parameter address space, with the launch geometry they run with. A problem with frictions runs the
 * liquidating path kernel of {@code frictions.cl} (on the account of {@code account.cl}) instead of the plain one,
 * and its liquidation sums; under continuous monitoring both kernels check within each step with {@code monitor.cl}.
 * Building takes a while (seconds on a CPU device), so the engine keeps one instance per shape.
 */
final class PathKernels implements AutoCloseable {
    /** Work-items per group for the path kernel: a multiple of every vendor's SIMD width. */
    private static final int PATH_GROUP = 128;
    private static final int HISTOGRAM_GROUP = 256;
    /** Histogram groups per compute unit: enough to fill the device, few enough to keep global atomics rare. */
    private static final int HISTOGRAM_GROUPS_PER_UNIT = 4;
    private static final int SUM_GROUP = 256;

    private final KernelProgram program;
    private final cl_device_id device;
    private final cl_kernel simulate;
    private final long localMemBytes;
    private final int computeUnits;
    private final int pathGroup;
    private final int histogramGroup;
    private final boolean liquidating;
    private final int sumGroup;

    private PathKernels(KernelProgram program, cl_device_id device, boolean liquidating) {
        this.program = program;
        this.device = device;
        this.liquidating = liquidating;
        this.simulate = program.kernel(liquidating ? "simulate_liquidating_paths" : "simulate_paths");
        this.localMemBytes = OpenClDevices.deviceLong(device, CL.CL_DEVICE_LOCAL_MEM_SIZE);
        this.computeUnits = OpenClDevices.deviceInt(device, CL.CL_DEVICE_MAX_COMPUTE_UNITS);
        this.pathGroup = groupSize(simulate, device, PATH_GROUP);
        this.histogramGroup = groupSize(program.kernel("breach_histogram"), device, HISTOGRAM_GROUP);
        this.sumGroup = liquidating ? groupSize(program.kernel("liquidation_sums"), device, SUM_GROUP) : 0;
    }

    /** Build options that select the program for {@code problem}; also the key of the engine's program cache. */
    static String options(CompiledProblem problem, Precision precision, long maxConstantBytes) {
        boolean constant = ProblemBuffers.bytes(problem, precision) <= maxConstantBytes / 2;
        return KernelProgram.SPEED_OPTIONS
                + (precision == Precision.DOUBLE ? " -DREAL_DOUBLE" : " -cl-single-precision-constant")
                + (constant ? "" : " -DPARAM_GLOBAL")
                + " -DASSETS=" + problem.assets + " -DPOSITIONS=" + problem.positions
                + (problem.scenarios > 0 ? " -DSCENARIOS=" + problem.scenarios : "") + ModelBuffer.options(problem)
                + FrictionBuffer.options(problem)
                + (problem.monitoring == Monitoring.CONTINUOUS ? " -DCONTINUOUS" : "")
                + " -DBREACH_BINS=" + BreachBins.perStep(problem.monitoring);
    }

    /** @param liquidating whether the options are those of a problem with frictions */
    static PathKernels build(cl_context context, cl_device_id device, String deviceName, String options,
                             boolean liquidating) throws EngineUnavailableException {
        String[] sources = liquidating
                ? new String[] {"philox.cl", "paths.cl", "models.cl", "reduce.cl", "monitor.cl", "account.cl",
                    "frictions.cl"}
                : new String[] {"philox.cl", "paths.cl", "models.cl", "reduce.cl", "monitor.cl"};
        return new PathKernels(KernelProgram.build(context, device, deviceName, options, sources), device,
                liquidating);
    }

    /** The compiler's facts of every kernel this program runs, the path kernel first. */
    List<KernelFacts> facts() {
        List<KernelFacts> facts = new ArrayList<>();
        facts.add(KernelFacts.of(liquidating ? "simulate_liquidating_paths" : "simulate_paths", simulate, device,
                pathGroup));
        facts.add(KernelFacts.of("breach_histogram", program.kernel("breach_histogram"), device, histogramGroup));
        facts.add(KernelFacts.of("breach_histogram_global", program.kernel("breach_histogram_global"), device,
                histogramGroup));
        if (liquidating) {
            facts.add(KernelFacts.of("liquidation_sums", program.kernel("liquidation_sums"), device, sumGroup));
        }
        return facts;
    }

    boolean liquidating() {
        return liquidating;
    }

    /**
     * Simulates paths {@code firstPath .. firstPath + count - 1} into the three per-path buffers, and on the
     * liquidating kernel also into those of {@code liquidation} (prepared for {@code count} paths); each isolated
     * position's outcomes go into those of {@code scopes}, or nowhere when it is null.
     */
    void enqueueSimulation(cl_command_queue queue, CompiledProblem p, ProblemBuffers params, long firstPath,
                           int count, cl_mem firstBreach, cl_mem worst, cl_mem terminal, LiquidationSlot liquidation,
                           ScopeSlot scopes) {
        int arg = 0;
        arg = setMem(simulate, arg, params.market, params.account, params.tiers, params.layout, params.models,
                params.history);
        arg = setInt(simulate, arg, params.historyRows, params.tierCount, p.steps, p.isolated ? 1 : 0, (int) p.seed,
                (int) (p.seed >>> 32));
        CL.clSetKernelArg(simulate, arg++, Sizeof.cl_ulong, Pointer.to(new long[] {firstPath}));
        arg = setInt(simulate, arg, count);
        arg = setMem(simulate, arg, firstBreach, worst, terminal);
        if (liquidating) {
            arg = setMem(simulate, arg, params.frictions, params.frictionInts, liquidation.events, liquidation.loss,
                    liquidation.badDebt);
        }
        if (scopes != null) {
            setMem(simulate, arg, scopes.arguments());
        } else {
            // null buffers: the kernel writes no positions
            for (int k = 0; k < (liquidating ? 4 : 2); k++) {
                CL.clSetKernelArg(simulate, arg++, Sizeof.cl_mem, null);
            }
        }
        launch(queue, simulate, roundUp(count, pathGroup), pathGroup);
    }

    /** Work-groups of {@link #enqueueLiquidationSums} for up to {@code count} paths: one partial sum each. */
    int sumGroups(int count) {
        return (int) Math.min((long) computeUnits * HISTOGRAM_GROUPS_PER_UNIT,
                Math.max(1, (count + sumGroup - 1) / sumGroup));
    }

    /**
     * Reduces the liquidation outcomes of {@code count} paths to per-group counts (3 ulongs) and sums (2 reals);
     * returns the number of groups.
     */
    int enqueueLiquidationSums(cl_command_queue queue, cl_mem events, cl_mem loss, cl_mem badDebt, int count,
                               cl_mem counts, cl_mem sums) {
        int groups = sumGroups(count);
        cl_kernel kernel = program.kernel("liquidation_sums");
        int arg = setMem(kernel, 0, events, loss, badDebt);
        arg = setInt(kernel, arg, count);
        arg = setMem(kernel, arg, counts, sums);
        CL.clSetKernelArg(kernel, arg++, (long) sumGroup * 3 * Sizeof.cl_ulong, null);
        // the wider real of the two precisions: a few KiB of local memory either way
        CL.clSetKernelArg(kernel, arg, (long) sumGroup * 2 * Sizeof.cl_double, null);
        launch(queue, kernel, (long) groups * sumGroup, sumGroup);
        return groups;
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
        return Math.max(1, Math.min(wanted, Integer.highestOneBit((int) Math.min(max[0], 1 << 30))));
    }

    static long roundUp(long n, long multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }
}
