/**
 * The validated input: an immutable {@link Spec} (assets and market, account, venue rules, liquidation terms,
 * horizon, paths, seed, {@link EngineKind}, {@link Monitoring}) and its readers: JSON files ({@link SpecReader},
 * {@link MarketReader}, {@link ScenarioReader}), venue presets ({@link Presets}, data files under
 * {@code resources/presets}, each with its source and as-of date), rules ({@link RuleReader}) and liquidation terms
 * ({@link LiquidationReader}). Every error names its JSON path, the value and the rule
 * ({@link io.marginsim.check.SpecException}).
 */
package io.marginsim.spec;
