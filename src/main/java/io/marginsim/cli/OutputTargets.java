package io.marginsim.cli;

import io.marginsim.check.SpecException;
import io.marginsim.result.OutputPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the files a command will write before it runs, so that a target that cannot take the output is bad input
 * (exit 2, nothing written) rather than a failure after minutes of simulation: a directory, a path under a regular
 * file, one of the command's own input files, or a file another output option of the same run already names.
 * Public so that every command with output options, the sweep's included, checks them the same way.
 */
public final class OutputTargets {
    /** Input files by where they really are, with how a message names them. */
    private final Map<Path, String> inputs = new LinkedHashMap<>();
    /** Outputs checked so far by where they will be, with their option. */
    private final Map<Path, String> outputs = new LinkedHashMap<>();

    private OutputTargets() {
    }

    /** Targets of a command that reads {@code file}, which {@code name} describes (e.g. "the spec SPEC"). */
    public static OutputTargets reading(String name, Path file) {
        return new OutputTargets().andReading(name, file);
    }

    /** Another input file of the command, which no output may replace. */
    public OutputTargets andReading(String name, Path file) {
        inputs.put(OutputPaths.location(file), name);
        return this;
    }

    /**
     * Refuses {@code target} of {@code option} when it cannot take the output; a null target (option not given)
     * passes.
     *
     * @throws SpecException naming the option, the path and the rule it breaks
     */
    public OutputTargets check(String option, Path target) {
        if (target == null) {
            return this;
        }
        if (Files.isDirectory(target)) {
            throw new SpecException(option, "must name a file but " + target + " is a directory");
        }
        Path ancestor = OutputPaths.fileAbove(target);
        if (ancestor != null) {
            throw new SpecException(option, "must be a path under directories but " + ancestor + " in " + target
                    + " is a file, not a directory");
        }
        Path where = OutputPaths.location(target);
        String input = inputs.get(where);
        if (input != null) {
            throw new SpecException(option, "must not be an input of the command but " + target + " is " + input
                    + ", which the output would overwrite");
        }
        String other = outputs.putIfAbsent(where, option);
        if (other != null) {
            throw new SpecException(option, "must name another file than " + other + " but both are " + target
                    + ", so one output would be lost");
        }
        return this;
    }
}
