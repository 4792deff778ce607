package io.marginsim.cli;

import io.marginsim.check.Counts;
import io.marginsim.rules.MaintenanceRule;
import io.marginsim.rules.RuleTerms;
import io.marginsim.spec.Presets;
import io.marginsim.spec.VenuePreset;
import picocli.CommandLine.Command;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code margin-sim presets}: the bundled venue presets with their sources. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "List the bundled venue presets, their symbols or collateral, source and as-of date.")
final class PresetsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (VenuePreset p : Presets.all().values()) {
            System.out.printf(Locale.ROOT, "%s  [%s]  %s%n", p.name(), p.kind().name().toLowerCase(Locale.ROOT), p.title());
            System.out.printf(Locale.ROOT, "    source: %s%n    as of:  %s%n", p.source(), p.asOf());
            for (Map.Entry<String, MaintenanceRule> e : p.symbols().entrySet()) {
                String contract = p.inverse() ? String.format(Locale.ROOT,
                        "inverse, %s USD a contract, rates on the coin ", p.faceValues().get(e.getKey())) : "";
                System.out.printf(Locale.ROOT, "    symbol %-22s %s%s%n", e.getKey(), contract, describe(e.getValue()));
            }
            p.collateral().forEach((asset, terms) -> System.out.printf(Locale.ROOT,
                    "    collateral %-18s liquidation threshold %.2f%%, bonus %.2f%%%n", asset,
                    100 * terms.liquidationThreshold(), 100 * terms.liquidationBonus()));
        }
        return 0;
    }

    private static String describe(MaintenanceRule rule) {
        String basis = rule.basis().key();
        RuleTerms terms = rule.terms();
        String bracket = terms.bracketBasis() == terms.basis() ? ""
                : ", bracket on " + terms.bracketBasis().key() + " value";
        String fee = terms.triggerFeeRate() == 0 ? "" : ", trigger adds a " + pct(terms.triggerFeeRate()) + " fee";
        return rates(rule, basis) + bracket + fee;
    }

    private static String rates(MaintenanceRule rule, String basis) {
        return switch (rule) {
            case MaintenanceRule.Flat f -> "flat " + pct(f.rate()) + " of " + basis + " value";
            case MaintenanceRule.Tiered t -> Counts.of(t.table().size(), "tier") + " from " + pct(t.table().rates()[0]) + " of "
                    + basis + " value";
            case MaintenanceRule.SizeScaled s -> pct(s.baseRate()) + " + " + pct(s.ratePerUnit()) + " per unit of "
                    + basis + " value";
            case MaintenanceRule.InitialFraction f -> f.fraction() + " x initial margin at max leverage "
                    + f.leverageTiers().getFirst().maxLeverage() + "x (" + Counts.of(f.leverageTiers().size(), "tier") + ")";
        };
    }

    private static String pct(double rate) {
        return String.format(Locale.ROOT, "%.4g%%", 100 * rate);
    }
}
