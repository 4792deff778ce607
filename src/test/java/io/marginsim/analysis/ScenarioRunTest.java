package io.marginsim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.check.SpecException;
import io.marginsim.result.Report;
import io.marginsim.result.ReportFormat;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.ScenarioSet;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A spec and its scenarios, run side by side with common random numbers on one engine. */
class ScenarioRunTest {
    private static final Engines.Options TWO_THREADS = new Engines.Options(2, -1, Engines.Options.defaults().precision());

    /** Long BTC, short ETH, cross: small enough to run in a blink, large enough that some paths breach. */
    private static String spec(String market, String scenarios) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "BTC", "price": 100, "volatility": 0.8}, {"name": "ETH", "price": 50, "volatility": 1.0}],
                 "correlation": [[1, 0.7], [0.7, 1]],
                 %s
                 "account": {"cash": 25, "positions": [
                    {"asset": "BTC", "size": 2, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                    {"asset": "ETH", "size": -1, "entryPrice": 50, "rules": {"type": "flat", "rate": 0.05}}]},
                 "horizonDays": 3, "stepsPerDay": 8, "paths": 3000, "seed": 7, "engine": "scalar"%s}""",
                market, scenarios.isEmpty() ? "" : ", \"scenarios\": " + scenarios);
    }

    private static final String SCENARIOS = """
            [{"name": "crash", "stress": {"shock": [-0.1, -0.12], "volatilityMultiplier": 2, "correlationToOne": 0.5}},
             {"name": "squeeze", "stress": {"shock": [0.02, 0.25]}}]""";

    private static ScenarioSet set(String market, String scenarios) {
        return SpecReader.parseScenarios(spec(market, scenarios), "test spec", Path.of(""), false);
    }

    /** A report as JSON without its timings, which differ between any two runs. */
    private static JsonNode results(Report report) throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(ReportFormat.JSON.render(report));
        json.remove(List.of("elapsedSeconds", "pathStepsPerSecond"));
        return json;
    }

    @Test
    void theBaselineIsThePlainReportAndAScenarioIsTheSpecWithItsStressWrittenIn() throws Exception {
        ScenarioRun.Result result = ScenarioRun.run(set("", SCENARIOS), TWO_THREADS);
        assertThat(result.scenarios().keySet()).containsExactly("crash", "squeeze");
        Report plain = Simulator.simulate(SpecReader.parse(spec("", ""), "plain", false), TWO_THREADS,
                paths -> { });
        assertThat(results(result.baseline())).isEqualTo(results(plain));
        Report written = Simulator.simulate(SpecReader.parse(spec("""
                "market": {"stress": {"shock": [-0.1, -0.12], "volatilityMultiplier": 2, "correlationToOne": 0.5}},""",
                ""), "written", false), TWO_THREADS, paths -> { });
        assertThat(results(result.scenarios().get("crash"))).isEqualTo(results(written));
        assertThat(result.scenarios().get("crash").breachProbability()).isGreaterThan(plain.breachProbability());
    }

    @Test
    void aScenarioReplacesTheBaselinesOwnStress() throws Exception {
        // the baseline carries a stress of its own; the scenario's report must not see it
        ScenarioRun.Result withOwn = ScenarioRun.run(set("\"market\": {\"stress\": {\"volatilityMultiplier\": 3}},",
                SCENARIOS), List.of("squeeze"), TWO_THREADS, paths -> { });
        ScenarioRun.Result without = ScenarioRun.run(set("", SCENARIOS), List.of("squeeze"), TWO_THREADS, paths -> { });
        assertThat(withOwn.scenarios().keySet()).containsExactly("squeeze");
        assertThat(results(withOwn.scenarios().get("squeeze"))).isEqualTo(results(without.scenarios().get("squeeze")));
        assertThat(withOwn.baseline().breachProbability()).isNotEqualTo(without.baseline().breachProbability());
    }

    @Test
    void aBiggerAdverseShockNeverLowersBreachProbability() throws Exception {
        // common random numbers: every scenario sees the same draws, so a deeper crash breaches on a superset of paths
        StringBuilder crashes = new StringBuilder("[");
        double[] shocks = {0, -0.02, -0.05, -0.08, -0.12, -0.2};
        for (int i = 0; i < shocks.length; i++) {
            crashes.append(i == 0 ? "" : ",").append("{\"name\": \"s").append(i).append("\", \"stress\": {\"shock\": [")
                    .append(shocks[i]).append(", 0]}}");
        }
        ScenarioRun.Result result = ScenarioRun.run(set("", crashes.append("]").toString()), TWO_THREADS);
        double previous = -1;
        for (Report r : result.scenarios().values()) {
            assertThat(r.breachProbability()).isGreaterThanOrEqualTo(previous);
            previous = r.breachProbability();
        }
        assertThat(result.scenarios().get("s5").breachProbability())
                .isGreaterThan(result.scenarios().get("s1").breachProbability());
    }

    @Test
    void anUnknownScenarioNameRunsNothing() {
        assertThatThrownBy(() -> ScenarioRun.run(set("", SCENARIOS), List.of("meteor"), TWO_THREADS, paths -> { }))
                .isInstanceOf(SpecException.class)
                .hasMessage("--scenario must name one of the spec's scenarios [crash, squeeze] but was \"meteor\"");
    }
}
