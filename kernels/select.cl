/*
 * Radix select on the device: histograms of one 16-bit digit of order-preserving keys of per-path values, so that
 * the host can find exact order statistics from O(bins) counts without the values ever leaving the device.
 *
 * The key of a value is its bit pattern made to sort as an unsigned integer in the order of Java's
 * Double.compare: negative values have every bit flipped (larger magnitude, smaller key), non-negative ones only
 * the sign bit; so -0.0 sorts just below 0.0. NaN of either sign maps to the largest key, where Java puts NaN.
 * Built with -DKEY_DOUBLE for double values (64-bit keys, four digits), else float values (32-bit, two digits).
 */
#ifdef KEY_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double value_t;
typedef ulong key_t;
#define KEY_BITS 64
#define AS_KEY as_ulong
#else
typedef float value_t;
typedef uint key_t;
#define KEY_BITS 32
#define AS_KEY as_uint
#endif

inline key_t order_key(value_t v) {
    key_t sign = (key_t) 1 << (KEY_BITS - 1);
    key_t bits = AS_KEY(v);
    return isnan(v) ? ~(key_t) 0 : ((bits & sign) != 0 ? ~bits : bits ^ sign);
}

#define DIGIT_BINS 65536u

/*
 * Adds to `histogram` (prefixCount x 65536 bins) the counts of digit (key >> shift) & 0xFFFF among the keys whose
 * bits above the digit equal prefixes[p] (sorted ascending); bin p * 65536 + digit. For the top digit
 * (shift + 16 == KEY_BITS) there is nothing above it, so every key counts and prefixCount is 1.
 *
 * The top digit sees every value, often crowded into few bins, so contended atomics should stay in local memory;
 * but the bins rarely fit there (65536 of them already take 256 KiB). So dimension 1 of the launch cuts them into
 * slices of `sliceBins`: each work-group counts into local memory only the bins of its slice and adds them to the
 * global histogram once, at the price of reading the values once per slice, cheap next to simulating them.
 * Lower digits see only the few values under the requested prefixes, spread over up to 16 x 65536 bins: there
 * clearing and flushing local bins would cost more than the counting, so sliceBins 0 counts in global memory.
 */
__kernel void digit_histogram(__global const value_t *values, uint count, int shift,
                              __global const key_t *prefixes, int prefixCount, uint sliceBins,
                              __global uint *histogram, __local uint *groupBins) {
    uint first = get_group_id(1) * sliceBins;
    bool sliced = sliceBins != 0;
    for (uint i = get_local_id(0); i < sliceBins; i += get_local_size(0)) {
        groupBins[i] = 0;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    bool top = shift + 16 >= KEY_BITS;
    for (uint i = get_global_id(0); i < count; i += get_global_size(0)) {
        key_t key = order_key(values[i]);
        uint p = 0;
        if (!top) {
            key_t high = key >> (shift + 16);
            int lo = 0;
            int hi = prefixCount;
            while (lo < hi) {
                int mid = (lo + hi) >> 1;
                if (prefixes[mid] < high) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo == prefixCount || prefixes[lo] != high) {
                continue;
            }
            p = (uint) lo;
        }
        uint bin = p * DIGIT_BINS + (uint) ((key >> shift) & 0xFFFF);
        if (!sliced) {
            atomic_inc(&histogram[bin]);
        } else if (bin - first < sliceBins) {
            /* Unsigned: bins below the slice wrap to large values and fail the test like those above it. */
            atomic_inc(&groupBins[bin - first]);
        }
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (uint i = get_local_id(0); i < sliceBins; i += get_local_size(0)) {
        uint c = groupBins[i];
        if (c != 0) {
            atomic_add(&histogram[first + i], c);
        }
    }
}
