package io.marginsim.cli;

import io.marginsim.check.SpecException;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.problem.UnsupportedModelException;
import io.marginsim.spec.Warnings;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns failures into one line on standard error and the documented exit code, never a stack trace. Public so the
 * spark module's command line reports bad parameters the same way.
 */
public final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (e instanceof SpecException) {
            err.println("error: " + e.getMessage());
            return MarginSim.BAD_INPUT;
        }
        if (e instanceof UnsupportedModelException) {
            err.println("error: " + e.getMessage());
            return MarginSim.BAD_INPUT;
        }
        if (e instanceof EngineUnavailableException) {
            err.println("error: " + e.getMessage());
            return MarginSim.ENGINE_UNAVAILABLE;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        err.println("error: unexpected failure: " + e);
        return 1;
    }

    /**
     * A command line picocli cannot parse (unknown option, a value of the wrong type, a missing parameter): its
     * message, picocli's suggestions and where the options are explained, on one line instead of the usage text.
     */
    public static int badParameters(CommandLine.ParameterException e, String[] args) {
        return badParameters(e, e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
    }

    /** As {@link #badParameters(CommandLine.ParameterException, String[])}, pointing to the help of {@code help}. */
    public static int badParameters(CommandLine.ParameterException e, String help) {
        StringBuilder line = new StringBuilder("error: ").append(oneLine(e.getMessage()));
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append("; did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?");
        }
        e.getCommandLine().getErr().println(line.append(" (see ").append(help).append(")"));
        return MarginSim.BAD_INPUT;
    }

    /**
     * Runs the parsed command with warnings held until it succeeds ({@link Warnings#heldUntilSuccess}), so a failed
     * run says one line, its error. Public for the Spark module's command line.
     */
    public static int runHoldingWarnings(CommandLine.ParseResult parsed) {
        return Warnings.heldUntilSuccess(() -> new CommandLine.RunLast().execute(parsed));
    }

    private static String oneLine(String message) {
        return String.join(" ", String.valueOf(message).strip().split("\\s*\\R\\s*"));
    }
}
