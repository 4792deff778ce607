/*
 * First-breach histogram of one chunk: bin s counts the paths whose first breach is step s (bin 0, the paths
 * that never breach, stays zero). Work-groups count into local memory and add their bins to the global
 * histogram once, so global atomics scale with bins x groups rather than with paths.
 */
__kernel void breach_histogram(__global const int *firstBreach, uint count, int bins,
                               __global uint *histogram, __local uint *groupBins) {
    for (int i = get_local_id(0); i < bins; i += get_local_size(0)) {
        groupBins[i] = 0;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (uint i = get_global_id(0); i < count; i += get_global_size(0)) {
        int step = firstBreach[i];
        if (step != 0) {
            atomic_inc(&groupBins[step]);
        }
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int i = get_local_id(0); i < bins; i += get_local_size(0)) {
        uint c = groupBins[i];
        if (c != 0) {
            atomic_add(&histogram[i], c);
        }
    }
}

/* For horizons whose bins do not fit in local memory. */
__kernel void breach_histogram_global(__global const int *firstBreach, uint count, __global uint *histogram) {
    for (uint i = get_global_id(0); i < count; i += get_global_size(0)) {
        int step = firstBreach[i];
        if (step != 0) {
            atomic_inc(&histogram[step]);
        }
    }
}
