package io.marginsim.engine.opencl;

import io.marginsim.engine.Precision;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ScopeBlock;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_mem;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Each isolated position's outcomes of one {@link ChunkSlot}'s chunk: per path and position the first breach step and
 * the equity at close ({@code simulate_paths} in {@code paths.cl}), and on the liquidating kernel
 * ({@code frictions.cl}) also its liquidation loss and bad debt. They come back per path, {@code positions * (4 + 3
 * reals)} bytes a path at most (a few tens of MB for a chunk of a million paths of a few positions), and are reduced
 * on the host into the run's {@link io.marginsim.stats.ScopeStats}, which keeps only counts and sums: memory stays
 * bounded by the chunk, not the run.
 */
final class ScopeSlot implements AutoCloseable {
    /** Bytes of per-position outcomes one chunk may hold, on the device and again on the host. */
    static final long MAX_CHUNK_BYTES = 64L << 20;
    private final cl_command_queue queue;
    private final Precision precision;
    private final DeviceReads reads;
    /** Values a path takes in each buffer ({@link ScopeField}): one per position. */
    private final int perPath;
    private final double[] initialEquity;
    /** Whether the positions' liquidation outcomes are read (the problem has a {@code liquidation} object). */
    private final boolean liquidation;
    final cl_mem breach;
    final cl_mem equity;
    /** The liquidating kernel's per-position loss and bad debt; null for the plain kernel. */
    final cl_mem loss;
    final cl_mem badDebt;
    /** Direct, so the reads can be non-blocking. */
    private final ByteBuffer breachHost;
    private final ByteBuffer equityHost;
    private final ByteBuffer lossHost;
    private final ByteBuffer badDebtHost;

    ScopeSlot(cl_context context, cl_command_queue queue, int capacity, CompiledProblem problem, PathKernels kernels,
              Precision precision, DeviceReads reads) {
        this.queue = queue;
        this.precision = precision;
        this.reads = reads;
        perPath = ScopeField.LAYOUT.length(LayoutShape.of(problem));
        initialEquity = ScopeBlock.initialEquity(problem);
        long values = (long) capacity * perPath;
        breach = ChunkSlot.deviceBuffer(context, values * Sizeof.cl_int);
        equity = ChunkSlot.deviceBuffer(context, values * ProblemBuffers.realBytes(precision));
        breachHost = ByteBuffer.allocateDirect(Math.toIntExact(values * Sizeof.cl_int)).order(ByteOrder.nativeOrder());
        equityHost = realHost(values);
        liquidation = problem.frictions.liquidation() != null;
        // the liquidating kernel writes them with or without a liquidation object: it has one argument list
        loss = kernels.liquidating() ? ChunkSlot.deviceBuffer(context, values * ProblemBuffers.realBytes(precision))
                : null;
        badDebt = kernels.liquidating()
                ? ChunkSlot.deviceBuffer(context, values * ProblemBuffers.realBytes(precision)) : null;
        lossHost = liquidation ? realHost(values) : null;
        badDebtHost = liquidation ? realHost(values) : null;
    }

    private ByteBuffer realHost(long values) {
        return ByteBuffer.allocateDirect(Math.toIntExact(values * ProblemBuffers.realBytes(precision)))
                .order(ByteOrder.nativeOrder());
    }

    /**
     * Paths per chunk for {@code problem}: {@code wanted}, or fewer where the positions' outcomes of that many paths
     * would take more than {@link #MAX_CHUNK_BYTES} (an account of many isolated positions), so that memory stays
     * bounded whatever the positions. Results do not depend on the chunk size.
     */
    static int chunkPaths(CompiledProblem problem, int wanted) {
        if (!covers(problem)) {
            return wanted;
        }
        long bytes = (long) ScopeField.LAYOUT.length(LayoutShape.of(problem)) * (Integer.BYTES + 3L * Double.BYTES);
        return (int) Math.max(1, Math.min(wanted, MAX_CHUNK_BYTES / bytes));
    }

    /** Whether {@code problem} has positions of their own: isolated, with at least one. */
    static boolean covers(CompiledProblem problem) {
        return problem.isolated && problem.positions > 0;
    }

    /** The kernel arguments after the liquidation ones: two buffers on the plain kernel, four on the liquidating. */
    cl_mem[] arguments() {
        return loss == null ? new cl_mem[] {breach, equity} : new cl_mem[] {breach, equity, loss, badDebt};
    }

    /** Queues the reads of a chunk of {@code count} paths after its simulation; returns at once. */
    void enqueueReads(int count) {
        long values = (long) count * perPath;
        reads.read(queue, breach, values * Sizeof.cl_int, Pointer.to(breachHost), false);
        reads.read(queue, equity, values * ProblemBuffers.realBytes(precision), Pointer.to(equityHost), false);
        if (liquidation) {
            reads.read(queue, loss, values * ProblemBuffers.realBytes(precision), Pointer.to(lossHost), false);
            reads.read(queue, badDebt, values * ProblemBuffers.realBytes(precision), Pointer.to(badDebtHost), false);
        }
    }

    /** After the queue finished: the chunk's {@code count} paths as a block. */
    ScopeBlock block(int count) {
        ScopeBlock out = new ScopeBlock(count, initialEquity, liquidation);
        int values = count * perPath;
        breachHost.asIntBuffer().get(0, out.breachStep, 0, values);
        ChunkSlot.toDoubles(equityHost, precision, out.closeEquity, 0, values);
        if (liquidation) {
            ChunkSlot.toDoubles(lossHost, precision, out.liquidationLoss, 0, values);
            ChunkSlot.toDoubles(badDebtHost, precision, out.badDebt, 0, values);
        }
        return out;
    }

    /** After the queue finished: copies the chunk's paths into {@code out} from path {@code offset} on. */
    void readInto(ScopeBlock out, int offset, int count) {
        ScopeBlock chunk = block(count);
        System.arraycopy(chunk.breachStep, 0, out.breachStep, offset * perPath, count * perPath);
        System.arraycopy(chunk.closeEquity, 0, out.closeEquity, offset * perPath, count * perPath);
        if (liquidation) {
            System.arraycopy(chunk.liquidationLoss, 0, out.liquidationLoss, offset * perPath, count * perPath);
            System.arraycopy(chunk.badDebt, 0, out.badDebt, offset * perPath, count * perPath);
        }
    }

    @Override
    public void close() {
        for (cl_mem buffer : new cl_mem[] {breach, equity, loss, badDebt}) {
            if (buffer != null) {
                CL.clReleaseMemObject(buffer);
            }
        }
    }
}
