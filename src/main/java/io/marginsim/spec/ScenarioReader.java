package io.marginsim.spec;

import io.marginsim.check.SpecException;
import io.marginsim.market.Stress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a spec's {@code scenarios}: an inline array of {@code {name, stress}} or the name of a JSON file holding that
 * array. Each {@code stress} is read by the same code as {@code market.stress}, and errors name the path as if the
 * array were inline ({@code scenarios[2].stress.shock[1]}), adding the file's name when it came from one.
 */
final class ScenarioReader {
    static final String KEY = "scenarios";

    private ScenarioReader() {
    }

    /**
     * @param json the value of {@code scenarios}
     * @param dir  the folder a file name is resolved in (the spec file's)
     * @param spec the baseline, whose assets the shocks must match
     */
    static List<Scenario> read(JsonNodes json, Path dir, Spec spec) {
        if (json.node().isTextual()) {
            Path file = dir.resolve(json.asText());
            String text = text(json, file);
            try {
                return list(JsonNodes.parseValue(text, KEY, KEY), spec);
            } catch (SpecException e) {
                throw e.in("scenarios file " + file);
            }
        }
        if (!json.node().isArray()) {
            throw json.error("must be an array of scenarios or the name of a JSON file holding one but was "
                    + json.node().getNodeType());
        }
        return list(json, spec);
    }

    private static String text(JsonNodes json, Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw json.error("must name an existing JSON file (relative to the spec file) but \"" + json.asText()
                    + "\" resolves to " + file.toAbsolutePath().normalize() + ", which does not exist");
        } catch (IOException e) {
            throw json.error("must name a readable JSON file but " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static List<Scenario> list(JsonNodes array, Spec spec) {
        List<JsonNodes> items = array.elements();
        if (items.isEmpty()) {
            throw array.error("must list at least one scenario but was empty");
        }
        List<Scenario> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (JsonNodes item : items) {
            if (!item.node().isObject()) {
                throw item.error("must be a JSON object {\"name\", \"stress\"} but was " + item.node().getNodeType());
            }
            item.allowOnly("name", "stress");
            String name = item.text("name");
            Stress stress = MarketReader.stress(item.object("stress"), spec.assets().size());
            // the model's own check of the shock's length, named under this scenario
            item.build(() -> spec.market().withStress(stress));
            Scenario scenario = item.build(() -> new Scenario(name, stress));
            String earlier = seen.putIfAbsent(name, item.path());
            if (earlier != null) {
                throw item.get("name").error("must be unique but \"" + name + "\" is also the name of " + earlier);
            }
            out.add(scenario);
        }
        return out;
    }
}
