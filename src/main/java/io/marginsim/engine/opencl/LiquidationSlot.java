package io.marginsim.engine.opencl;

import io.marginsim.engine.Precision;
import io.marginsim.problem.PathBlock;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_mem;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The liquidation outcomes of one {@link ChunkSlot}'s chunk, for problems run by the liquidating kernel
 * ({@code frictions.cl}): per path the number of events, the liquidation loss and the bad debt. What comes back is
 * reduced where it was computed: per work-group counts and sums ({@code liquidation_sums} in {@code reduce.cl}), a
 * few hundred bytes per chunk, added in double on the host. The loss and bad-debt buffers go to the run's
 * {@link DeviceSample}s like the worst-shortfall ones, so the report's quantiles of them are ranked on the device.
 * Only {@link #readInto} copies per-path values back, for callers that asked for a {@link PathBlock}.
 */
final class LiquidationSlot implements AutoCloseable {
    private static final int COUNTS = 3;
    private static final int SUMS = 2;

    private final cl_context context;
    private final cl_command_queue queue;
    private final Precision precision;
    private final DeviceReads reads;
    /** Reused for every chunk: only the sums read it. */
    final cl_mem events;
    /** The submitted chunk's loss and bad debt, until collected or read. */
    cl_mem loss;
    cl_mem badDebt;
    private final cl_mem counts;
    private final cl_mem sums;
    /** Direct, so the reads can be non-blocking. */
    private final ByteBuffer countsHost;
    private final ByteBuffer sumsHost;
    private int groups;

    LiquidationSlot(cl_context context, cl_command_queue queue, int capacity, int maxGroups, Precision precision,
                    DeviceReads reads) {
        this.context = context;
        this.queue = queue;
        this.precision = precision;
        this.reads = reads;
        events = ChunkSlot.deviceBuffer(context, (long) capacity * Sizeof.cl_int);
        counts = ChunkSlot.deviceBuffer(context, (long) maxGroups * COUNTS * Sizeof.cl_ulong);
        sums = ChunkSlot.deviceBuffer(context, (long) maxGroups * SUMS * ProblemBuffers.realBytes(precision));
        countsHost = ByteBuffer.allocateDirect(maxGroups * COUNTS * Sizeof.cl_ulong).order(ByteOrder.nativeOrder());
        sumsHost = ByteBuffer.allocateDirect(maxGroups * SUMS * ProblemBuffers.realBytes(precision))
                .order(ByteOrder.nativeOrder());
    }

    /** Makes the per-path loss and bad-debt buffers of a chunk of {@code count} paths. */
    void prepare(int count) {
        loss = ChunkSlot.deviceBuffer(context, (long) count * ProblemBuffers.realBytes(precision));
        badDebt = ChunkSlot.deviceBuffer(context, (long) count * ProblemBuffers.realBytes(precision));
    }

    /** Queues the counts and sums of the chunk and their reads; returns at once. */
    void enqueueSums(PathKernels kernels, int count) {
        groups = kernels.enqueueLiquidationSums(queue, events, loss, badDebt, count, counts, sums);
        reads.read(queue, counts, (long) groups * COUNTS * Sizeof.cl_ulong, Pointer.to(countsHost), false);
        reads.read(queue, sums, (long) groups * SUMS * ProblemBuffers.realBytes(precision), Pointer.to(sumsHost),
                false);
    }

    /** After the queue finished: adds the chunk to the run's liquidation statistics and samples. */
    void collect(DeviceStats run, int count) {
        long liquidated = 0;
        long eventCount = 0;
        long badDebtPaths = 0;
        double lossSum = 0;
        double badDebtSum = 0;
        for (int g = 0; g < groups; g++) {
            liquidated += countsHost.getLong((COUNTS * g) * Sizeof.cl_ulong);
            eventCount += countsHost.getLong((COUNTS * g + 1) * Sizeof.cl_ulong);
            badDebtPaths += countsHost.getLong((COUNTS * g + 2) * Sizeof.cl_ulong);
            lossSum += real(sumsHost, SUMS * g);
            badDebtSum += real(sumsHost, SUMS * g + 1);
        }
        cl_mem l = loss;
        cl_mem b = badDebt;
        loss = null;
        badDebt = null;
        run.liquidation().addReduced(count, liquidated, eventCount, badDebtPaths, lossSum, badDebtSum);
        // The samples own the buffers from here, even if adding fails.
        try {
            run.loss().append(l, count);
        } finally {
            run.badDebt().append(b, count);
        }
    }

    /** Frees the chunk's loss and bad debt without keeping them: the problem does not track liquidation. */
    void discard() {
        release();
    }

    /** Copies every path's outcomes into {@code out[offset ..]}; blocks. */
    void readInto(PathBlock out, int offset, int count) {
        ByteBuffer lossHost = ChunkSlot.hostBuffer(count, precision);
        ByteBuffer badDebtHost = ChunkSlot.hostBuffer(count, precision);
        long realBytes = ProblemBuffers.realBytes(precision);
        reads.read(queue, loss, count * realBytes, Pointer.to(lossHost), false);
        reads.read(queue, badDebt, count * realBytes, Pointer.to(badDebtHost), false);
        reads.read(queue, events, (long) count * Sizeof.cl_int,
                Pointer.to(out.liquidations).withByteOffset((long) offset * Sizeof.cl_int), true);
        CL.clFinish(queue);
        ChunkSlot.toDoubles(lossHost, precision, out.liquidationLoss, offset, count);
        ChunkSlot.toDoubles(badDebtHost, precision, out.badDebt, offset, count);
    }

    @Override
    public void close() {
        release();
        CL.clReleaseMemObject(events);
        CL.clReleaseMemObject(counts);
        CL.clReleaseMemObject(sums);
    }

    private void release() {
        for (cl_mem buffer : new cl_mem[] {loss, badDebt}) {
            if (buffer != null) {
                CL.clReleaseMemObject(buffer);
            }
        }
        loss = null;
        badDebt = null;
    }

    private double real(ByteBuffer source, int index) {
        return precision == Precision.DOUBLE ? source.getDouble(index * Sizeof.cl_double)
                : source.getFloat(index * Sizeof.cl_float);
    }
}
