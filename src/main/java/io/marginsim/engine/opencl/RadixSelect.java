package io.marginsim.engine.opencl;

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

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Exact order statistics of values that stay in device buffers, by most-significant-digit radix select
 * (kernels/select.cl): each pass histograms one 16-bit digit of the values' order-preserving keys, restricted to
 * the key prefixes that the previous passes found for the requested ranks, and the host walks the counts to fix
 * that digit for every rank. Float keys take two passes, double keys four; only histograms of
 * {@code 65536 x prefixes} counts come back, never values.
 *
 * <p>Double precision could instead stop after two passes and copy back the values whose top 32 bits match, but
 * how many do is unbounded (ties, or a dense tail near the quantile in a run of 10^9 paths), while four passes keep
 * the host side O(bins) whatever the data; the extra passes only re-read device memory.
 *
 * <p>Outlives the engine that made it: it holds its own references to the context and its own queue, and is freed
 * when the engine and every {@link DeviceSample} using it have released it. Calls are serialised, as they share
 * one kernel's arguments.
 */
final class RadixSelect {
    static final int DIGIT_BITS = 16;
    static final int DIGIT_BINS = 1 << DIGIT_BITS;
    /** Prefixes per launch: bounds the histogram buffer (256 KiB a prefix) whatever the number of ranks asked. */
    static final int MAX_PREFIXES = 16;
    /** Device counters are 32-bit; the host adds them into longs before any could overflow. */
    private static final long MAX_PENDING = 0xFFFF_FFFFL;
    private static final int GROUP = 256;
    /** Work-groups per compute unit and slice: enough to fill the device, few enough to keep flushes rare. */
    private static final int GROUPS_PER_UNIT = 4;

    /** Ranks are answered over these per-chunk buffers of {@code count} values in the engine's precision. */
    record Chunk(cl_mem values, int count) {
    }

    private final cl_context context;
    private final cl_command_queue queue;
    private final KernelProgram program;
    private final cl_kernel kernel;
    private final Precision precision;
    private final DeviceReads reads;
    private final int computeUnits;
    private final int group;
    private final int sliceBins;
    private int references = 1;

    /**
     * @param maxSliceBins most histogram bins a work-group keeps in local memory; the device's local memory may
     *                     lower it further (tests lower it to exercise slicing on devices with plenty)
     */
    RadixSelect(cl_context context, cl_device_id device, String deviceName, Precision precision, DeviceReads reads,
                int maxSliceBins) throws EngineUnavailableException {
        this.program = KernelProgram.build(context, device, deviceName,
                precision == Precision.DOUBLE ? "-DKEY_DOUBLE" : "", "select.cl");
        CL.clRetainContext(context);
        this.context = context;
        this.queue = OpenClEngine.newQueue(context, device);
        this.kernel = program.kernel("digit_histogram");
        this.precision = precision;
        this.reads = reads;
        this.computeUnits = OpenClDevices.deviceInt(device, CL.CL_DEVICE_MAX_COMPUTE_UNITS);
        this.group = PathKernels.groupSize(kernel, device, GROUP);
        // Half the local memory at most, so the group still fits next to what the runtime reserves.
        long local = OpenClDevices.deviceLong(device, CL.CL_DEVICE_LOCAL_MEM_SIZE) / 2 / Sizeof.cl_uint;
        this.sliceBins = Integer.highestOneBit((int) Math.max(1, Math.min(maxSliceBins, Math.min(local, 1 << 30))));
    }

    /** The compiler's facts of the ranking kernel on {@code device}, the one this instance was built for. */
    KernelFacts facts(cl_device_id device) {
        return KernelFacts.of("digit_histogram", kernel, device, group);
    }

    /** Another user of this instance; each calls {@link #release} once. */
    synchronized void retain() {
        if (references == 0) {
            throw new IllegalStateException("radix select was already freed");
        }
        references++;
    }

    synchronized void release() {
        if (references > 0 && --references == 0) {
            program.close();
            CL.clReleaseCommandQueue(queue);
            CL.clReleaseContext(context);
        }
    }

    cl_context context() {
        return context;
    }

    Precision precision() {
        return precision;
    }

