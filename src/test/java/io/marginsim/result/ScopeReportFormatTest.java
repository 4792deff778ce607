package io.marginsim.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marginsim.engine.Specs;
import io.marginsim.simulation.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code scopes} section in every report format, and in the side-by-side scenario report. */
class ScopeReportFormatTest {
    private static Report report;

    @BeforeAll
    static void simulate() throws Exception {
        report = Simulator.simulate(Specs.parse("""
                {"assets": [{"name": "A", "price": 100, "volatility": 0.9}, {"name": "B", "price": 40, "volatility": 1.1}],
                 "account": {"mode": "isolated", "cash": 50, "positions": [
                   {"asset": "A", "size": 10, "entryPrice": 100, "margin": 100, "rules": {"type": "flat", "rate": 0.02}},
                   {"asset": "B", "size": -15, "entryPrice": 40, "margin": 90, "rules": {"type": "flat", "rate": 0.05}}]},
                 "liquidation": {"feeRate": 0.005},
                 "horizonDays": 16, "stepsPerDay": 4, "paths": 2000, "seed": 9, "engine": "scalar"}"""));
    }

    @Test
    void jsonHasOneEntryPerPositionWithTheLiquidationFigures() throws Exception {
        JsonNode scopes = new ObjectMapper().readTree(ReportFormat.JSON.render(report)).get("scopes");
        assertThat(scopes.get("mode").asText()).isEqualTo("isolated");
        assertThat(scopes.has("note")).isFalse();
        assertThat(scopes.get("scopes")).hasSize(2);
        JsonNode first = scopes.get("scopes").get(0);
        ScopeReport.Scope expected = report.scopes().scopes().get(0);
        assertThat(first.get("name").asText()).isEqualTo("position 1 (A long)");
        assertThat(first.get("breachProbability").asDouble()).isEqualTo(expected.breachProbability());
        assertThat(first.get("breachProbabilityCi95")).hasSize(2);
        assertThat(first.get("timeToBreachQuantilesDays").get("0.5").asDouble())
                .isEqualTo(expected.timeToBreachQuantilesDays().get("0.5"));
        assertThat(first.get("firstBreachShare").asDouble()).isEqualTo(expected.firstBreachShare());
        assertThat(first.get("meanLiquidationLoss").asDouble()).isPositive();
        assertThat(first.has("badDebtProbability")).isTrue();
    }

    @Test
    void csvHasNumberedRowsPerPosition() {
        Map<String, String> rows = rows(ReportFormat.CSV.render(report));
        ScopeReport.Scope second = report.scopes().scopes().get(1);
        assertThat(rows).containsEntry("scopes.mode", "isolated")
                .containsEntry("scopes.2.name", "\"position 2 (B short)\"")
                .containsEntry("scopes.2.breachProbability", String.valueOf(second.breachProbability()))
                .containsEntry("scopes.2.firstBreachShare", String.valueOf(second.firstBreachShare()))
                .containsEntry("scopes.2.meanLiquidationLoss", String.valueOf(second.meanLiquidationLoss()))
                .containsKeys("scopes.1.timeToBreachQuantilesDays.0.5", "scopes.1.meanLossGivenBreach",
                        "scopes.tiedFirstShare");
    }

    @Test
    void tableHasOneLinePerPosition() {
        String table = ReportFormat.TABLE.render(report);
        assertThat(table).contains("per scope (isolated)")
                .containsPattern("position 1 \\(A long\\): breach [0-9.]+% \\(95% CI [0-9.]+% \\.\\. [0-9.]+%\\), first ")
                .contains("position 2 (B short): breach ")
                .contains("several first at the same step: ");
    }

    @Test
    void anEngineWithoutPerPositionResultsSaysSoInEveryFormat() {
        Report without = report.withScopes(ScopeReport.isolated(null, new String[0], 0.25, "opencl"));
        String note = "per-position results are not computed by the opencl engine for this problem: run with --engine vector or "
                + "scalar to get them";
        assertThat(ReportFormat.TABLE.render(without)).contains(note);
        assertThat(rows(ReportFormat.CSV.render(without))).containsEntry("scopes.note", "\"" + note + "\"");
        assertThat(ReportFormat.JSON.render(without)).contains("\"note\" : \"" + note + "\"");
    }

    @Test
    void scenariosShowEachPositionsBreachAndFirstShare() {
        Map<String, String> rows = rows(ScenarioFormat.render(ReportFormat.CSV, report, Map.of("again", report)));
        String share = String.valueOf(report.scopes().scopes().get(0).firstBreachShare());
        assertThat(rows).containsEntry("scopes.1.firstBreachShare", share + "," + share)
                .containsKey("scopes.2.breachProbability");
    }

    /** CSV {@code key,rest} rows by key. */
    private static Map<String, String> rows(String csv) {
        return Arrays.stream(csv.split("\n")).map(line -> line.split(",", 2)).filter(cells -> cells.length == 2)
                .collect(Collectors.toMap(cells -> cells[0], cells -> cells[1], (a, b) -> a));
    }
}
