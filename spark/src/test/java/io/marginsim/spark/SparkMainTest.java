package io.marginsim.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A command line the Spark sweep cannot parse gets one line and exit code 2, like every margin-sim command. */
class SparkMainTest {
    @ParameterizedTest
    @ValueSource(strings = {"sweep sweep.json --spark --conf abc", "sweep sweep.json --spark --plot sweep.png",
            "sweep sweep.json --spark --cells-per-task many", "sweep --spark"})
    void badCommandLinesAreOneLine(String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = SparkMain.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        assertThat(cmd.execute(line.split(" "))).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: ").endsWith(System.lineSeparator());
        assertThat(err.toString().strip()).doesNotContain("\n").endsWith("(see margin-sim sweep --spark --help)");
        assertThat(out.toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sweep sweep.json --spark --plot sweep.png", "sweep sweep.json --plot sweep.png --spark"})
    void anOptionOfThePlainSweepIsNamed(String line) {
        StringWriter err = new StringWriter();
        CommandLine cmd = SparkMain.commandLine().setErr(new PrintWriter(err, true));
        assertThat(cmd.execute(line.split(" "))).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Unknown option").contains("'--plot'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sweep.json --spark local[2] --resume=local[2]", "sweep.json --spark=local[2]=local[2]",
            "sweep.json --spark --resume=local[*]", "sweep.json --spark=local[*]"})
    void theMasterIsTheWordAfterSparkUnlessItIsAnOption(String lineAndMaster) {
        String[] parts = lineAndMaster.split("=(?=[^=]*$)");
        SparkMain.SweepOnSpark sweep = new SparkMain.SweepOnSpark();
        new CommandLine(sweep).parseArgs(parts[0].split(" "));
        assertThat(sweep.spark.master).isEqualTo(parts[1]);
    }

    @Test
    void aFailedRunSaysOnlyItsErrorNotTheWarningsOfItsSpec(@TempDir Path dir) throws IOException {
        // a published maintenance amount that differs from the derived one is a warning when cell 0 is read; cell 1's
        // cash is out of range, which fails the run
        Files.writeString(dir.resolve("spec.json"), """
                {"assets": [{"name": "X", "price": 100, "volatility": 0.5}],
                 "account": {"cash": 20, "positions": [{"asset": "X", "size": 1000, "entryPrice": 100,
                   "rules": {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004},
                                                         {"floor": 50000, "rate": 0.005, "amount": 61.5}]}}]},
                 "horizonDays": 1, "stepsPerDay": 2, "paths": 100, "seed": 1}""");
        Files.writeString(dir.resolve("sweep.json"), """
                {"base": "spec.json", "axes": [{"path": "account.cash", "values": [20, 1e300]}]}""");
        StringWriter err = new StringWriter();
        PrintStream savedErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = SparkMain.commandLine().setErr(new PrintWriter(err, true)).execute("sweep",
                    dir.resolve("sweep.json").toString(), "--spark", "local[1]", "--out", dir.resolve("grid").toString());
        } finally {
            System.setErr(savedErr);
        }
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: ").contains("account.cash").doesNotContain("\n");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("warning:");
    }
}
