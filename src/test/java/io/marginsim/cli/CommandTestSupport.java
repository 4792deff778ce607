package io.marginsim.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the command line in-process with standard output and error captured, in a temporary folder. */
abstract class CommandTestSupport {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    int run(String... args) {
        var cmd = MarginSim.commandLine();
        cmd.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        return cmd.execute(args);
    }

    /** What the command line wrote to standard output, decoded as it was encoded. */
    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the command line wrote to standard error, decoded as it was encoded. */
    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