    /** A chunk's values, copied to the host in the engine's precision and widened to double. */
    synchronized double[] read(Chunk chunk) {
        double[] out = new double[chunk.count()];
        if (precision == Precision.DOUBLE) {
            reads.read(queue, chunk.values(), (long) chunk.count() * Sizeof.cl_double, Pointer.to(out), true);
        } else {
            float[] values = new float[chunk.count()];
            reads.read(queue, chunk.values(), (long) chunk.count() * Sizeof.cl_float, Pointer.to(values), true);
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i];
            }
        }
        return out;
    }

    /** The values at the given 0-based ranks of the ascending order of all chunks' values; ranks are valid. */
    synchronized double[] valuesAtRanks(List<Chunk> chunks, long[] ranks) {
        int keyBits = precision == Precision.DOUBLE ? Long.SIZE : Integer.SIZE;
        // Key bits fixed so far for each rank, and its rank among the keys that start with them.
        long[] prefix = new long[ranks.length];
        long[] within = ranks.clone();
        for (int shift = keyBits - DIGIT_BITS; shift >= 0; shift -= DIGIT_BITS) {
            // Prefixes have at most 48 bits, so signed order is the kernel's unsigned order.
            long[] distinct = LongStream.of(prefix).distinct().sorted().toArray();
            long[] next = new long[ranks.length];
            for (int from = 0; from < distinct.length; from += MAX_PREFIXES) {
                long[] batch = Arrays.copyOfRange(distinct, from, Math.min(distinct.length, from + MAX_PREFIXES));
                long[] counts = histogram(chunks, shift, batch);
                for (int i = 0; i < ranks.length; i++) {
                    int p = Arrays.binarySearch(batch, prefix[i]);
                    if (p >= 0) {
                        int digit = digitAt(counts, p * DIGIT_BINS, i, within);
                        next[i] = prefix[i] << DIGIT_BITS | digit;
                    }
                }
            }
            prefix = next;
        }
        double[] out = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            out[i] = value(prefix[i]);
        }
        return out;
    }

    /** The digit whose bin holds rank {@code within[i]} among the bins from {@code base}; lowers it by those before. */
    private static int digitAt(long[] counts, int base, int i, long[] within) {
        for (int digit = 0; digit < DIGIT_BINS; digit++) {
            long c = counts[base + digit];
            if (within[i] < c) {
                return digit;
            }
            within[i] -= c;
        }
        throw new IllegalStateException("the device histogram holds fewer values than the sample's size");
    }

    /** Inverse of the kernel's {@code order_key}; NaN's key gives back a NaN. */
    private double value(long key) {
        if (precision == Precision.DOUBLE) {
            return Double.longBitsToDouble(key < 0 ? key ^ Long.MIN_VALUE : ~key);
        }
        int k = (int) key;
        return Float.intBitsToFloat(k < 0 ? k ^ Integer.MIN_VALUE : ~k);
    }

    /** Counts of the digit at {@code shift} over all chunks, for each prefix of the batch: 65536 per prefix. */
    private long[] histogram(List<Chunk> chunks, int shift, long[] batch) {
        int bins = batch.length * DIGIT_BINS;
        long[] total = new long[bins];
        int[] host = new int[bins];
        cl_mem prefixes = uploadPrefixes(batch);
        cl_mem counts = CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, (long) bins * Sizeof.cl_uint, null, null);
        try {
            long pending = 0;
            clear(counts, bins);
            for (Chunk chunk : chunks) {
                if (pending + chunk.count() > MAX_PENDING) {
                    addInto(counts, host, total);
                    clear(counts, bins);
                    pending = 0;
                }
                launch(chunk, shift, prefixes, batch.length, counts, bins);
                pending += chunk.count();
            }
            addInto(counts, host, total);
        } finally {
            CL.clReleaseMemObject(prefixes);
            CL.clReleaseMemObject(counts);
        }
        return total;
    }

    private void launch(Chunk chunk, int shift, cl_mem prefixes, int prefixCount, cl_mem counts, int bins) {
        // Local slices for the top digit only; see kernels/select.cl for why.
        boolean top = shift + DIGIT_BITS >= (precision == Precision.DOUBLE ? Long.SIZE : Integer.SIZE);
        int slice = top ? Math.min(sliceBins, bins) : 0;
        long slices = top ? (bins + slice - 1) / slice : 1;
        long groups = Math.min((long) computeUnits * GROUPS_PER_UNIT, Math.max(1, (chunk.count() + group - 1) / group));
        PathKernels.setMem(kernel, 0, chunk.values());
        PathKernels.setInt(kernel, 1, chunk.count(), shift);
        PathKernels.setMem(kernel, 3, prefixes);
        PathKernels.setInt(kernel, 4, prefixCount, slice);
        PathKernels.setMem(kernel, 6, counts);
        CL.clSetKernelArg(kernel, 7, (long) Math.max(1, slice) * Sizeof.cl_uint, null);
        CL.clEnqueueNDRangeKernel(queue, kernel, 2, null, new long[] {groups * group, slices},
                new long[] {group, 1}, 0, null, null);
    }

    private void clear(cl_mem counts, int bins) {
        CL.clEnqueueFillBuffer(queue, counts, Pointer.to(new int[] {0}), Sizeof.cl_uint, 0,
                (long) bins * Sizeof.cl_uint, 0, null, null);
    }

    private void addInto(cl_mem counts, int[] host, long[] total) {
        reads.read(queue, counts, (long) host.length * Sizeof.cl_uint, Pointer.to(host), true);
        for (int b = 0; b < host.length; b++) {
            total[b] += Integer.toUnsignedLong(host[b]);
        }
    }

    private cl_mem uploadPrefixes(long[] batch) {
        long flags = CL.CL_MEM_READ_ONLY | CL.CL_MEM_COPY_HOST_PTR;
        if (precision == Precision.DOUBLE) {
            return CL.clCreateBuffer(context, flags, (long) batch.length * Sizeof.cl_ulong, Pointer.to(batch), null);
        }
        int[] narrow = Arrays.stream(batch).mapToInt(p -> (int) p).toArray();
        return CL.clCreateBuffer(context, flags, (long) narrow.length * Sizeof.cl_uint, Pointer.to(narrow), null);
    }
}
