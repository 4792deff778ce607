/**
 * The path statistics every engine returns: {@link PathStats}, a mergeable summary of a block of paths (breach
 * counts per sixteenth of a step, loss sample, terminal equity, liquidation figures ({@link LiquidationStats}),
 * per-scope figures ({@link ScopeStats})), with exact merging so any split of the paths into blocks, threads, devices
 * or Spark tasks gives the same statistics; {@link PathStatsEncoding} carries them between processes. Built from
 * the {@link io.marginsim.problem.PathBlock} an engine fills; reports are made from them one layer up, in
 * {@code io.marginsim.result}.
 */
package io.marginsim.stats;
