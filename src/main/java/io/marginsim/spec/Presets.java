package io.marginsim.spec;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;
import io.marginsim.liquidation.LiquidationDefaults;
import io.marginsim.rules.MaintenanceRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The venue presets bundled in the jar under {@code presets/}. The list of names is {@code presets/index.json},
 * so adding a venue means adding a JSON file and one line there, not code.
 */
public final class Presets {
    private static final String DIR = "presets/";
    private static volatile Map<String, VenuePreset> all;

    private Presets() {
    }

    /** Every bundled preset by name, in index order. */
    public static Map<String, VenuePreset> all() {
        Map<String, VenuePreset> loaded = all;
        if (loaded == null) {
            loaded = load();
            all = loaded;
        }
        return loaded;
    }

    /** The preset called {@code name}; {@code field} names where the name came from in the error. */
    public static VenuePreset get(String field, String name) {
        VenuePreset preset = all().get(name);
        if (preset == null) {
            throw new SpecException(field, "must name a known venue preset (" + String.join(", ", all().keySet())
                    + ") but was \"" + name + "\"");
        }
        return preset;
    }

    private static Map<String, VenuePreset> load() {
        Map<String, VenuePreset> out = new LinkedHashMap<>();
        for (JsonNodes name : JsonNodes.parse(resource("index.json"), DIR + "index.json").get("presets").elements()) {
            String preset = name.asText();
            out.put(preset, read(JsonNodes.parse(resource(preset + ".json"), DIR + preset + ".json")));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Reads one preset document. */
    public static VenuePreset read(JsonNodes json) {
        json.allowOnly("name", "title", "kind", "source", "asOf", "notes", "symbols", "collateral",
                "liquidation", "faceValues");
        String kindText = json.text("kind");
        VenuePreset.Kind kind = switch (kindText) {
            case "perp", "lending" -> VenuePreset.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            default -> throw json.get("kind").error("must be \"perp\" or \"lending\" but was \"" + kindText + "\"");
        };
        Map<String, MaintenanceRule> symbols = new LinkedHashMap<>();
        if (json.has("symbols")) {
            JsonNodes table = json.object("symbols");
            for (String symbol : table.keys()) {
                symbols.put(symbol, RuleReader.read(table.object(symbol)));
            }
        }
        Map<String, VenuePreset.LendingTerms> collateral = new LinkedHashMap<>();
        if (json.has("collateral")) {
            JsonNodes table = json.object("collateral");
            for (String asset : table.keys()) {
                JsonNodes terms = table.object(asset).allowOnly("liquidationThreshold", "liquidationBonus");
                collateral.put(asset, terms.build(() -> new VenuePreset.LendingTerms(
                        Checks.fraction("liquidationThreshold", terms.number("liquidationThreshold")),
                        Checks.nonNegative("liquidationBonus", terms.number("liquidationBonus", 0)))));
            }
        }
        return new VenuePreset(json.text("name"), json.text("title"), kind, json.text("source"), json.text("asOf"),
                symbols, collateral, json.has("liquidation")
                        ? LiquidationReader.defaults(json.object("liquidation")) : LiquidationDefaults.NONE,
                faceValues(json, symbols.keySet()));
    }

    /**
     * {@code faceValues}: the USD face value of every symbol of an inverse venue, one per symbol, none for a
     * linear venue.
     */
    private static Map<String, Double> faceValues(JsonNodes json, java.util.Set<String> symbols) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!json.has("faceValues")) {
            return out;
        }
        JsonNodes table = json.object("faceValues");
        for (String symbol : symbols) {
            if (!table.has(symbol)) {
                throw new SpecException(table.path() + "." + symbol, "is required: every symbol of an inverse venue "
                        + "needs its face value");
            }
        }
        for (String symbol : table.keys()) {
            if (!symbols.contains(symbol)) {
                throw table.get(symbol).error("names no symbol of this preset (" + String.join(", ", symbols) + ")");
            }
            out.put(symbol, table.build(() -> Checks.positive(symbol, table.number(symbol))));
        }
        return out;
    }

    private static String resource(String file) {
        try (InputStream in = Presets.class.getClassLoader().getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled preset file " + DIR + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the presets, for messages. */
    public static List<String> names() {
        return new ArrayList<>(all().keySet());
    }
}
