package io.marginsim.spec;

import io.marginsim.check.SpecException;
import io.marginsim.model.InverseContract;
import io.marginsim.model.MarginMode;
import io.marginsim.model.Position;
import io.marginsim.rules.MaintenanceRule;

/**
 * Reads a position's {@code contract}: {@code linear} (the default: size in units of the asset, margin in USD) or
 * {@code inverse} (size in contracts of {@code faceValue} USD, margin and the rule's amounts in the asset; see
 * {@link InverseContract}). A venue preset says which kind its symbols are and their face values, and a position that
 * names it must agree, since the same {@code size} means coins in one and dollars in the other.
 */
final class ContractReader {
    private ContractReader() {
    }

    /** Whether the position is an inverse contract; {@code preset} is the venue it names, or null for inline rules. */
    static boolean inverse(JsonNodes json, VenuePreset preset) {
        String contract = json.text("contract", "linear");
        boolean inverse = switch (contract) {
            case "linear" -> false;
            case "inverse" -> true;
            default -> throw json.get("contract").error("must be \"linear\" or \"inverse\" but was \"" + contract + "\"");
        };
        if (!inverse && json.has("faceValue")) {
            throw json.get("faceValue").error("applies to inverse contracts only but contract is \"linear\"");
        }
        if (preset != null && preset.inverse() != inverse) {
            throw new SpecException(json.path() + ".contract", "must be \"" + (inverse ? "linear" : "inverse")
                    + "\" for venue " + preset.name() + ", whose symbols are " + (inverse ? "linear" : "inverse")
                    + " contracts, but was \"" + contract + "\"");
        }
        return inverse;
    }

    /** The inverse position as the linear position the engines simulate. */
    static Position position(JsonNodes json, MarginMode mode, MaintenanceRule rule, VenuePreset preset) {
        if (json.has("funding")) {
            throw json.get("funding").error("is modelled for linear contracts only (an inverse contract's funding is "
                    + "paid in coin on its coin value)");
        }
        double face = faceValue(json, preset);
        InverseContract contract = json.build(() -> new InverseContract(json.text("asset"), json.number("size"), face,
                json.number("entryPrice"), rule, json.number("margin", 0)));
        return json.build(() -> contract.linear(mode));
    }

    /** The position's {@code faceValue}, or the preset's for its symbol (a different one given is refused). */
    private static double faceValue(JsonNodes json, VenuePreset preset) {
        if (preset == null) {
            return json.number("faceValue");
        }
        double published = preset.faceValues().get(json.text("symbol"));
        if (json.has("faceValue") && json.number("faceValue") != published) {
            throw json.get("faceValue").error("must be " + published + " USD for " + json.text("symbol") + " on venue "
                    + preset.name() + " (the contract's published face value) but was " + json.number("faceValue"));
        }
        return published;
    }
}
