package io.marginsim.spec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Input that is valid but worth a second look, told as one line on standard error. Each distinct warning is told
 * once per process: a sweep reads its spec once per cell, and the user needs to hear it once.
 */
public final class Warnings {
    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

    private Warnings() {
    }

    /** Prints {@code "warning: " + message} unless the same message was printed before. */
    public static void warn(String message) {
        if (TOLD.add(message)) {
            // looked up at each call, so that a caller that redirects standard error hears it
            System.err.println("warning: " + message);
        }
    }
}
