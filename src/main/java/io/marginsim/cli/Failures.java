package io.marginsim.cli;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.UnsupportedModelException;
import io.marginsim.spec.SpecException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns failures into one line on standard error and the documented exit code, never a stack trace. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

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

    static int badParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("error: " + e.getMessage());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return MarginSim.BAD_INPUT;
    }
}
