package io.marginsim.engine.opencl;

import io.marginsim.stats.RankedSample;
import org.jocl.CL;
import org.jocl.cl_mem;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link RankedSample} whose values stay where the OpenCL engine computed them: one device buffer per chunk of
 * paths, kept as the engine wrote it, and ranks answered by {@link RadixSelect} on the device. The host holds
 * only the list of buffers and, while answering, histograms of O(bins) counts.
 *
 * <p>Costs 4 bytes of device memory per path (8 in double precision) until closed; a report needs two samples,
 * so a run keeps 8 (16) bytes per path on the device. Close it (through {@link io.marginsim.stats.PathStats} or
 * {@link io.marginsim.simulation.Simulation}) as soon as its quantiles are read; a {@link Cleaner} frees the buffers
 * of a sample that is dropped unclosed, but only when the collector gets round to it.
 */
public final class DeviceSample implements RankedSample {
    private static final Cleaner CLEANER = Cleaner.create();

    private final RadixSelect select;
    private final Buffers buffers;
    private final Cleaner.Cleanable cleanable;

    DeviceSample(RadixSelect select) {
        select.retain();
        this.select = select;
        this.buffers = new Buffers(select);
        this.cleanable = CLEANER.register(this, buffers);
    }

    /** Adds a chunk's buffer of {@code count} values, whose writes have completed; the sample now owns it. */
    void append(cl_mem values, int count) {
        buffers.add(new RadixSelect.Chunk(values, count));
    }

    @Override
    public long size() {
        return buffers.size();
    }

    @Override
    public double[] valuesAtRanks(long[] ranks) {
        // Holding the lock keeps a concurrent close from freeing the buffers while kernels read them.
        synchronized (buffers) {
            List<RadixSelect.Chunk> chunks = buffers.snapshot();
            RankedSample.checkRanks(ranks, buffers.size());
            return ranks.length == 0 ? new double[0] : select.valuesAtRanks(chunks, ranks);
        }
    }

    /** Copies each chunk's buffer to the host as it is: one read per chunk of paths, no ranking. */
    @Override
    public void forEachChunk(Consumer<double[]> chunks) {
        synchronized (buffers) {
            for (RadixSelect.Chunk chunk : buffers.snapshot()) {
                chunks.accept(select.read(chunk));
            }
        }
    }

    /** Shares the other sample's buffers (each keeps its own OpenCL reference), if it lives in the same context. */
    @Override
    public void addAll(RankedSample other) {
        if (!(other instanceof DeviceSample device) || device.select != select) {
            throw new IllegalArgumentException("a device sample can only take values from a device sample of the "
                    + "same OpenCL engine, not from a " + describe(other) + "; values never move between devices "
                    + "or to the host here");
        }
        for (RadixSelect.Chunk chunk : device.buffers.snapshot()) {
            CL.clRetainMemObject(chunk.values());
            buffers.add(chunk);
        }
    }

    @Override
    public void close() {
        cleanable.clean();
    }

    private static String describe(RankedSample other) {
        return other instanceof DeviceSample ? "device sample of another OpenCL engine"
                : other.getClass().getSimpleName();
    }

    /** What a sample holds outside the heap; also the cleaning action, so it must not refer to the sample. */
    private static final class Buffers implements Runnable {
        private final RadixSelect select;
        private final List<RadixSelect.Chunk> chunks = new ArrayList<>();
        private long size;
        private boolean freed;

        Buffers(RadixSelect select) {
            this.select = select;
        }

        synchronized void add(RadixSelect.Chunk chunk) {
            if (freed) {
                CL.clReleaseMemObject(chunk.values());
                throw new IllegalStateException("device sample is closed");
            }
            chunks.add(chunk);
            size += chunk.count();
        }

        synchronized long size() {
            return size;
        }

        synchronized List<RadixSelect.Chunk> snapshot() {
            if (freed) {
                throw new IllegalStateException("device sample is closed; its values were freed");
            }
            return List.copyOf(chunks);
        }

        @Override
        public synchronized void run() {
            if (!freed) {
                freed = true;
                chunks.forEach(c -> CL.clReleaseMemObject(c.values()));
                chunks.clear();
                select.release();
            }
        }
    }
}
