package io.marginsim.spec;

import io.marginsim.liquidation.LiquidationDefaults;
import io.marginsim.rules.MaintenanceRule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A venue's published margin parameters, loaded from {@code presets/NAME.json}: maintenance rules per
 * perpetual symbol, or liquidation thresholds per collateral asset for a lending venue. Each preset cites its
 * source and the date its numbers were read.
 *
 * @param liquidation liquidation fee, latency, partial policy and funding defaults ({@link LiquidationDefaults#NONE}
 *                    when the file has no {@code liquidation} object)
 * @param faceValues  USD face value of each symbol when the venue's symbols are inverse (coin-margined) contracts,
 *                    whose rules state rates and amounts in coin; empty for linear contracts
 */
public record VenuePreset(String name, String title, Kind kind, String source, String asOf,
                          Map<String, MaintenanceRule> symbols, Map<String, LendingTerms> collateral,
                          LiquidationDefaults liquidation, Map<String, Double> faceValues) {

    public enum Kind {
        PERP,
        LENDING
    }

    /** How much of a collateral asset's value may back debt, and the discount a liquidator receives. */
    public record LendingTerms(double liquidationThreshold, double liquidationBonus) {
    }

    public VenuePreset {
        symbols = Collections.unmodifiableMap(new LinkedHashMap<>(symbols));
        collateral = Collections.unmodifiableMap(new LinkedHashMap<>(collateral));
        liquidation = liquidation == null ? LiquidationDefaults.NONE : liquidation;
        faceValues = Collections.unmodifiableMap(new LinkedHashMap<>(faceValues));
    }

    /** Whether the symbols are inverse contracts. */
    public boolean inverse() {
        return !faceValues.isEmpty();
    }
}
