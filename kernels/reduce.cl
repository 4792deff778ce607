/*
 * First-breach histogram of one chunk: bin s counts the paths whose first breach is slot s (paths.cl's breach_slot:
 * the step, or under continuous monitoring the step and the bin of its crossing time; bin 0, the paths that never
 * breach, stays zero). Work-groups count into local memory and add their bins to the global
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

/*
 * The liquidation counts and sums of one chunk of frictions.cl's paths, one partial per work-group (group g writes counts[3g .. 3g + 2]:
 * liquidated paths, events, paths with bad debt; sums[2g], sums[2g + 1]: loss, bad debt), for the host to add in
 * double. The group size is a power of two.
 */
__kernel void liquidation_sums(__global const int *events, __global const real *loss,
                               __global const real *badDebt, uint count, __global ulong *countsOut,
                               __global real *sumsOut, __local ulong *counts, __local real *sums) {
    uint lid = get_local_id(0);
    ulong liquidated = 0;
    ulong eventSum = 0;
    ulong debtPaths = 0;
    real lossSum = 0;
    real debtSum = 0;
    for (uint i = get_global_id(0); i < count; i += get_global_size(0)) {
        int e = events[i];
        real d = badDebt[i];
        liquidated += e > 0 ? 1 : 0;
        eventSum += e;
        debtPaths += d > 0 ? 1 : 0;
        lossSum += loss[i];
        debtSum += d;
    }
    counts[3 * lid] = liquidated;
    counts[3 * lid + 1] = eventSum;
    counts[3 * lid + 2] = debtPaths;
    sums[2 * lid] = lossSum;
    sums[2 * lid + 1] = debtSum;
    for (uint stride = get_local_size(0) / 2; stride > 0; stride /= 2) {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < stride) {
            for (int k = 0; k < 3; k++) {
                counts[3 * lid + k] += counts[3 * (lid + stride) + k];
            }
            sums[2 * lid] += sums[2 * (lid + stride)];
            sums[2 * lid + 1] += sums[2 * (lid + stride) + 1];
        }
    }
    if (lid == 0) {
        uint g = get_group_id(0);
        for (int k = 0; k < 3; k++) {
            countsOut[3 * g + k] = counts[k];
        }
        sumsOut[2 * g] = sums[0];
        sumsOut[2 * g + 1] = sums[1];
    }
}
