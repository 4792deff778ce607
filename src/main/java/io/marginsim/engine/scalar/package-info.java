/**
 * The scalar reference engine: plain double-precision code, one path at a time, that defines the math every other
 * engine is tested against path by path.
 */
package io.marginsim.engine.scalar;
