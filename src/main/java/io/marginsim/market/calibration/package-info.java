/**
 * Fitting market models to a price history ({@link PriceSeries}, {@link OhlcSeries}): GBM moments, Student-t, GARCH(1,1),
 * Merton jumps, correlation and DCC(1,1) by maximum likelihood with standard errors and AIC ({@link Calibration}).
 */
package io.marginsim.market.calibration;
