package io.marginsim.engine.opencl;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.problem.BreachBins;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.stats.ArraySample;
import io.marginsim.stats.PathStats;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link CellBatch}es for an {@link OpenClEngine}: one launch of {@code simulate_batch} over the concatenated
 * path ranges of the batch's cells, one of {@code batch_histograms} reducing each cell's breach slots
 * ({@link BreachBins}) to its own histogram, and one read of every histogram and sample, after which each cell's
 * {@link PathStats} is cut from the results on the host. A cell's samples come back as values (at most
 * {@link CellBatch#MAX_CELL_PATHS} a cell, so no more bytes than one radix-select histogram) into host samples, which
 * rank exactly what the device samples of a cell run alone would rank.
 *
 * <p>Not thread-safe: the engine calls it under its lock. Programs are cached by build options, as the engine's are.
 */
final class BatchRunner implements AutoCloseable {
    /** Work-items per group: a multiple of every vendor's SIMD width, as for the path kernel. */
    private static final int GROUP = 128;

    private final cl_context context;
    private final cl_device_id device;
    private final String deviceName;
    private final cl_command_queue queue;
    private final Precision precision;
    private final DeviceReads reads;
    private final Map<String, KernelProgram> programs = new HashMap<>();

    BatchRunner(cl_context context, cl_device_id device, String deviceName, cl_command_queue queue,
                Precision precision, DeviceReads reads) {
        this.context = context;
        this.device = device;
        this.deviceName = deviceName;
        this.queue = queue;
        this.precision = precision;
        this.reads = reads;
    }

    /** The statistics of every cell of {@code batch}, in its order; blocks until the device is done. */
    List<PathStats> run(CellBatch batch) throws EngineUnavailableException {
        List<CellBatch.Cell> cells = batch.cells();
        if (cells.isEmpty()) {
            return List.of();
        }
        KernelProgram program = program(batch.key());
        int realBytes = ProblemBuffers.realBytes(precision);
        try (BatchBuffers params = new BatchBuffers(context, cells, precision)) {
            long paths = params.paths;
            ByteBuffer histogram = hostBuffer((long) params.bins * Sizeof.cl_uint);
            ByteBuffer worst = hostBuffer(paths * realBytes);
            ByteBuffer terminal = hostBuffer(paths * realBytes);
            // made inside the try, so that a failed allocation frees the ones made before it
            cl_mem[] made = new cl_mem[4];
            try {
                cl_mem firstBreachOut = made[0] = deviceBuffer(paths * Sizeof.cl_int);
                cl_mem worstOut = made[1] = deviceBuffer(paths * realBytes);
                cl_mem terminalOut = made[2] = deviceBuffer(paths * realBytes);
                cl_mem histogramOut = made[3] = deviceBuffer((long) params.bins * Sizeof.cl_uint);
                enqueueSimulation(program.kernel("simulate_batch"), params, firstBreachOut, worstOut, terminalOut);
                CL.clEnqueueFillBuffer(queue, histogramOut, Pointer.to(new int[] {0}), Sizeof.cl_uint, 0,
                        (long) params.bins * Sizeof.cl_uint, 0, null, null);
                enqueueHistograms(program.kernel("batch_histograms"), params, firstBreachOut, histogramOut);
                reads.read(queue, histogramOut, (long) params.bins * Sizeof.cl_uint, Pointer.to(histogram), false);
                reads.read(queue, worstOut, paths * realBytes, Pointer.to(worst), false);
                reads.read(queue, terminalOut, paths * realBytes, Pointer.to(terminal), false);
                CL.clFinish(queue);
            } finally {
                for (cl_mem buffer : made) {
                    if (buffer != null) {
                        CL.clReleaseMemObject(buffer);
                    }
                }
            }
            List<PathStats> out = new ArrayList<>(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                out.add(cellStats(cells.get(c).problem(), params, c, histogram, worst, terminal));
            }
            return out;
        }
    }

    private void enqueueSimulation(cl_kernel kernel, BatchBuffers params, cl_mem firstBreach, cl_mem worst,
                                   cl_mem terminal) {
        int arg = PathKernels.setMem(kernel, 0, params.market, params.account, params.tiers, params.layout,
                params.models);
        arg = PathKernels.setInt(kernel, arg, params.modelReals);
        arg = PathKernels.setMem(kernel, arg, params.history, params.cells, params.cellStart);
        arg = PathKernels.setInt(kernel, arg, params.cellCount);
        PathKernels.setMem(kernel, arg, firstBreach, worst, terminal);
        int group = PathKernels.groupSize(kernel, device, GROUP);
        launch(kernel, PathKernels.roundUp(params.paths, group), group);
    }

    private void enqueueHistograms(cl_kernel kernel, BatchBuffers params, cl_mem firstBreach, cl_mem histogram) {
        PathKernels.setMem(kernel, 0, firstBreach, params.cellStart, params.binStart, histogram);
        int group = PathKernels.groupSize(kernel, device, GROUP);
        launch(kernel, (long) params.cellCount * group, group);
    }

    private void launch(cl_kernel kernel, long global, long local) {
        CL.clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
    }

    /** Cell {@code c}'s statistics from the batch's results, with its samples on the host. */
    private PathStats cellStats(CompiledProblem problem, BatchBuffers params, int c, ByteBuffer histogram,
                                ByteBuffer worst, ByteBuffer terminal) {
        int first = params.firstPath[c];
        int count = params.firstPath[c + 1] - first;
        int bins = BreachBins.perStep(problem.monitoring);
        long[] breaches = new long[params.firstBin[c + 1] - params.firstBin[c]];
        for (int k = 1; k < breaches.length; k++) {
            breaches[k] = Integer.toUnsignedLong(histogram.getInt((params.firstBin[c] + k) * Sizeof.cl_uint));
        }
        ArraySample worstSample = new ArraySample();
        ArraySample terminalSample = new ArraySample();
        PathStats stats = new PathStats(problem.steps, bins, worstSample, terminalSample);
        stats.addBreaches(breaches, count);
        worstSample.addAll(values(worst, first, count), count);
        terminalSample.addAll(values(terminal, first, count), count);
        return stats;
    }

    private double[] values(ByteBuffer source, int first, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = precision == Precision.DOUBLE ? source.getDouble((first + i) * Sizeof.cl_double)
                    : source.getFloat((first + i) * Sizeof.cl_float);
        }
        return out;
    }

    /**
     * The batch program of one shape, built on first use; a device compiler that rejects it fails the run like any
     * other kernel build, with the compiler's log in one sentence.
     */
    private KernelProgram program(String options) throws EngineUnavailableException {
        KernelProgram program = programs.get(options);
        if (program == null) {
            program = KernelProgram.build(context, device, deviceName, options, "philox.cl", "paths.cl",
                    "models.cl", "monitor.cl", "batch.cl");
            programs.put(options, program);
        }
        return program;
    }

    private cl_mem deviceBuffer(long bytes) {
        return CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, Math.max(bytes, 1), null, null);
    }

    private static ByteBuffer hostBuffer(long bytes) {
        return ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
    }

    @Override
    public void close() {
        programs.values().forEach(KernelProgram::close);
        programs.clear();
    }
}
