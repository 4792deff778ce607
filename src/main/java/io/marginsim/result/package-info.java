/**
 * What a run reports: mergeable path statistics ({@link PathStats}), breach probability with its interval, time to
 * breach, buffers for target probabilities, loss VaR/ES with a tail fit, terminal equity ({@link Report}), and their
 * table, JSON and CSV forms ({@link ReportFormat}), which never print a statistic that does not exist as NaN.
 */
package io.marginsim.result;

import io.marginsim.stats.PathStats;
