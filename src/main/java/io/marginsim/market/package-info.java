/**
 * Price dynamics: GBM, Student-t innovations, Merton and common jumps, GARCH(1,1), AR(1), Gaussian and t copulas, DCC,
 * filtered historical simulation and stress overlays; {@link ModelCompiler} turns them into the arrays engines read
 * and {@link MarketPath} is the reference path generator.
 */
package io.marginsim.market;

import io.marginsim.engine.MarketPath;
import io.marginsim.problem.ModelCompiler;
