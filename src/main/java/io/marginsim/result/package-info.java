/**
 * What a run reports, made from {@link io.marginsim.stats.PathStats}: breach probability with its interval, time to
 * breach, buffers for target probabilities, loss VaR/ES with a tail fit, terminal equity, liquidation and per-scope
 * figures ({@link Report}, built by {@link ReportBuilder}), and their table, JSON and CSV forms
 * ({@link ReportFormat}), which never print a statistic that does not exist as NaN.
 */
package io.marginsim.result;
