/*
 * Test entries for the generator of kernels/philox.cl, built after it into a program of the tests alone, so that
 * the production programs carry no kernel that only the tests launch.
 */

/* Test entry: raw blocks for arbitrary counters and keys (ctr[4 i .. 4 i + 3], key[2 i .. 2 i + 1]). */
__kernel void philox_test(__global const uint *ctr, __global const uint *key, __global uint *out, uint count) {
    uint i = get_global_id(0);
    if (i < count) {
        uint4 c = vload4(i, ctr);
        vstore4(philox4x32_10(c, key[2 * i], key[2 * i + 1]), i, out);
    }
}

/* Test entry: the four normals of (step, path, block) triples, price stream, one key. */
__kernel void normals_test(__global const uint *coords, uint k0, uint k1, __global real *out, uint count) {
    uint i = get_global_id(0);
    if (i < count) {
        vstore4(normals4(coords[3 * i], coords[3 * i + 1], coords[3 * i + 2], k0, k1, 4), i, out);
    }
}
