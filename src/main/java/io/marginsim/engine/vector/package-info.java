/**
 * The CPU engine on the Java Vector API ({@code jdk.incubator.vector}): one path per lane, a block of lanes per task on
 * every core. Philox, normals, market models and the account are ported lane-wise ({@code Lane*}) from the scalar
 * reference, with a scalar tail where a loop does not fill the vector.
 */
package io.marginsim.engine.vector;
