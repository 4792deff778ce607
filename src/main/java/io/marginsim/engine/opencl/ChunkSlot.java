package io.marginsim.engine.opencl;

import io.marginsim.engine.Precision;
import io.marginsim.problem.BreachBins;
import io.marginsim.problem.CompiledProblem;
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
 * Device buffers for one chunk of paths on its own command queue. The engine keeps two, so one chunk computes
 * while the other's breach histogram travels back. The kernels write each path's first breach as its slot
 * ({@link BreachBins}: the step, and under continuous monitoring the bin of its crossing time within the step), so
 * the histogram counts slots, one bin for each. The per-path worst shortfall and terminal equity are written
 * into buffers made for each chunk, which {@link #collect} hands to the run's {@link DeviceSample}s instead of
 * copying them back. A problem with frictions adds a {@link LiquidationSlot} for the liquidation outcomes.
 */
final class ChunkSlot implements AutoCloseable {
    private final cl_context context;
    private final cl_command_queue queue;
    private final Precision precision;
    private final DeviceReads reads;
    /** Bins a step of the breach slots, and the histogram's length: every slot and slot 0 (no breach). */
    private final int binsPerStep;
    private final int bins;
    private final cl_mem firstBreach;
    private final cl_mem histogram;
    /** Direct, so the read can be non-blocking: the driver may write into it while Java runs on. */
    private final ByteBuffer histogramHost;
    private final long[] counts;
    /** Null unless the problem runs on the liquidating kernel. */
    private final LiquidationSlot liquidation;
    /** Null unless the problem is isolated ({@link ScopeSlot#covers}). */
    private final ScopeSlot scopes;
    /** The submitted chunk's sample buffers, until collected. */
    private cl_mem worst;
    private cl_mem terminal;
    /** Paths submitted and not yet collected. */
    private int pending;

    /**
     * A slot for chunks of {@code problem}: its breach slots ({@link BreachBins}), its liquidation outcomes where the
     * liquidating kernel runs, and each isolated position's outcomes where the kernel writes them.
     */
    ChunkSlot(cl_context context, cl_command_queue queue, int capacity, CompiledProblem problem, PathKernels kernels,
              Precision precision, DeviceReads reads) {
        this.context = context;
        this.queue = queue;
        this.precision = precision;
        this.reads = reads;
        this.binsPerStep = BreachBins.perStep(problem.monitoring);
        this.bins = problem.steps * binsPerStep + 1;
        firstBreach = deviceBuffer(context, (long) capacity * Sizeof.cl_int);
        histogram = deviceBuffer(context, (long) bins * Sizeof.cl_uint);
        histogramHost = ByteBuffer.allocateDirect(bins * Sizeof.cl_uint).order(ByteOrder.nativeOrder());
        counts = new long[bins];
        liquidation = kernels.liquidating()
                ? new LiquidationSlot(context, queue, capacity, kernels.sumGroups(capacity), precision, reads) : null;
        scopes = ScopeSlot.covers(problem)
                ? new ScopeSlot(context, queue, capacity, problem, kernels, precision, reads) : null;
    }

    /** Queues simulation, histogram and the histogram's read for a chunk; returns at once. */
    void submit(PathKernels kernels, CompiledProblem problem, ProblemBuffers params, long firstPath, int count) {
        worst = sampleBuffer(count);
        terminal = sampleBuffer(count);
        pending = count;
        enqueueSimulation(kernels, problem, params, firstPath, count, worst, terminal);
        CL.clEnqueueFillBuffer(queue, histogram, Pointer.to(new int[] {0}), Sizeof.cl_uint, 0,
                (long) bins * Sizeof.cl_uint, 0, null, null);
        kernels.enqueueHistogram(queue, firstBreach, count, bins, histogram);
        reads.read(queue, histogram, (long) bins * Sizeof.cl_uint, Pointer.to(histogramHost), false);
        if (scopes != null) {
            scopes.enqueueReads(count);
        }
        if (liquidation != null && problem.frictions.liquidation() != null) {
            // carrying costs alone have no liquidation outcomes to report (collect discards them)
            liquidation.enqueueSums(kernels, count);
        }
        CL.clFlush(queue);
    }

    /**
     * Waits for the submitted chunk, if any, adds its breach counts (and liquidation sums) to the run's statistics
     * and its sample buffers to the samples; returns its number of paths.
     */
    int collect(DeviceStats run) {
        if (pending == 0) {
            return 0;
        }
        CL.clFinish(queue);
        int count = pending;
        pending = 0;
        for (int s = 0; s < bins; s++) {
            counts[s] = Integer.toUnsignedLong(histogramHost.getInt(s * Sizeof.cl_uint));
        }
        run.stats().addBreaches(counts, count, scopes == null ? null : scopes.block(count));
        // The samples own the buffers from here, even if adding fails.
        cl_mem w = worst;
        cl_mem t = terminal;
        worst = null;
        terminal = null;
        run.worst().append(w, count);
        run.terminal().append(t, count);
        if (liquidation != null && run.tracksLiquidation()) {
            liquidation.collect(run, count);
        } else if (liquidation != null) {
            liquidation.discard();
        }
        return count;
    }

    /** Turns the breach slots read into {@code out.firstBreachStep} into steps and the fractions their bins end at. */
    private void toStepsAndFractions(PathBlock out, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            int slot = out.firstBreachStep[i];
            if (slot != PathBlock.NO_BREACH) {
                out.firstBreachStep[i] = BreachBins.step(slot, binsPerStep);
                out.breachFraction[i] = BreachBins.fraction(slot, binsPerStep);
            }
        }
    }

    /** Simulates a chunk and copies every per-path outcome into {@code out[offset ..]}; blocks. */
    void simulateInto(PathKernels kernels, CompiledProblem problem, ProblemBuffers params, long firstPath,
                      PathBlock out, int offset, int count) {
        long realBytes = ProblemBuffers.realBytes(precision);
        ByteBuffer worstHost = hostBuffer(count, precision);
        ByteBuffer terminalHost = hostBuffer(count, precision);
        cl_mem w = sampleBuffer(count);
        cl_mem t = sampleBuffer(count);
        try {
            enqueueSimulation(kernels, problem, params, firstPath, count, w, t);
            reads.read(queue, w, count * realBytes, Pointer.to(worstHost), false);
            reads.read(queue, t, count * realBytes, Pointer.to(terminalHost), false);
            reads.read(queue, firstBreach, (long) count * Sizeof.cl_int,
                    Pointer.to(out.firstBreachStep).withByteOffset((long) offset * Sizeof.cl_int), true);
            if (scopes != null && out.scopes != null) {
                scopes.enqueueReads(count);
            }
            CL.clFinish(queue);
            toStepsAndFractions(out, offset, count);
            if (scopes != null && out.scopes != null) {
                scopes.readInto(out.scopes, offset, count);
            }
            if (liquidation != null && out.tracksLiquidation) {
                liquidation.readInto(out, offset, count);
            }
        } finally {
            CL.clReleaseMemObject(w);
            CL.clReleaseMemObject(t);
            if (liquidation != null) {
                liquidation.discard();
            }
        }
        toDoubles(worstHost, precision, out.worstShortfall, offset, count);
        toDoubles(terminalHost, precision, out.terminalEquity, offset, count);
    }

    private void enqueueSimulation(PathKernels kernels, CompiledProblem problem, ProblemBuffers params,
                                   long firstPath, int count, cl_mem w, cl_mem t) {
        if (liquidation != null) {
            liquidation.prepare(count);
        }
        kernels.enqueueSimulation(queue, problem, params, firstPath, count, firstBreach, w, t, liquidation, scopes);
    }

    @Override
    public void close() {
        if (pending != 0) {
            CL.clFinish(queue);
        }
        for (cl_mem buffer : new cl_mem[] {worst, terminal}) {
            if (buffer != null) {
                CL.clReleaseMemObject(buffer);
            }
        }
        CL.clReleaseMemObject(firstBreach);
        CL.clReleaseMemObject(histogram);
        if (liquidation != null) {
            liquidation.close();
        }
        if (scopes != null) {
            scopes.close();
        }
    }

    private cl_mem sampleBuffer(int count) {
        return deviceBuffer(context, (long) count * ProblemBuffers.realBytes(precision));
    }

    static ByteBuffer hostBuffer(int count, Precision precision) {
        return ByteBuffer.allocateDirect(count * ProblemBuffers.realBytes(precision)).order(ByteOrder.nativeOrder());
    }

    static void toDoubles(ByteBuffer source, Precision precision, double[] target, int offset, int count) {
        if (precision == Precision.DOUBLE) {
            source.asDoubleBuffer().get(0, target, offset, count);
        } else {
            for (int i = 0; i < count; i++) {
                target[offset + i] = source.getFloat(i * Sizeof.cl_float);
            }
        }
    }

    static cl_mem deviceBuffer(cl_context context, long bytes) {
        return CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, Math.max(bytes, 1), null, null);
    }
}
