/**
 * Maintenance requirements as venues publish them: flat rates, tiered brackets with their cumulative deductions
 * ({@link TierTable}), size-scaled and fraction-of-initial rules, lending health factors ({@link MaintenanceRule}).
 * Venue presets are data files under {@code resources/presets}, each with its source and as-of date ({@link Presets}).
 */
package io.marginsim.rules;

import io.marginsim.spec.Presets;
