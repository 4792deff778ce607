package io.marginsim.spec;


import io.marginsim.rules.Basis;
import io.marginsim.rules.MaintenanceRule;
import io.marginsim.rules.RuleTerms;
import io.marginsim.rules.TierTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a {@link MaintenanceRule} from its JSON form, used by specs and venue presets alike. */
public final class RuleReader {
    public static final String TYPES = "flat, tiered, size-scaled, initial-fraction";

    private RuleReader() {
    }

    public static MaintenanceRule read(JsonNodes json) {
        MaintenanceRule rule = rule(json);
        // checked here, where the error can name the rule's own key; a size-scaled rate is checked again per size
        json.build(() -> rule.tiers(0).plusRate("triggerFeeRate", rule.terms().triggerFeeRate()));
        return rule;
    }

    private static MaintenanceRule rule(JsonNodes json) {
        String type = json.text("type");
        return switch (type) {
            case "flat" -> {
                json.allowOnly("type", "rate", "basis", "triggerFeeRate");
                RuleTerms terms = terms(json, false);
                yield json.build(() -> new MaintenanceRule.Flat(json.number("rate"), terms));
            }
            case "tiered" -> {
                json.allowOnly("type", "tiers", "basis", "bracketBasis", "triggerFeeRate");
                RuleTerms terms = terms(json, true);
                yield json.build(() -> new MaintenanceRule.Tiered(tiers(json), terms));
            }
            case "size-scaled" -> {
                json.allowOnly("type", "baseRate", "ratePerUnit", "basis", "triggerFeeRate");
                RuleTerms terms = terms(json, false);
                yield json.build(() -> new MaintenanceRule.SizeScaled(json.number("baseRate"),
                        json.number("ratePerUnit"), terms));
            }
            case "initial-fraction" -> {
                json.allowOnly("type", "fraction", "maxLeverage", "tiers", "basis", "bracketBasis",
                        "triggerFeeRate");
                RuleTerms terms = terms(json, true);
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
                yield json.build(() -> new MaintenanceRule.InitialFraction(json.number("fraction", 0.5), tiers, terms));
            }
            default -> throw json.get("type").error("must be one of " + TYPES + " but was \"" + type + "\"");
        };
    }

    /**
     * The brackets of a tiered rule. A given {@code amount} is the venue's published maintenance amount and is used
     * as given; one that differs from the amount continuity with the bracket below would give is told as a warning,
     * since it is either a venue's special bracket or a typo.
     */
    private static TierTable tiers(JsonNodes json) {
        List<JsonNodes> tiers = json.get("tiers").elements();
        double[] floors = new double[tiers.size()];
        double[] rates = new double[tiers.size()];
        double[] amounts = new double[tiers.size()];
        for (int k = 0; k < floors.length; k++) {
            JsonNodes tier = tiers.get(k).allowOnly("floor", "rate", "amount");
            floors[k] = tier.number("floor");
            rates[k] = tier.number("rate");
            amounts[k] = tier.has("amount") ? tier.number("amount") : Double.NaN;
        }
        TierTable table = TierTable.of(floors, rates, amounts);
        for (int k = 0; k < amounts.length; k++) {
            double derived = table.continuousDeduction(k);
            // published amounts are rounded to the cent or so; only a difference beyond float noise is worth telling
            if (!Double.isNaN(amounts[k]) && Math.abs(amounts[k] - derived) > 1e-9 * Math.max(1, Math.abs(derived))) {
                Warnings.warn(tiers.get(k).path() + ".amount " + amounts[k] + " differs from " + derived
                        + ", the amount that keeps the requirement continuous at the tier's floor; the given "
                        + amounts[k] + " is used");
            }
        }
        return table;
    }

    /** {@code basis} (default mark), {@code bracketBasis} (default the basis) and {@code triggerFeeRate} (default 0). */
    private static RuleTerms terms(JsonNodes json, boolean brackets) {
        Basis basis = basis(json, "basis", "mark");
        Basis bracketBasis = brackets ? basis(json, "bracketBasis", basis.key()) : basis;
        return json.build(() -> new RuleTerms(basis, bracketBasis, json.number("triggerFeeRate", 0)));
    }

    private static Basis basis(JsonNodes json, String key, String fallback) {
        String basis = json.text(key, fallback);
        return switch (basis) {
            case "mark", "entry" -> Basis.valueOf(basis.toUpperCase(Locale.ROOT));
            default -> throw json.get(key).error("must be \"mark\" or \"entry\" but was \"" + basis + "\"");
        };
    }
}
