package io.marginsim.spec;

import java.util.Locale;

/** The engine a user asks for; {@link #AUTO} picks the best one available. */
public enum EngineKind {
    AUTO,
    SCALAR,
    VECTOR,
    OPENCL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
