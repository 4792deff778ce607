/**
 * What happens after a breach and what it costs to hold the account, as stages a venue is assembled from:
 * valuation ({@link io.marginsim.problem.Valuation}) &rarr; collateral haircuts ({@link HaircutModel}) &rarr;
 * maintenance requirement ({@link io.marginsim.rules.MaintenanceRule}) &rarr; liquidation policy (latency,
 * {@link ImpactModel}, fee, {@link PartialPolicy}), plus carrying costs ({@link Funding}, borrow interest).
 * A venue's defaults are data in its preset file ({@link LiquidationDefaults}); the spec overrides them
 * ({@link LiquidationReader}). {@link io.marginsim.engine.LiquidatingAccount} runs these mechanics for the scalar
 * reference and, per lane, for the vector engine; {@code kernels/account.cl} and {@code kernels/frictions.cl} port
 * them to the OpenCL engine, which is tested against it path by path.
 */
package io.marginsim.liquidation;

import io.marginsim.spec.LiquidationReader;
