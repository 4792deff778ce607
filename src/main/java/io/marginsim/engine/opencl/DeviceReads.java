package io.marginsim.engine.opencl;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_mem;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Every copy from an engine's device to the host goes through here and is counted, so that "results come back
 * as O(bins) counts, not per-path arrays" is a number a test can check rather than a promise.
 */
final class DeviceReads {
    private final AtomicLong bytes = new AtomicLong();

    /** Queues a read of the first {@code count} bytes of {@code source}; blocks only when asked to. */
    void read(cl_command_queue queue, cl_mem source, long count, Pointer target, boolean blocking) {
        CL.clEnqueueReadBuffer(queue, source, blocking ? CL.CL_TRUE : CL.CL_FALSE, 0, count, target, 0, null, null);
        bytes.addAndGet(count);
    }

    /** Bytes read back since the engine opened. */
    long bytes() {
        return bytes.get();
    }
}
