package io.marginsim.spark;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

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
        assertThat(sweep.master).isEqualTo(parts[1]);
    }
}
