package io.marginsim.spec;

import java.util.Locale;

/**
 * When margin is checked: at step ends only ({@link #DISCRETE}), or at every instant as venues do
 * ({@link #CONTINUOUS}), where each step also asks whether the margin process crossed the maintenance barrier between
 * its two endpoints (see {@code BridgeCrossing}).
 */
public enum Monitoring {
    DISCRETE,
    CONTINUOUS;

    /**
     * The spec's setting when it names none: continuous, as venues check margin, so that coarse steps give the
     * answer a venue would (step-end checks miss the breaches that reverse within a step and are biased low).
     */
    public static final Monitoring DEFAULT = CONTINUOUS;

    /** The name users write in specs, on the command line and read in reports. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
