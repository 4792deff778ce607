/**
 * PNG charts of reports and sweeps (XChart, headless, written atomically): time to breach, loss distribution with its
 * tail fit, breach probability per scenario, and a sweep's curve or heat map.
 */
package io.marginsim.result.plot;
