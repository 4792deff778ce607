/**
 * The engine contract and the math every engine shares: {@link Engine} (a compiled problem in, path statistics
 * out), {@link ParallelCpuEngine} (blocks of paths on every core), and the scalar reference forms of a path's market
 * ({@link MarketPath}) and account ({@link LiquidatingAccount}: accrual, requirement, breach, the scheduled fill after
 * latency and slippage, partial liquidation; {@link ContinuousAccount}, {@link ContinuousMonitor} and
 * {@link BridgeCrossing} for the Brownian-bridge check within a step). The engines in {@code engine.scalar},
 * {@code engine.vector} and {@code engine.opencl} call or port this math and are tested against it path by path.
 */
package io.marginsim.engine;
