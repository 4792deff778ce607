package io.marginsim.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marginsim.check.SpecException;
import io.marginsim.simulation.Engines;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Engines.Options TWO_THREADS = new Engines.Options(2, -1, Engines.Options.defaults().precision());
    private static final String BASE = """
            {"assets": [{"name": "X", "price": 100, "volatility": 0.5}],
             "account": {"cash": 30, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                         "rules": {"type": "flat", "rate": 0.005}}]},
             "horizonDays": 4, "stepsPerDay": 4, "paths": 2000, "seed": 11, "engine": "scalar"}""";
    private static final String SWEEP = String.format(Locale.ROOT, """
            {"base": %s,
             "axes": [{"path": "account.positions[0].size", "values": [1, 2, 3]},
                      {"path": "assets[0].volatility", "range": {"from": 0.4, "to": 0.8, "step": 0.2}}],
             "targets": [0.05, 0.01]}""", BASE);

    @TempDir
    Path dir;

    private static SweepPlan plan(String json) {
        return SweepPlan.parse(json, Path.of("."), "sweep.json");
    }

    private Sweep.Summary run(String prefix, boolean resume, Sweep.Listener listener) throws Exception {
        return Sweep.run(plan(SWEEP), UnaryOperator.identity(), TWO_THREADS, dir.resolve(prefix), resume, listener);
    }

    /** CSV rows in cell order: rows are appended as cells finish, so order is the one thing a resume may change. */
    private static List<String> sortedRows(Path csv) throws Exception {
        List<String> rows = Files.readAllLines(csv);
        List<String> out = new ArrayList<>(rows.subList(1, rows.size()));
        out.sort(null);
        out.addFirst(rows.getFirst());
        return out;
    }

    @Test
    void cellsAreTheCartesianProductWithDecimalRangeValues() {
        SweepPlan plan = plan(SWEEP);
        assertThat(plan.cells()).isEqualTo(9);
        assertThat(plan.values(5).toString()).isEqualTo("[2, 0.8]");
        assertThat(plan.spec(5, UnaryOperator.identity()).assets().getFirst().volatility()).isEqualTo(0.8);
        assertThat(plan.spec(5, UnaryOperator.identity()).seed()).isEqualTo(11);
    }

    @Test
    void planWrittenAsOneDocumentReadsBackAsTheSameSweep() {
        SweepPlan plan = plan(SWEEP);
        SweepPlan copy = SweepPlan.parse(plan.toJson(), Path.of("elsewhere"), "copy");
        assertThat(copy.fingerprint()).isEqualTo(plan.fingerprint());
        assertThat(copy.cells()).isEqualTo(plan.cells());
        for (long cell = 0; cell < plan.cells(); cell++) {
            assertThat(copy.spec(cell, UnaryOperator.identity())).isEqualTo(plan.spec(cell, UnaryOperator.identity()));
        }
    }

    @Test
    void resumeAfterACrashFinishesWithoutRecomputingAndMatchesAnUninterruptedRun() throws Exception {
        Sweep.Summary whole = run("whole", false, Sweep.Listener.NONE);
        assertThat(whole.computed()).isEqualTo(9);

        Sweep.Listener crashAfterFour = new Sweep.Listener() {
            int done;

            @Override
            public void cellDone(SweepRow row, double pathSteps) {
                if (++done == 4) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        assertThatThrownBy(() -> run("split", false, crashAfterFour)).hasMessage("simulated crash");
        Path journal = Sweep.journalFile(dir.resolve("split"));
        List<String> journaled = Files.readAllLines(journal);
        assertThat(journaled).hasSize(4);
        // small cells run side by side, so which four finished first is up to the scheduler
        List<Long> missing = new ArrayList<>(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
        for (String line : journaled) {
            missing.remove((Long) JSON.readTree(line).get("cell").asLong());
        }
        assertThat(missing).hasSize(5);
        // a crash in the middle of writing a line leaves a torn line; resume must drop it and rerun that cell
        Files.writeString(journal, "{\"sweep\":\"", java.nio.file.StandardOpenOption.APPEND);

        List<Long> recomputed = new ArrayList<>();
        Sweep.Summary rest = run("split", true, new Sweep.Listener() {
            @Override
            public void cellDone(SweepRow row, double pathSteps) {
                recomputed.add(row.cell());
            }
        });
        assertThat(rest.resumed()).isEqualTo(4);
        assertThat(rest.computed()).isEqualTo(5);
        assertThat(recomputed).containsExactlyInAnyOrderElementsOf(missing);
        assertThat(Files.readAllLines(journal)).hasSize(9);
        assertThat(sortedRows(rest.csv())).isEqualTo(sortedRows(whole.csv()));
        assertThat(Files.readAllLines(rest.csv())).hasSize(10);
    }

    @Test
    void commonRandomNumbersMakeBreachProbabilityMonotoneInSize() throws Exception {
        Sweep.Summary whole = run("crn", false, Sweep.Listener.NONE);
        // rows are appended in the order cells finish; cell numbers are single digits here, so text order is cell order
        List<String> lines = sortedRows(whole.csv());
        assertThat(lines.getFirst()).isEqualTo("cell,account.positions[0].size,assets[0].volatility,breachProbability,"
                + "breachProbabilityCi95.low,breachProbabilityCi95.high,buffer.0.05,buffer.0.01,"
                + "medianTimeToBreachDays");
        for (int vol = 0; vol < 3; vol++) {
            double previous = -1;
            for (int size = 0; size < 3; size++) {
                double p = Double.parseDouble(lines.get(1 + size * 3 + vol).split(",")[3]);
                assertThat(p).isGreaterThanOrEqualTo(previous);
                previous = p;
            }
        }
    }

    @Test
    void aMissingAxisPathIsRejectedBeforeAnyWork() {
        String bad = SpecEdits.replace(SWEEP, "assets[0].volatility", "assets[3].volatility");
        assertThatThrownBy(() -> plan(bad)).isInstanceOf(SpecException.class)
                .hasMessage("axes[1].path \"assets[3].volatility\" cannot be set in the base spec because assets has "
                        + "1 element, so index 3 does not exist");
    }

    @Test
    void anInvalidCellValueNamesTheAxisAndWritesNothing() throws Exception {
        String bad = SpecEdits.replace(SWEEP, "[1, 2, 3]", "[1, 0, 3]");
        Path prefix = dir.resolve("bad");
        assertThatThrownBy(() -> Sweep.run(plan(bad), UnaryOperator.identity(), TWO_THREADS, prefix, false,
                Sweep.Listener.NONE)).isInstanceOf(SpecException.class)
                .hasMessage("axes[0] (account.positions[0].size) value 0 gives an invalid spec: "
                        + "account.positions[0].size must be non-zero (negative for a short) but was 0");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anExistingJournalIsNotOverwrittenWithoutResume() throws Exception {
        run("twice", false, Sweep.Listener.NONE);
        assertThatThrownBy(() -> run("twice", false, Sweep.Listener.NONE)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("--out would overwrite the sweep journal");
    }
}
