/**
 * Philox4x32-10 (Salmon et al. 2011), the counter-based generator every engine uses, and the layout of its streams
 * ({@link ShockStream}): draw k of path p at step t depends on the seed and (t, p, block, stream) only, so results do
 * not depend on threads, chunks or launch geometry.
 */
package io.marginsim.rng;
