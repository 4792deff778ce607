package io.marginsim.spec;

import io.marginsim.check.SpecException;
import io.marginsim.market.Stress;

import java.util.Objects;

/**
 * A named stress scenario: a set of overlays that takes the place of the spec's own {@code market.stress}.
 *
 * @param name   unique within the spec, non-empty, never {@code baseline} (the name of the spec as it is)
 * @param stress the overlays: shock per asset at t0, volatility multiplier, pull of correlation toward one
 */
public record Scenario(String name, Stress stress) {
    /** Output names the unstressed run this; a scenario of that name would be ambiguous beside it. */
    public static final String BASELINE = "baseline";

    public Scenario {
        Objects.requireNonNull(stress, "stress");
        if (name == null || name.isBlank()) {
            throw new SpecException("name", "must be a non-empty string but was \"" + (name == null ? "" : name) + "\"");
        }
        if (name.equals(BASELINE)) {
            throw new SpecException("name", "must not be \"" + BASELINE + "\" (the output's name for the spec as it is)");
        }
    }
}
