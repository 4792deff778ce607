/**
 * Price dynamics: GBM, Student-t innovations, Merton and common jumps, GARCH(1,1), AR(1), Gaussian and t copulas, DCC,
 * filtered historical simulation and stress overlays ({@link MarketSpec}). {@code io.marginsim.problem.ModelCompiler}
 * turns them into the arrays engines read, and {@code io.marginsim.engine.MarketPath} is the reference path generator.
 */
package io.marginsim.market;
