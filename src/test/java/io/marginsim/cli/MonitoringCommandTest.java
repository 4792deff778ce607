package io.marginsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code monitoring} as a spec key and as {@code --monitoring}: it reaches the engine, the report and the journal. */
class MonitoringCommandTest extends CommandTestSupport {
    private Path spec(String json) throws Exception {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void theReportStatesTheMonitoringAndContinuousFindsTheBreachesBetweenSteps() throws Exception {
        Path spec = spec(CommandLineTest.SPEC);
        assertThat(run("simulate", spec.toString(), "--monitoring", "discrete", "--format", "json")).isZero();
        var discrete = new ObjectMapper().readTree(stdout());
        out.reset();
        assertThat(run("simulate", spec.toString(), "--monitoring", "continuous", "--format", "json")).isZero();
        var continuous = new ObjectMapper().readTree(stdout());
        out.reset();
        assertThat(discrete.get("monitoring").asText()).isEqualTo("discrete");
        assertThat(continuous.get("monitoring").asText()).isEqualTo("continuous");
        // same seed and price draws: every discrete breach is a continuous one, plus the crossings between steps
        assertThat(continuous.get("breachProbability").asDouble())
                .isGreaterThan(discrete.get("breachProbability").asDouble());
        assertThat(run("simulate", spec.toString(), "--monitoring", "continuous", "--format", "csv")).isZero();
        assertThat(stdout()).contains("\nmonitoring,continuous\n");
    }

    @Test
    void theSpecKeyIsReadAndAnUnknownValueIsOneLineExitTwo() throws Exception {
        String continuous = SpecEdits.replace(CommandLineTest.SPEC, "\"engine\": \"scalar\"",
                "\"engine\": \"scalar\", \"monitoring\": \"continuous\"");
        assertThat(run("simulate", spec(continuous).toString(), "--format", "csv")).isZero();
        assertThat(stdout()).contains("\nmonitoring,continuous\n");
        String bad = SpecEdits.replace(continuous, "\"continuous\"", "\"hourly\"");
        assertThat(run("simulate", spec(bad).toString())).isEqualTo(2);
        assertThat(stderr().strip()).doesNotContain("\n").contains("monitoring")
                .contains("must be \"continuous\" or \"discrete\" but was \"hourly\"");
    }

    @Test
    void aSweepJournalRecordsTheMonitoringAndIsNotResumedWithAnother() throws Exception {
        spec(CommandLineTest.SPEC);
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {"base": "spec.json", "axes": [{"path": "account.cash", "values": [3000, 6000]}]}""");
        String prefix = dir.resolve("out/grid").toString();
        assertThat(run("sweep", sweep.toString(), "--paths", "500", "--monitoring", "continuous", "--out", prefix))
                .isZero();
        assertThat(Files.readString(Path.of(prefix + ".jsonl"))).contains("\"monitoring\":\"continuous\"");
        err.reset();
        assertThat(run("sweep", sweep.toString(), "--paths", "500", "--monitoring", "discrete", "--out", prefix,
                "--resume")).isEqualTo(2);
        assertThat(stderr()).contains("--monitoring continuous").contains("--monitoring discrete");
    }
}
