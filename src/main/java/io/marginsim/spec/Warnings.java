package io.marginsim.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Input that is valid but worth a second look, told as one line on standard error. Each distinct warning is told
 * once per process: a sweep reads its spec once per cell, and the user needs to hear it once. The command line
 * holds warnings back until its command succeeds, so that a failed run still says exactly one line: its error.
 */
public final class Warnings {
    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();
    /** Guarded by the class lock, like {@link #holding}. */
    private static final Set<String> HELD = new LinkedHashSet<>();
    private static int holding;

    private Warnings() {
    }

    /** Prints {@code "warning: " + message} unless the same message was printed before, or holds it back. */
    public static void warn(String message) {
        synchronized (Warnings.class) {
            if (holding > 0) {
                HELD.add(message);
                return;
            }
        }
        tell(message);
    }

    /**
     * Runs {@code command} with warnings held back: they are told when it returns exit code 0 and dropped when it
     * returns another code or throws.
     */
    public static int heldUntilSuccess(IntSupplier command) {
        synchronized (Warnings.class) {
            holding++;
        }
        boolean succeeded = false;
        try {
            int code = command.getAsInt();
            succeeded = code == 0;
            return code;
        } finally {
            List<String> held = new ArrayList<>();
            synchronized (Warnings.class) {
                if (--holding == 0) {
                    held.addAll(HELD);
                    HELD.clear();
                }
            }
            if (succeeded) {
                held.forEach(Warnings::tell);
            }
        }
    }

    private static void tell(String message) {
        if (TOLD.add(message)) {
            // looked up at each call, so that a caller that redirects standard error hears it
            System.err.println("warning: " + message);
        }
    }
}
