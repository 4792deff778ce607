package io.marginsim.analysis;

import io.marginsim.engine.Precision;
import io.marginsim.engine.opencl.CellBatch;
import io.marginsim.engine.opencl.OpenClTestEngines;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.EngineKind;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * A sweep on the OpenCL engine, whose small cells run in batches, writes the rows of its cells run one at a time.
 * Skipped only where there is no OpenCL platform; the engine is asked for by name, as {@code --engine opencl} does,
 * so a CPU device (PoCL) serves where there is no GPU.
 */
class OpenClSweepTest {
    private static final Engines.Options OPTIONS = new Engines.Options(2, -1, Precision.FLOAT);
    private static final UnaryOperator<Spec> OPENCL =
            spec -> spec.withRun(spec.paths(), spec.seed(), EngineKind.OPENCL);
    /** Sizes, volatilities, horizons (so steps) and path counts differ; the largest path count is too many to batch. */
    private static final String SWEEP = String.format(Locale.ROOT, """
            {"base": {"assets": [{"name": "X", "price": 100, "volatility": 0.5}],
                      "account": {"cash": 30, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                                  "rules": {"type": "flat", "rate": 0.005}}]},
                      "horizonDays": 4, "stepsPerDay": 4, "paths": 700, "seed": 11},
             "axes": [{"path": "account.positions[0].size", "values": [1, 2.5]},
                      {"path": "assets[0].volatility", "values": [0.3, 0.9]},
                      {"path": "horizonDays", "values": [2, 5]},
                      {"path": "paths", "values": [700, 1500, %d]}],
             "targets": [0.05, 0.01]}""", CellBatch.MAX_CELL_PATHS + 1);

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePlatform() {
        OpenClTestEngines.assumePlatform();
    }

    private static SweepPlan plan() {
        return SweepPlan.parse(SWEEP, Path.of("."), "sweep.json");
    }

    @Test
    void batchedSweepWritesTheRowsOfCellsRunOneAtATime() throws Exception {
        SweepPlan plan = plan();
        Sweep.Summary summary = Sweep.run(plan, OPENCL, OPTIONS, dir.resolve("grid"), false, Sweep.Listener.NONE);
        assertThat(summary.computed()).isEqualTo(plan.cells());
        assertThat(sortedRows(summary.csv())).containsExactlyElementsOf(cellByCell(plan));
    }

    @Test
    void smallCellsJoinBatchesAndLargeOnesRunAlone() throws Exception {
        SweepPlan plan = plan();
        Engines.Selection engine = Engines.select(EngineKind.OPENCL, OPTIONS);
        try {
            SweepBatches batches = new SweepBatches(plan, Sweep.Listener.NONE);
            List<Long> batched = new ArrayList<>();
            for (long cell = 0; cell < plan.cells(); cell++) {
                Spec spec = plan.spec(cell, OPENCL);
                List<Sweep.Finished> done = batches.add(cell, spec, engine);
                assertThat(done == null).as("cell %d of %d paths runs alone", cell, spec.paths())
                        .isEqualTo(spec.paths() > CellBatch.MAX_CELL_PATHS);
                if (done != null) {
                    batched.add(cell);
                    assertThat(done).isEmpty();
                }
            }
            List<Sweep.Finished> rows = batches.flush();
            assertThat(rows).extracting(f -> f.row().cell()).containsExactlyElementsOf(batched);
            assertThat(batched).hasSize((int) plan.cells() * 2 / 3);
        } finally {
            engine.engine().close();
        }
    }

    @Test
    void resumeAfterACrashWithinABatchMatchesAnUninterruptedRun() throws Exception {
        SweepPlan plan = plan();
        // the cells too large to batch are journaled as they finish, the batch at the end: crash within the batch
        long crashAt = plan.cells() / 3 + 3;
        Sweep.Listener crashInBatch = new Sweep.Listener() {
            int done;

            @Override
            public void cellDone(SweepRow row, double pathSteps) {
                if (++done == crashAt) {
                    throw new IllegalStateException("crash");
                }
            }
        };
        Path prefix = dir.resolve("crashed");
        assertThatThrownBy(() -> Sweep.run(plan, OPENCL, OPTIONS, prefix, false, crashInBatch))
                .hasMessage("crash");
        Sweep.Summary resumed = Sweep.run(plan, OPENCL, OPTIONS, prefix, true, Sweep.Listener.NONE);
        assertThat(resumed.resumed()).isEqualTo(crashAt);
        assertThat(resumed.computed()).isEqualTo(plan.cells() - crashAt);
        assertThat(sortedRows(resumed.csv())).containsExactlyElementsOf(cellByCell(plan));
    }

    private static List<String> expected;

    /** Header, then every cell's row from its own run on the OpenCL engine, in cell order; computed once. */
    private static synchronized List<String> cellByCell(SweepPlan plan) throws Exception {
        if (expected != null) {
            return expected;
        }
        List<String> rows = new ArrayList<>();
        rows.add(SweepRow.csvHeader(plan).strip());
        Engines.Selection engine = Engines.select(EngineKind.OPENCL, OPTIONS);
        try {
            for (long cell = 0; cell < plan.cells(); cell++) {
                try (Simulation run = Simulator.run(plan.spec(cell, OPENCL), engine, OPTIONS, p -> { })) {
                    rows.add(SweepRow.of(cell, plan.values(cell), run, plan.targets()).csvLine().strip());
                }
            }
        } finally {
            engine.engine().close();
        }
        expected = rows;
        return rows;
    }

    /** The header, then the rows in cell order (rows are written as cells finish). */
    private static List<String> sortedRows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        rows.sort((a, b) -> Long.compare(cellOf(a), cellOf(b)));
        rows.addFirst(lines.getFirst());
        return rows;
    }

    private static long cellOf(String row) {
        return Long.parseLong(row.substring(0, row.indexOf(',')));
    }
}
