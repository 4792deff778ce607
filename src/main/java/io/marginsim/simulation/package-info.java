/**
 * Simulating a spec end to end: {@link Simulator} compiles it, chooses an engine ({@link Engines}: the one the spec
 * asks for, or {@code auto} with a visible fallback), runs it, and builds the report; {@link SpecBuilder} states a
 * spec in Java (notebooks, JShell) and runs it the same way.
 */
package io.marginsim.simulation;
