package io.marginsim.engine.opencl;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.Precision;
import io.marginsim.engine.ScopeBlock;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_mem;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Each isolated position's outcomes of one {@link ChunkSlot}'s chunk, for problems the plain path kernel runs
 * ({@code simulate_paths} in {@code paths.cl}): per path and position the first breach step and the equity at close.
 * They come back per path, {@code positions * (4 + real)} bytes a path (a few MB for a chunk of a million paths of
 * a few positions), and are reduced on the host into the run's {@link io.marginsim.result.ScopeStats}, which keeps
 * only counts and sums: memory stays bounded by the chunk, not the run.
 */
final class ScopeSlot implements AutoCloseable {
    private final cl_command_queue queue;
    private final Precision precision;
    private final DeviceReads reads;
    private final int positions;
    private final double[] initialEquity;
    final cl_mem breach;
    final cl_mem equity;
    /** Direct, so the reads can be non-blocking. */
    private final ByteBuffer breachHost;
    private final ByteBuffer equityHost;

    ScopeSlot(cl_context context, cl_command_queue queue, int capacity, CompiledProblem problem, Precision precision,
              DeviceReads reads) {
        this.queue = queue;
        this.precision = precision;
        this.reads = reads;
        positions = problem.positions;
        initialEquity = ScopeBlock.initialEquity(problem);
        long values = (long) capacity * positions;
        breach = ChunkSlot.deviceBuffer(context, values * Sizeof.cl_int);
        equity = ChunkSlot.deviceBuffer(context, values * ProblemBuffers.realBytes(precision));
        breachHost = ByteBuffer.allocateDirect(Math.toIntExact(values * Sizeof.cl_int)).order(ByteOrder.nativeOrder());
        equityHost = ByteBuffer.allocateDirect(Math.toIntExact(values * ProblemBuffers.realBytes(precision)))
                .order(ByteOrder.nativeOrder());
    }

    /** Whether the plain kernel writes positions for {@code problem}: isolated, without frictions. */
    static boolean covers(CompiledProblem problem, PathKernels kernels) {
        return problem.isolated && problem.positions > 0 && !kernels.liquidating();
    }

    /** Queues the reads of a chunk of {@code count} paths after its simulation; returns at once. */
    void enqueueReads(int count) {
        long values = (long) count * positions;
        reads.read(queue, breach, values * Sizeof.cl_int, Pointer.to(breachHost), false);
        reads.read(queue, equity, values * ProblemBuffers.realBytes(precision), Pointer.to(equityHost), false);
    }

    /** After the queue finished: the chunk's {@code count} paths as a block. */
    ScopeBlock block(int count) {
        ScopeBlock out = new ScopeBlock(count, initialEquity, false);
        int values = count * positions;
        breachHost.asIntBuffer().get(0, out.breachStep, 0, values);
        ChunkSlot.toDoubles(equityHost, precision, out.closeEquity, 0, values);
        return out;
    }

    /** After the queue finished: copies the chunk's paths into {@code out} from path {@code offset} on. */
    void readInto(ScopeBlock out, int offset, int count) {
        ScopeBlock chunk = block(count);
        System.arraycopy(chunk.breachStep, 0, out.breachStep, offset * positions, count * positions);
        System.arraycopy(chunk.closeEquity, 0, out.closeEquity, offset * positions, count * positions);
    }

    @Override
    public void close() {
        CL.clReleaseMemObject(breach);
        CL.clReleaseMemObject(equity);
    }
}
