/*
 * Philox4x32-10 (Salmon, Moraes, Dror, Shaw, SC'11; Random123) and the Box-Muller normals of
 * io.marginsim.rng.ShockStream. The rounds are word for word those of io.marginsim.rng.Philox4x32, so a
 * path's shocks are the same on every engine.
 *
 * `real` is float unless the program is built with -DREAL_DOUBLE (devices with cl_khr_fp64).
 */
#ifdef REAL_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double real;
typedef double4 real4;
#else
typedef float real;
typedef float4 real4;
#endif

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u
#define PRICE_STREAM 0u

uint4 philox4x32_10(uint4 c, uint k0, uint k1) {
    for (int r = 0; r < 10; r++) {
        uint hi0 = mul_hi(PHILOX_M0, c.x);
        uint lo0 = PHILOX_M0 * c.x;
        uint hi1 = mul_hi(PHILOX_M1, c.z);
        uint lo1 = PHILOX_M1 * c.z;
        c = (uint4)(hi1 ^ c.y ^ k0, lo1, hi0 ^ c.w ^ k1, lo0);
        k0 += PHILOX_W0;
        k1 += PHILOX_W1;
    }
    return c;
}

/* (w + 0.5) 2^-32 lies strictly inside (0, 1), so the logarithm below is always finite. */
real uniform_open01(uint w) {
    return ((real) w + (real) 0.5) * (real) 0x1.0p-32;
}

/*
 * -log u (half the squared Box-Muller radius). In float, u near 1 keeps only 24 bits and the small value it gives
 * would lose most of its digits, so there the complement 1 - u = (~w + 0.5) 2^-32, which converts with full
 * relative precision, goes through log1p instead.
 */
real minus_log_uniform(uint w) {
#ifdef REAL_DOUBLE
    return -log(uniform_open01(w));
#else
    return (w & 0x80000000u) ? -log1p(-uniform_open01(~w)) : -log(uniform_open01(w));
#endif
}

real box_muller_radius(uint w) {
    return sqrt((real) 2.0 * minus_log_uniform(w));
}

/*
 * The angle 2 pi u in units of pi, shifted by a whole period into (-1, 1) by reading w as signed: for cospi and
 * sinpi that is the same angle, and a value near 0 rather than near 2 carries twice the absolute precision.
 */
real box_muller_half_turns(uint w) {
    return ((real) (int) w + (real) 0.5) * (real) 0x1.0p-31;
}

/*
 * The four normals of one block; `used` (a compile-time constant at every call site) lets the compiler drop
 * the transforms whose normals nobody reads, as for the last block of an asset count that is not a multiple
 * of four. The model kernels pass blocks of other streams.
 */
real4 normals4_of(uint4 w, int used) {
    real4 z = (real4)(0);
    real r = box_muller_radius(w.x);
    real a = box_muller_half_turns(w.y);
    z.x = r * cospi(a);
    if (used > 1) {
        z.y = r * sinpi(a);
    }
    if (used > 2) {
        r = box_muller_radius(w.z);
        a = box_muller_half_turns(w.w);
        z.z = r * cospi(a);
        if (used > 3) {
            z.w = r * sinpi(a);
        }
    }
    return z;
}

real4 normals4(uint step, uint path, uint block, uint k0, uint k1, int used) {
    return normals4_of(philox4x32_10((uint4)(step, path, block, PRICE_STREAM), k0, k1), used);
}
