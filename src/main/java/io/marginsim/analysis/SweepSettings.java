package io.marginsim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.Spec;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The run settings of a sweep that can change its rows, as they are in effect (given on the command line or taken
 * from the base spec), recorded on every journal line so that {@code --resume} never appends rows computed another
 * way. Recorded: the path count, the seed, the engine and the monitoring, unless an axis sets them (then they are part of the plan),
 * and the device precision and device index (another device may round transcendental functions differently). Not
 * recorded: the thread count, because results do not depend on it (the determinism contract every engine keeps).
 */
public record SweepSettings(ObjectNode json) {
    /** Spec keys an override may set, each named on the command line as {@code --key}. */
    private static final String[] SPEC_KEYS = {"paths", "seed", "engine", "monitoring"};

    public static SweepSettings of(SweepPlan plan, UnaryOperator<Spec> overrides, Engines.Options options) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        // no axis sets these keys, so every cell has cell 0's value
        Spec first = plan.spec(0, overrides);
        for (String key : SPEC_KEYS) {
            if (plan.axisSetting(key) == null) {
                switch (key) {
                    case "paths" -> json.put(key, first.paths());
                    case "seed" -> json.put(key, first.seed());
                    case "monitoring" -> json.put(key, first.monitoring().key());
                    default -> json.put(key, first.engine().name().toLowerCase(Locale.ROOT));
                }
            }
        }
        json.put("precision", options.precision().name().toLowerCase(Locale.ROOT));
        if (options.device() >= 0) {
            json.put("device", options.device());
        }
        return new SweepSettings(json);
    }

    /**
     * Why a journal line written with {@code recorded} settings may not be continued with these, or null when it may;
     * the reason names the first setting that differs, as its command-line option.
     */
    String mismatch(JsonNode recorded) {
        if (recorded == null || !recorded.isObject()) {
            return "has no record of the settings it was computed with (--paths, --seed, --engine, --monitoring, "
                    + "--precision, --device), so rows computed now could not be told apart from its rows; "
                    + "choose another --out";
        }
        for (Map.Entry<String, JsonNode> entry : union(recorded).properties()) {
            String key = entry.getKey();
            JsonNode then = recorded.get(key);
            JsonNode now = json.get(key);
            // as text: a number read back from the journal may be another node type (int, long) than the one written
            if (!String.valueOf(then).equals(String.valueOf(now))) {
                return "was written with " + option(key, then) + " but this run has " + option(key, now)
                        + "; a resumed sweep must keep every setting that changes its results, so resume with "
                        + option(key, then) + " or choose another --out";
            }
        }
        return null;
    }

    private ObjectNode union(JsonNode recorded) {
        ObjectNode keys = json.deepCopy();
        recorded.properties().forEach(e -> keys.set(e.getKey(), e.getValue()));
        return keys;
    }

    private static String option(String key, JsonNode value) {
        return value == null ? "no --" + key : "--" + key + " " + (value.isTextual() ? value.textValue() : value);
    }
}
