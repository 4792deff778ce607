package io.marginsim.rules;

import io.marginsim.spec.JsonNodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a {@link MaintenanceRule} from its JSON form, used by specs and venue presets alike. */
public final class RuleReader {
    public static final String TYPES = "flat, tiered, size-scaled, initial-fraction";

    private RuleReader() {
    }

    public static MaintenanceRule read(JsonNodes json) {
        String type = json.text("type");
        Basis basis = basis(json);
        return switch (type) {
            case "flat" -> {
                json.allowOnly("type", "basis", "rate");
                yield json.build(() -> new MaintenanceRule.Flat(json.number("rate"), basis));
            }
            case "tiered" -> {
                json.allowOnly("type", "basis", "tiers");
                List<JsonNodes> tiers = json.get("tiers").elements();
                double[] floors = new double[tiers.size()];
                double[] rates = new double[tiers.size()];
                for (int k = 0; k < floors.length; k++) {
                    JsonNodes tier = tiers.get(k).allowOnly("floor", "rate");
                    floors[k] = tier.number("floor");
                    rates[k] = tier.number("rate");
                }
                yield json.build(() -> new MaintenanceRule.Tiered(TierTable.of(floors, rates), basis));
            }
            case "size-scaled" -> {
                json.allowOnly("type", "basis", "baseRate", "ratePerUnit");
                yield json.build(() -> new MaintenanceRule.SizeScaled(json.number("baseRate"),
                        json.number("ratePerUnit"), basis));
            }
            case "initial-fraction" -> {
                json.allowOnly("type", "basis", "fraction", "maxLeverage", "tiers");
                List<MaintenanceRule.LeverageTier> tiers = new ArrayList<>();
                if (json.has("tiers") == json.has("maxLeverage")) {
                    throw json.error("must give exactly one of maxLeverage or tiers");
                }
                if (json.has("maxLeverage")) {
                    tiers.add(new MaintenanceRule.LeverageTier(0, json.number("maxLeverage")));
                }
                for (JsonNodes tier : json.array("tiers")) {
                    tier.allowOnly("floor", "maxLeverage");
                    tiers.add(new MaintenanceRule.LeverageTier(tier.number("floor"), tier.number("maxLeverage")));
                }
                yield json.build(() -> new MaintenanceRule.InitialFraction(json.number("fraction", 0.5), tiers, basis));
            }
            default -> throw json.get("type").error("must be one of " + TYPES + " but was \"" + type + "\"");
        };
    }

    private static Basis basis(JsonNodes json) {
        String basis = json.text("basis", "mark");
        return switch (basis) {
            case "mark", "entry" -> Basis.valueOf(basis.toUpperCase(Locale.ROOT));
            default -> throw json.get("basis").error("must be \"mark\" or \"entry\" but was \"" + basis + "\"");
        };
    }
}
