package io.marginsim.engine;

import java.util.Locale;

/**
 * When margin is checked: at step ends only ({@link #DISCRETE}), or at every instant as venues do
 * ({@link #CONTINUOUS}), where each step also asks whether the margin process crossed the maintenance barrier between
 * its two endpoints (see {@link BridgeCrossing}).
 */
public enum Monitoring {
    DISCRETE,
    CONTINUOUS;

    /**
     * The spec's setting when it names none. Discrete until every engine implements continuous monitoring, so a spec
     * without the key runs on every engine.
     */
    public static final Monitoring DEFAULT = DISCRETE;

    /** The name users write in specs, on the command line and read in reports. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
