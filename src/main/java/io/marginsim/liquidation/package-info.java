/**
 * What happens after a breach and what it costs to hold the account, as stages a venue is assembled from: collateral
 * haircuts ({@link HaircutModel}) &rarr; liquidation policy (latency, {@link ImpactModel}, fee, {@link PartialPolicy})
 * &rarr; carrying costs ({@link Funding}, {@link PremiumLink}, borrow interest), with each venue's defaults
 * ({@link LiquidationDefaults}) and the resolved terms of one account ({@link LiquidationTerms}). The spec reads them
 * ({@code io.marginsim.spec.LiquidationReader}); the problem compiles them ({@code io.marginsim.problem.Frictions});
 * the reference account runs them ({@code io.marginsim.engine.LiquidatingAccount}), and the vector and OpenCL engines
 * are tested against it path by path.
 */
package io.marginsim.liquidation;
