/**
 * The resolved problem: what every engine reads and writes. {@link CompiledProblem} is a validated spec flattened
 * into arrays (compiled by {@link ProblemCompiler}, {@link ModelCompiler} and {@link FrictionCompiler}, with the
 * account-side mechanics in {@link Frictions}); {@link Valuation} values an account at given prices;
 * {@link PathBlock} and {@link ScopeBlock} are the per-path outcomes an engine fills for a block of paths, with first
 * breaches binned per sixteenth of a step ({@link BreachBins}). {@link Workloads} are the standard benchmark problems.
 *
 * <h2>The math of a compiled problem</h2>
 * The scalar reference engine ({@code io.marginsim.engine.scalar}) is its executable form.
 * For asset {@code a} at step {@code t = 1..steps}, with {@code z} the standard normals of
 * {@link io.marginsim.rng.ShockStream} stream {@code PRICE} at counter step {@code t - 1}, when
 * {@link CompiledProblem#gbmOnly()}:
 * <pre>
 *   logPrice[a] += logDrift[a] + sum_{b &lt;= a} shockLoading[a * assets + b] * z[b]
 * </pre>
 * starting from {@code initialLogPrice[a]} (which already holds the stress shock: {@code log(price) + shock}).
 *
 * <p><b>Market models</b> ({@code gbmOnly() == false}). Counter step {@code s = t - 1}, path {@code p}, key = seed.
 * Per path the state is {@code h[a] = initialVariance[a]} (GARCH assets) and {@code x[a]} (the previous diffusion
 * return). Each step:
 * <pre>
 *   eps[a] = sum_{b &lt;= a} correlationFactor[a * assets + b] * z[b]                 (unit-variance, correlated)
 *   C      = copulaDegreesOfFreedom &gt; 0 ? sqrt((nuC - 2) / W_C) : 1               W_C: stream COPULA_MIXING
 *   M[a]   = degreesOfFreedom[a] &gt; 0 ? sqrt((nu_a - 2) / W_a) : 1                W_a: stream ASSET_MIXING + a
 *   u[a]   = eps[a] * C * M[a]                                                     (unit variance)
 *   sd[a]  = garch[a] ? sqrt(h[a]) : stepVolatility[a]
 *   e[a]   = volatilityMultiplier * sd[a] * u[a]
 *   x[a]   = t == 1 ? e[a] : ar1[a] * x[a] + sqrt(1 - ar1[a]^2) * e[a]
 *   J[a]   = jumpMean[a] &gt; 0 ? jump(JUMPS, block a; jumpMean, jumpCap, jumpLogMean, jumpLogStdev)[a] : 0
 *   Jc     = commonJumpMean &gt; 0 ? jump(COMMON_JUMP, block 0; commonJump*) : 0
 *   d[a]   = garch[a] ? logDrift[a] - volatilityMultiplier^2 * h[a] / 2 : logDrift[a]
 *   logPrice[a] += d[a] + x[a] + J[a] + commonJumpBeta[a] * Jc
 *   h[a]   = garchOmega[a] + (garchAlpha[a] * u[a]^2 + garchBeta[a]) * h[a]         (after use, GARCH assets)
 * </pre>
 * <b>DCC correlation</b> ({@link CompiledProblem#dcc}; Engle 2002, {@link io.marginsim.market.DynamicCorrelation}):
 * the constant {@code correlationFactor} above becomes a per-path {@code L_t}. With {@code Cbar = dccTarget} (the
 * stressed correlation, full, row-major), {@code a = dccA}, {@code b = dccB}:
 * <pre>
 *   t == 1:  Q_1 = Cbar,  L_1 = correlationFactor                                  (no refactorisation)
 *   t &gt;= 2:  Q_t = (1 - a - b) * Cbar + a * u_{t-1} u_{t-1}^T + b * Q_{t-1}          (u of the previous step, above)
 *            R_t[i][j] = Q_t[i][j] / sqrt(Q_t[i][i] * Q_t[j][j]),  L_t = cholesky(R_t)
 *   eps[a] = sum_{b &lt;= a} L_t[a * assets + b] * z[b]
 * </pre>
 * {@code cholesky} is the lower factor column by column ({@code j = 0..assets-1}: pivot
 * {@code R[j][j] - sum_{k<j} L[j][k]^2}; a pivot {@code <= 1e-12} zeroes column {@code j}, otherwise
 * {@code L[j][j] = sqrt(pivot)}, {@code L[i][j] = (R[i][j] - sum_{k<j} L[i][k] L[j][k]) / L[j][j]}). The state is
 * updated with {@code u} after the step's returns; {@code a = b = 0} is the constant correlation.
 * <b>Filtered historical simulation</b> ({@link CompiledProblem#historyRows} {@code > 0}; Barone-Adesi, Giannopoulos
 * and Vosper 1999): no normals are drawn; one row per (step, path), {@code k = min(floor(uniform(w0) * historyRows),
 * historyRows - 1)} with {@code w0} word 0 of block 0 of stream {@code BOOTSTRAP}, and
 * {@code u[a] = historyResiduals[k * assets + a]} (so {@code C = M[a] = 1}); every asset is a GARCH asset then, and the
 * rest of the step is as above. The rows are standardised residuals (column mean 0, variance 1); a device engine
 * uploads {@code historyResiduals} once ({@link CompiledProblem#historyResidualsAsFloat} for float engines).
 * {@code W ~ chi-square(nu)} is {@link io.marginsim.market.ChiSquare} (fixed draws; exact for integer nu).
 * {@code jump(...)}: Philox block words {@code w0..w3}; count {@code N} = Poisson inversion of
 * {@code uniform(w0)} with mean {@code jumpMean} capped at {@code jumpCap} iterations
 * ({@link io.marginsim.market.MertonJumps#count}); jump {@code = N * logMean + sqrt(N) * logStdev * g} with
 * {@code g = sqrt(-2 log uniform(w2)) cos(2 pi uniform(w3))}. {@code logDrift} already subtracts each jump
 * process's capped compensator, so {@code E[S_t]} is that of GBM for normal innovations.
 * <b>Cross mode</b> (one pool):
 * <pre>
 *   equity      = cash + sum_a valueUnits[a] * P[a] + sum_i size[i] * (P[asset[i]] - entry[i])
 *   requirement = sum_a requirementUnits[a] * P[a] + sum_i tiered_i(notional_i)
 *   shortfall   = requirement - equity
 * </pre>
 * <b>Isolated mode</b>: position {@code i} has equity {@code margin[i] + size[i] * (P - entry[i])} against its
 * own {@code tiered_i(notional_i)}, and the path's shortfall is the largest over positions.
 * {@code notional_i = |size[i]| * (markBasis[i] ? P : entry[i])} and
 * {@code tiered_i(n) = n * rate[k] - deduction[k]} for the last tier {@code k} of position {@code i} whose floor
 * is at most {@code n}.
 * <b>Portfolio margin</b> ({@code scenarios > 0}, cross mode): the requirement also adds
 * {@link CompiledProblem#portfolioRequirement}, {@code max(portfolioMinimum, max_s sum_a scenarioUnits[s * assets +
 * a] * P[a])}, and the positions it covers have a zero rate. The grid is compiled for the starting sizes, so it holds
 * while they stay: the shadow account always, and the live one until a full liquidation closes it (partial
 * liquidation is refused with portfolio margin).
 *
 * <p><b>Account-side mechanics</b> ({@link CompiledProblem#frictions}): carrying costs each step and what a breach
 * triggers (latency, slippage, fee, partial liquidation, bad debt). With {@link Frictions#NONE} a breach closes the
 * account (or, isolated, the position) at the breach step's price at no cost; otherwise see {@link Frictions}.
 *
 * <p><b>Continuous monitoring</b> ({@link CompiledProblem#monitoring}): each step also samples the least margin
 * excess between its endpoints from the Brownian bridge through them, with uniforms of stream {@code MONITORING}; see
 * {@code io.marginsim.engine.BridgeCrossing} and {@code io.marginsim.engine.ContinuousMonitor}. A breach then closes
 * at the barrier, not at the step's end.
 */
package io.marginsim.problem;
