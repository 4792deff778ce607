package io.marginsim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.check.Counts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into a spec's JSON in the notation the spec errors use ({@code account.positions[0].size}), so a user
 * can copy a path from an error message into a sweep axis.
 */
record JsonPath(String text, List<Object> segments) {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** Parses a path, or returns null when it is not of the form {@code name(.name|[i])*}. */
    static JsonPath parse(String text) {
        List<Object> segments = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return null;
            }
            segments.add(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                segments.add(Integer.parseInt(index.group(1)));
            }
        }
        return new JsonPath(text, List.copyOf(segments));
    }

    /**
     * Why this path cannot be set in {@code root}, or null when it can: every container on the way must exist,
     * array indices must be in range; the last key of an object may be absent, because optional keys (a drift,
     * a seed) are worth sweeping too and the spec reader names any misspelt key.
     */
    String whyNotSettable(JsonNode root) {
        JsonNode node = root;
        for (int i = 0; i < segments.size(); i++) {
            Object segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            String where = i == 0 ? "the root" : prefix(i);
            if (segment instanceof String key) {
                if (!node.isObject()) {
                    return where + " is not a JSON object";
                }
                if (!node.has(key) && !last) {
                    return prefix(i + 1) + " does not exist";
                }
                node = node.get(key);
            } else {
                int index = (Integer) segment;
                if (!node.isArray()) {
                    return where + " is not a JSON array";
                }
                if (index >= node.size()) {
                    return where + " has " + Counts.of(node.size(), "element") + ", so index " + index
                            + " does not exist";
                }
                node = node.get(index);
            }
        }
        return null;
    }

    /** Sets the value at this path; {@link #whyNotSettable} must have returned null for {@code root}. */
    void set(JsonNode root, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object segment = segments.get(i);
            node = segment instanceof String key ? node.get(key) : node.get((Integer) segment);
        }
        Object last = segments.getLast();
        if (last instanceof String key) {
            ((ObjectNode) node).set(key, value);
        } else {
            ((ArrayNode) node).set((Integer) last, value);
        }
    }

    /** The text of the first {@code count} segments, e.g. {@code account.positions[0]}. */
    private String prefix(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Object segment = segments.get(i);
            if (segment instanceof String key) {
                s.append(s.isEmpty() ? "" : ".").append(key);
            } else {
                s.append('[').append(segment).append(']');
            }
        }
        return s.toString();
    }
}
