package io.marginsim.analysis;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One dimension of a sweep: the JSON path it sets in the base spec and the values it takes, as JSON so that
 * strings (a venue, a mode) sweep as well as numbers.
 *
 * @param index position in the sweep's {@code axes}, for error messages
 */
public record SweepAxis(int index, String path, List<JsonNode> values) {
    public SweepAxis {
        values = List.copyOf(values);
    }
}
