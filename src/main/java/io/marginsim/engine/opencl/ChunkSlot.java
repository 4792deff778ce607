package io.marginsim.engine.opencl;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.PathBlock;
import io.marginsim.engine.Precision;
import io.marginsim.result.PathStats;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_mem;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Device and host buffers for one chunk of paths on its own command queue. The engine keeps two: while one
 * chunk computes, the other's results travel back, and neither waits for the other.
 */
final class ChunkSlot implements AutoCloseable {
    private final cl_command_queue queue;
    private final Precision precision;
    private final int bins;
    private final cl_mem firstBreach;
    private final cl_mem worst;
    private final cl_mem terminal;
    private final cl_mem histogram;
    /** Direct, so reads can be non-blocking: the driver may write into it while Java runs on. */
    private final ByteBuffer worstHost;
    private final ByteBuffer terminalHost;
    private final ByteBuffer histogramHost;
    private final double[] worstValues;
    private final double[] terminalValues;
    private final long[] counts;
    /** Paths whose reads are queued and not yet collected. */
    private int pending;

    ChunkSlot(cl_context context, cl_command_queue queue, int capacity, int steps, Precision precision) {
        this.queue = queue;
        this.precision = precision;
        this.bins = steps + 1;
        long realBytes = ProblemBuffers.realBytes(precision);
        firstBreach = deviceBuffer(context, (long) capacity * Sizeof.cl_int);
        worst = deviceBuffer(context, capacity * realBytes);
        terminal = deviceBuffer(context, capacity * realBytes);
        histogram = deviceBuffer(context, (long) bins * Sizeof.cl_uint);
        worstHost = hostBuffer(capacity * realBytes);
        terminalHost = hostBuffer(capacity * realBytes);
        histogramHost = hostBuffer((long) bins * Sizeof.cl_uint);
        worstValues = new double[capacity];
        terminalValues = new double[capacity];
        counts = new long[bins];
    }

    /** Queues simulation, histogram and the reads of a chunk; returns at once. */
    void submit(PathKernels kernels, CompiledProblem problem, ProblemBuffers params, long firstPath, int count) {
        kernels.enqueueSimulation(queue, problem, params, firstPath, count, firstBreach, worst, terminal);
        CL.clEnqueueFillBuffer(queue, histogram, Pointer.to(new int[] {0}), Sizeof.cl_uint, 0,
                (long) bins * Sizeof.cl_uint, 0, null, null);
        kernels.enqueueHistogram(queue, firstBreach, count, bins, histogram);
        long realBytes = ProblemBuffers.realBytes(precision);
        read(histogram, (long) bins * Sizeof.cl_uint, histogramHost);
        read(worst, count * realBytes, worstHost);
        read(terminal, count * realBytes, terminalHost);
        CL.clFlush(queue);
        pending = count;
    }

    /** Waits for the submitted chunk, if any, and adds it to {@code stats}; returns its number of paths. */
    int collect(PathStats stats) {
        if (pending == 0) {
            return 0;
        }
        CL.clFinish(queue);
        int count = pending;
        pending = 0;
        for (int s = 0; s < bins; s++) {
            counts[s] = Integer.toUnsignedLong(histogramHost.getInt(s * Sizeof.cl_uint));
        }
        toDoubles(worstHost, worstValues, count);
        toDoubles(terminalHost, terminalValues, count);
        stats.add(counts, worstValues, terminalValues, count);
        return count;
    }

    /** Simulates a chunk and copies every per-path outcome into {@code out[offset ..]}; blocks. */
    void simulateInto(PathKernels kernels, CompiledProblem problem, ProblemBuffers params, long firstPath,
                      PathBlock out, int offset, int count) {
        kernels.enqueueSimulation(queue, problem, params, firstPath, count, firstBreach, worst, terminal);
        long realBytes = ProblemBuffers.realBytes(precision);
        read(worst, count * realBytes, worstHost);
        read(terminal, count * realBytes, terminalHost);
        CL.clEnqueueReadBuffer(queue, firstBreach, CL.CL_TRUE, 0, (long) count * Sizeof.cl_int,
                Pointer.to(out.firstBreachStep).withByteOffset((long) offset * Sizeof.cl_int), 0, null, null);
        CL.clFinish(queue);
        toDoubles(worstHost, worstValues, count);
        toDoubles(terminalHost, terminalValues, count);
        System.arraycopy(worstValues, 0, out.worstShortfall, offset, count);
        System.arraycopy(terminalValues, 0, out.terminalEquity, offset, count);
    }

    @Override
    public void close() {
        if (pending != 0) {
            CL.clFinish(queue);
        }
        CL.clReleaseMemObject(firstBreach);
        CL.clReleaseMemObject(worst);
        CL.clReleaseMemObject(terminal);
        CL.clReleaseMemObject(histogram);
    }

    private void read(cl_mem source, long bytes, ByteBuffer target) {
        CL.clEnqueueReadBuffer(queue, source, CL.CL_FALSE, 0, bytes, Pointer.to(target), 0, null, null);
    }

    private void toDoubles(ByteBuffer source, double[] target, int count) {
        if (precision == Precision.DOUBLE) {
            source.asDoubleBuffer().get(0, target, 0, count);
        } else {
            for (int i = 0; i < count; i++) {
                target[i] = source.getFloat(i * Sizeof.cl_float);
            }
        }
    }

    private static cl_mem deviceBuffer(cl_context context, long bytes) {
        return CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, Math.max(bytes, 1), null, null);
    }

    private static ByteBuffer hostBuffer(long bytes) {
        return ByteBuffer.allocateDirect(Math.toIntExact(Math.max(bytes, 1))).order(ByteOrder.nativeOrder());
    }
}
