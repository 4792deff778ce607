package io.marginsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code simulate} on a spec with scenarios: the side-by-side outputs, and a spec without scenarios unchanged. */
class ScenarioCommandTest extends CommandTestSupport {
    private static final String SPEC = """
            {"assets": [{"name": "X", "price": 100, "volatility": 0.8}],
             "account": {"cash": 15, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                         "rules": {"type": "flat", "rate": 0.05}}]},
             "horizonDays": 2, "stepsPerDay": 4, "paths": 2000, "seed": 3, "engine": "scalar"%s}""";
    private static final String SCENARIOS = """
            , "scenarios": [{"name": "crash", "stress": {"shock": [-0.05], "volatilityMultiplier": 2}},
                            {"name": "rally", "stress": {"shock": [0.05]}},
                            {"name": "calm", "stress": {"volatilityMultiplier": 0.5}}]""";

    private Path spec(String extra) throws Exception {
        return Files.writeString(dir.resolve("spec.json"), String.format(Locale.ROOT, SPEC, extra));
    }

    @Test
    void jsonHasTheBaselineAndEveryScenarioByName() throws Exception {
        assertThat(run("simulate", spec(SCENARIOS).toString(), "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("baseline", "scenarios");
        assertThat(json.get("scenarios").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("crash", "rally", "calm");
        assertThat(json.get("baseline").get("seed").asLong()).isEqualTo(3);
        assertThat(json.get("scenarios").get("crash").get("breachProbability").asDouble())
                .isGreaterThan(json.get("baseline").get("breachProbability").asDouble());
    }

    @Test
    void anOutputMayNotReplaceTheScenariosFileTheSpecReads() throws Exception {
        Path scenarios = Files.writeString(dir.resolve("crashes.json"), SCENARIOS.substring(SCENARIOS.indexOf('[')));
        Path spec = spec(", \"scenarios\": \"crashes.json\"");
        String before = Files.readString(scenarios);
        assertThat(run("simulate", spec.toString(), "--out", scenarios.toString())).isEqualTo(MarginSim.BAD_INPUT);
        assertThat(stderr().strip()).isEqualTo("error: --out must not be an input of the "
                + "command but " + scenarios + " is a file the spec reads, which the output would overwrite");
        assertThat(Files.readString(scenarios)).isEqualTo(before);
    }

    @Test
    void aSpecWithoutScenariosKeepsThePlainReport() throws Exception {
        assertThat(run("simulate", spec("").toString(), "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.has("baseline")).isFalse();
        assertThat(json.get("engine").asText()).isEqualTo("scalar");
        assertThat(json.has("breachProbability")).isTrue();
    }

    @Test
    void theTableHasAColumnPerScenario() throws Exception {
        assertThat(run("simulate", spec(SCENARIOS).toString())).isZero();
        String table = stdout();
        assertThat(table).contains("baseline", "crash", "rally", "calm", "breach probability", "95% CI low",
                "median days to breach", "extra cash for 1%", "VaR 99%");
        String header = table.lines().filter(l -> l.contains("crash")).findFirst().orElseThrow();
        assertThat(header.indexOf("baseline")).isLessThan(header.indexOf("crash"));
        assertThat(header.indexOf("rally")).isLessThan(header.indexOf("calm"));
    }

    @Test
    void csvRowsAreKeysWithAColumnPerRun() throws Exception {
        assertThat(run("simulate", spec(SCENARIOS).toString(), "--format", "csv", "--scenario", "rally")).isZero();
        var lines = stdout().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("key,baseline,rally");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("breachProbability,"));
        assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(3));
    }

    @Test
    void anUnknownScenarioIsBadInputInOneLine() throws Exception {
        assertThat(run("simulate", spec(SCENARIOS).toString(), "--scenario", "meteor")).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo(
                "error: --scenario must name one of the spec's scenarios [crash, rally, calm] but was \"meteor\"");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aScenarioNameForASpecWithoutScenariosIsBadInput() throws Exception {
        assertThat(run("simulate", spec("").toString(), "--scenario", "crash")).isEqualTo(2);
        assertThat(stderr()).contains("--scenario needs a spec with scenarios");
    }

    @Test
    void thePlotIsAPng() throws Exception {
        Path png = dir.resolve("scenarios.png");
        assertThat(run("simulate", spec(SCENARIOS).toString(), "--plot", png.toString())).isZero();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    }
}
