/**
 * Maintenance requirements as venues publish them: flat rates, tiered brackets with their cumulative deductions
 * ({@link TierTable}), size-scaled and fraction-of-initial rules, lending health factors ({@link MaintenanceRule}),
 * coin-margined rates ({@link CoinRule}) and portfolio-margin scenario grids ({@link ScenarioGrid}). The presets that
 * name them per venue are read one layer up, in {@code io.marginsim.spec}.
 */
package io.marginsim.rules;
