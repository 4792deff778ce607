package io.marginsim.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marginsim.check.SpecException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A JSON node that knows its path ({@code account.positions[1].size}), so every error names where it is.
 * Reading is strict: unknown keys, duplicate keys, wrong types and non-finite numbers are errors.
 */
public final class JsonNodes {
    /**
     * Trailing tokens are refused so that a second document pasted after the first (or stray text) is an error
     * rather than silently ignored.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonNode node;
    private final String path;

    private JsonNodes(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a whole document; {@code what} names it in syntax errors (a file name). */
    public static JsonNodes parse(String text, String what) {
        JsonNodes root = parseValue(text, what, "");
        if (!root.node.isObject()) {
            throw SpecException.atPath(what, "must hold a JSON object but was " + root.node.getNodeType());
        }
        return root;
    }

    /**
     * Parses a document whose root may be any JSON value and stands at {@code path} of a larger document (a part
     * of a spec kept in its own file), so errors name the path they would have inline.
     */
    public static JsonNodes parseValue(String text, String what, String path) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw SpecException.atPath(what, "must hold a JSON value but was empty");
            }
            return new JsonNodes(tree, path);
        } catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw SpecException.atPath(what, "is not valid JSON" + location + ": " + e.getOriginalMessage());
        }
    }

    /** The underlying JSON, for callers that edit or copy documents rather than read values (sweeps). */
    public JsonNode node() {
        return node;
    }

    public String path() {
        return path.isEmpty() ? "(root)" : path;
    }

    public SpecException error(String problem) {
        return SpecException.atPath(path(), problem);
    }

    /** Rejects any key not in {@code allowed}, naming it and the keys that are allowed. */
    public JsonNodes allowOnly(String... allowed) {
        Set<String> keys = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key)) {
                throw SpecException.atPath(child(key), "is not a known key; allowed here: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    public boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    /** A required child object. */
    public JsonNodes object(String key) {
        JsonNodes child = get(key);
        if (!child.node.isObject()) {
            throw child.error("must be a JSON object but was " + child.node.getNodeType());
        }
        return child;
    }

    /** A child array's elements; an absent key gives an empty list. */
    public List<JsonNodes> array(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNodes child = get(key);
        return child.elements();
    }

    /** This node's elements; it must be an array. */
    public List<JsonNodes> elements() {
        if (!node.isArray()) {
            throw error("must be a JSON array but was " + node.getNodeType());
        }
        List<JsonNodes> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonNodes(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** Keys of an object, in document order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    public double number(String key) {
        return get(key).asNumber();
    }

    public double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    public double asNumber() {
        if (!node.isNumber()) {
            throw error("must be a number but was " + describe());
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw error("must be a finite number but was " + node.asText());
        }
        return value;
    }

    /**
     * A whole number in {@code [min, max]}. Integral values written in floating-point form ({@code 2000.0},
     * {@code 2e3}) are whole numbers too; a value out of range is told by the range, not as "not whole".
     */
    public long integer(String key, long fallback, long min, long max) {
        if (!has(key)) {
            return fallback;
        }
        JsonNodes child = get(key);
        if (!child.node.isNumber()) {
            throw child.error("must be a whole number but was " + child.describe());
        }
        if (child.node.isFloatingPointNumber() && !Double.isFinite(child.node.doubleValue())) {
            // 1e999 reads as infinity, which no BigDecimal holds
            throw child.error("must be between " + min + " and " + max + " but was " + child.node.asText());
        }
        BigDecimal value = child.node.decimalValue();
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw child.error("must be between " + min + " and " + max + " but was " + child.describe());
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw child.error("must be a whole number but was " + child.describe());
        }
        return value.longValueExact();
    }

    public String text(String key) {
        return get(key).asText();
    }

    public String asText() {
        if (!node.isTextual()) {
            throw error("must be a string but was " + describe());
        }
        return node.textValue();
    }

    public String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNodes child = get(key);
        if (!child.node.isBoolean()) {
            throw child.error("must be true or false but was " + child.describe());
        }
        return child.node.booleanValue();
    }

    /**
     * Builds a value whose constructor validates with field names relative to this node, and rewrites any
     * {@link SpecException} to the full JSON path.
     */
    public <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (SpecException e) {
            throw e.under(path);
        }
    }

    public JsonNodes get(String key) {
        if (!has(key)) {
            throw SpecException.atPath(child(key), "is required but missing");
        }
        return new JsonNodes(node.get(key), child(key));
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String describe() {
        return node.isTextual() ? "\"" + node.textValue() + "\"" : node.toString();
    }
}
