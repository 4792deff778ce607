package io.marginsim.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Facts about where an output would land, for the checks every command makes before it writes ({@code simulate}'s
 * {@code --out}, a sweep's prefix): what stands in the way of a path, and where a path really is.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** The nearest existing path above {@code target} when it is a file, under which nothing can be written; else null. */
    public static Path fileAbove(Path target) {
        Path ancestor = target.toAbsolutePath().getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        return ancestor != null && !Files.isDirectory(ancestor) ? ancestor : null;
    }

    /**
     * Where a path really is: its deepest existing ancestor with links resolved, and the rest of the path below it,
     * so that two spellings of one file (relative, "..", a linked directory) compare equal.
     */
    public static Path location(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
