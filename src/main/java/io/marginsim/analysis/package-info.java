/**
 * Questions answered with many runs or with closed forms: buffer solving ({@link BufferSolver}), exact liquidation
 * prices ({@link LiquidationPrices}), stress scenarios ({@link ScenarioRun}), sweeps over grids of spec values with
 * their journal, lock and resume ({@link Sweep}), and backtests of predicted breach probabilities on real history
 * ({@link Backtest}).
 */
package io.marginsim.analysis;
