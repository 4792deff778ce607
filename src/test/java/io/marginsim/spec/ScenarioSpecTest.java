package io.marginsim.spec;

import io.marginsim.check.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spec's {@code scenarios}: read inline or from a file, each stress checked like {@code market.stress}. */
class ScenarioSpecTest {
    @TempDir
    Path dir;

    static String spec(String scenarios) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "A", "price": 100, "volatility": 0.5}, {"name": "B", "price": 50, "volatility": 0.5}],
                 "market": {"stress": {"volatilityMultiplier": 1.2}},
                 "account": {"cash": 100, "collateral": [{"asset": "A", "amount": 1}]},
                 "horizonDays": 2, "stepsPerDay": 24, "scenarios": %s}""", scenarios);
    }

    private static ScenarioSet parse(String scenarios) {
        return SpecReader.parseScenarios(spec(scenarios), "test spec", Path.of(""), false);
    }

    @Test
    void aScenarioReplacesTheSpecsOwnStress() {
        ScenarioSet set = parse("""
                [{"name": "crash", "stress": {"shock": [-0.4, -0.5], "correlationToOne": 0.5}},
                 {"name": "calm", "stress": {}}]""");
        assertThat(set.scenarios()).extracting(Scenario::name).containsExactly("crash", "calm");
        assertThat(set.baseline().market().stress().volatilityMultiplier()).isEqualTo(1.2);
        Spec crash = set.spec(set.scenarios().get(0));
        assertThat(crash.market().stress().shock()).containsExactly(-0.4, -0.5);
        // replaced, not composed: the baseline's multiplier of 1.2 is gone
        assertThat(crash.market().stress().volatilityMultiplier()).isEqualTo(1);
        assertThat(set.spec(set.scenarios().get(1)).market().stress().isNone()).isTrue();
    }

    @Test
    void commandsThatRunOneSpecCheckTheScenariosAndRunTheBaseline() {
        Spec spec = SpecReader.parse(spec("[{\"name\": \"x\", \"stress\": {\"volatilityMultiplier\": 2}}]"), "t", false);
        assertThat(spec.market().stress().volatilityMultiplier()).isEqualTo(1.2);
        assertThatThrownBy(() -> SpecReader.parse(spec("[{\"name\": \"x\", \"stress\": {\"volatilityMultiplier\": -2}}]"),
                "t", false)).hasMessage("scenarios[0].stress.volatilityMultiplier must be a finite number >= 0 but was -2.0");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`[{\"name\": \"a\", \"stress\": {}}, {\"name\": \"a\", \"stress\": {}}]`|scenarios[1].name must be unique but \"a\" is also the name of scenarios[0]",
            "`[{\"name\": \"\", \"stress\": {}}]`|scenarios[0].name must be a non-empty string but was \"\"",
            "`[{\"name\": \"baseline\", \"stress\": {}}]`|scenarios[0].name must not be \"baseline\" (the output's name for the spec as it is)",
            "`[{\"stress\": {}}]`|scenarios[0].name is required but missing",
            "`[{\"name\": \"a\"}]`|scenarios[0].stress is required but missing",
            "`[{\"name\": \"a\", \"stress\": {}, \"weight\": 1}]`|scenarios[0].weight is not a known key; allowed here: name, stress",
            "`[{\"name\": \"a\", \"stress\": {}}, {\"name\": \"b\", \"stress\": {}}, {\"name\": \"c\", \"stress\": {\"shock\": [0, \"x\"]}}]`|scenarios[2].stress.shock[1] must be a number but was \"x\"",
            "`[{\"name\": \"a\", \"stress\": {\"shock\": [0.1]}}]`|scenarios[0].stress.shock must have one entry per asset (2) but had 1",
            "`[{\"name\": \"a\", \"stress\": {\"correlationToOne\": 1.5}}]`|scenarios[0].stress.correlationToOne must be between 0 and 1 but was 1.5",
            "`[{\"name\": \"a\", \"stress\": {\"vol\": 2}}]`|scenarios[0].stress.vol is not a known key; allowed here: shock, volatilityMultiplier, correlationToOne",
            "`[]`|scenarios must list at least one scenario but was empty",
            "`{\"name\": \"a\"}`|scenarios must be an array of scenarios or the name of a JSON file holding one but was OBJECT",
            "`[3]`|scenarios[0] must be a JSON object {\"name\", \"stress\"} but was NUMBER",
    })
    void badScenariosAreRejectedNamingThePath(String scenarios, String message) {
        assertThatThrownBy(() -> parse(scenarios)).isInstanceOf(SpecException.class).hasMessage(message);
    }

    @Test
    void aScenarioFileIsReadRelativeToTheSpecFile() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("specs"));
        Files.writeString(sub.resolve("shocks.json"), "[{\"name\": \"crash\", \"stress\": {\"shock\": [-0.4, -0.45]}}]");
        Path specFile = Files.writeString(sub.resolve("spec.json"), spec("\"shocks.json\""));
        ScenarioSet set = SpecReader.readScenarios(specFile, false);
        assertThat(set.scenarios()).singleElement().satisfies(s -> assertThat(s.stress().shock()).containsExactly(-0.4, -0.45));
    }

    @Test
    void errorsInAScenarioFileNameThePathAndTheFile() throws IOException {
        Path shocks = Files.writeString(dir.resolve("shocks.json"),
                "[{\"name\": \"a\", \"stress\": {}}, {\"name\": \"b\", \"stress\": {\"shock\": [0, 1e999]}}]");
        Path specFile = Files.writeString(dir.resolve("spec.json"), spec("\"shocks.json\""));
        assertThatThrownBy(() -> SpecReader.readScenarios(specFile, false))
                .hasMessage("scenarios[1].stress.shock[1] must be a finite number but was Infinity (in scenarios file "
                        + shocks.toAbsolutePath().getParent().resolve("shocks.json") + ")");
    }

    @Test
    void aMissingScenarioFileIsBadInput() throws IOException {
        Path specFile = Files.writeString(dir.resolve("spec.json"), spec("\"nowhere.json\""));
        assertThatThrownBy(() -> SpecReader.read(specFile, false)).isInstanceOf(SpecException.class)
                .hasMessage("scenarios must name an existing JSON file (relative to the spec file) but \"nowhere.json\" "
                        + "resolves to " + dir.toAbsolutePath().normalize().resolve("nowhere.json") + ", which does not exist");
    }

    @Test
    void selectingAnUnknownScenarioNamesTheKnownOnes() {
        ScenarioSet set = parse("[{\"name\": \"a\", \"stress\": {}}, {\"name\": \"b\", \"stress\": {}}]");
        assertThat(set.select(java.util.List.of("b"), "--scenario")).extracting(Scenario::name).containsExactly("b");
        assertThatThrownBy(() -> set.select(java.util.List.of("c"), "--scenario"))
                .hasMessage("--scenario must name one of the spec's scenarios [a, b] but was \"c\"");
    }
}
