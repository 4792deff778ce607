/**
 * The engine contract and what every engine shares: {@link Engine} and its selection with a visible fallback
 * ({@link Engines}), the resolved problem engines read ({@link CompiledProblem}, built by {@link ProblemCompiler}),
 * valuation of an account at given prices ({@link Valuation}), the liquidation mechanics of the reference
 * ({@link LiquidatingAccount}) and {@link Simulator}, which runs a spec and builds its report.
 */
package io.marginsim.engine;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Valuation;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulator;
