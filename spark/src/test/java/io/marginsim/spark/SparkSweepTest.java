package io.marginsim.spark;

import io.marginsim.analysis.RunSettings;
import io.marginsim.analysis.Sweep;
import io.marginsim.analysis.SweepPlan;
import io.marginsim.analysis.SweepRow;
import io.marginsim.simulation.Engines;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkSweepTest {
    /** Small cells on the engine auto picks, two axes, two targets: 12 cells of about a tenth of a second. */
    static final String SWEEP = """
            {"base": {"assets": [{"name": "X", "price": 100, "volatility": 0.5}],
                      "account": {"cash": 30, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                                  "rules": {"type": "flat", "rate": 0.005}}]},
                      "horizonDays": 4, "stepsPerDay": 4, "paths": 4000, "seed": 11, "engine": "auto"},
             "axes": [{"path": "account.positions[0].size", "values": [1, 2, 3, 4]},
                      {"path": "assets[0].volatility", "range": {"from": 0.4, "to": 0.8, "step": 0.2}}],
             "targets": [0.05, 0.01]}""";
    static final SweepPlan PLAN = SweepPlan.parse(SWEEP, Path.of("."), "sweep.json");
    /** 200 cells of 300 paths: small enough that per-task costs would dominate if each were a task. */
    static final SweepPlan MANY_SMALL = SweepPlan.parse(edited(edited(edited(SWEEP,
            "\"paths\": 4000", "\"paths\": 300"),
            "\"values\": [1, 2, 3, 4]", "\"range\": {\"from\": 0.5, \"to\": 5, \"step\": 0.5}"),
            "\"from\": 0.4, \"to\": 0.8, \"step\": 0.2", "\"from\": 0.2, \"to\": 1.15, \"step\": 0.05"),
            Path.of("."), "many.json");

    private static JavaSparkContext spark;

    /**
     * {@code json} with its one occurrence of {@code from} replaced; absent or repeated, the edit fails rather than
     * leave the sweep unedited (this module does not see the library's test helpers).
     */
    static String edited(String json, String from, String to) {
        int first = json.indexOf(from);
        if (first < 0 || json.indexOf(from, first + from.length()) >= 0) {
            throw new AssertionError("sweep edit expects \"" + from + "\" exactly once in " + json);
        }
        return json.replace(from, to);
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(SparkSessions.conf("local[2]", "margin-sim test", Loopback.CONF));
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    /** The single-machine sweep's CSV, the reference every distributed run must reproduce. */
    static List<String> plainSweepRows(Path prefix) throws Exception {
        return plainSweepRows(PLAN, prefix);
    }

    static List<String> plainSweepRows(SweepPlan plan, Path prefix) throws Exception {
        Engines.Options twoThreads = new Engines.Options(2, -1, Engines.Options.defaults().precision());
        return sortedRows(Sweep.run(plan, UnaryOperator.identity(), twoThreads, prefix, false, Sweep.Listener.NONE).csv());
    }

    /** Journal lines in order, without the measured speed, the one field that differs between runs. */
    static List<String> journalWithoutSpeed(Path jsonl) throws Exception {
        return Files.readAllLines(jsonl).stream().map(line -> line.replaceAll(",\"pathStepsPerSecond\":[^,}]*", ""))
                .sorted().toList();
    }

    /** Header, then rows in cell order: rows are appended as tasks finish, which is up to the scheduler. */
    static List<String> sortedRows(Path csv) throws Exception {
        List<String> rows = Files.readAllLines(csv);
        List<String> out = new ArrayList<>(rows.subList(1, rows.size()));
        out.sort((a, b) -> Long.compare(cellOf(a), cellOf(b)));
        out.addFirst(rows.getFirst());
        return out;
    }

    private static long cellOf(String row) {
        return Long.parseLong(row.substring(0, row.indexOf(',')));
    }

    private Sweep.Summary runOnSpark(String prefix, boolean resume, TaskPlan.Sizes sizes, Sweep.Listener listener,
                                     SparkTask.CellRunner runner) throws Exception {
        return SparkSweep.run(spark, PLAN, RunSettings.NONE, dir.resolve(prefix), resume, sizes, listener,
                note -> { }, runner);
    }

    private static TaskPlan.Sizes cellsPerTask(int cells) {
        return new TaskPlan.Sizes(cells, TaskPlan.DEFAULT_SPLIT_PATHS);
    }

    @Test
    void sparkWritesTheSameRowsAsTheSingleMachineSweep() throws Exception {
        List<String> plain = plainSweepRows(dir.resolve("plain"));
        for (int cellsPerTask : new int[] {0, 5}) {
            Sweep.Summary summary = runOnSpark("spark" + cellsPerTask, false, cellsPerTask(cellsPerTask),
                    Sweep.Listener.NONE, SparkTask.CellRunner.SIMULATE);
            assertThat(summary.computed()).isEqualTo(12);
            assertThat(sortedRows(summary.csv())).hasSize(13).isEqualTo(plain);
            assertThat(Files.readAllLines(summary.jsonl())).hasSize(12)
                    .allSatisfy(line -> assertThat(line).contains("\"sweep\":\"" + PLAN.fingerprint() + "\""));
        }
    }

    @Test
    void resumeAfterAFailedJobComputesOnlyTheMissingCells() throws Exception {
        long failing = 7;
        SparkTask.CellRunner failOnce = (plan, cell, spec, engine, options) -> {
            if (cell == failing) {
                throw new IllegalStateException("injected failure of cell " + cell);
            }
            return SparkTask.CellRunner.SIMULATE.run(plan, cell, spec, engine, options);
        };
        // one cell per task: local[2] allows one attempt per task, so cell 7's failure fails the job
        assertThatThrownBy(() -> runOnSpark("resumed", false, cellsPerTask(1), Sweep.Listener.NONE, failOnce))
                .hasStackTraceContaining("injected failure of cell 7");
        Path journal = Sweep.journalFile(dir.resolve("resumed"));
        List<String> journaled = Files.readAllLines(journal);
        assertThat(journaled).hasSizeLessThan(12).noneMatch(line -> line.contains("\"cell\":7,"));

        Set<Long> recomputed = ConcurrentHashMap.newKeySet();
        Sweep.Summary rest = runOnSpark("resumed", true, cellsPerTask(1), new Sweep.Listener() {
            @Override
            public void cellDone(SweepRow row, double pathSteps) {
                recomputed.add(row.cell());
            }
        }, SparkTask.CellRunner.SIMULATE);
        assertThat(rest.resumed()).isEqualTo(journaled.size());
        assertThat(rest.computed()).isEqualTo(12 - journaled.size());
        assertThat(recomputed).hasSize(12 - journaled.size()).contains(failing);
        assertThat(journaled).noneMatch(line -> recomputed.stream().anyMatch(c -> line.contains("\"cell\":" + c + ",")));
        assertThat(Files.readAllLines(journal)).hasSize(12);
        assertThat(sortedRows(rest.csv())).isEqualTo(plainSweepRows(dir.resolve("plain")));
    }

    @Test
    void cellsSplitIntoPathRangesGiveTheRowsOfWholeCells() throws Exception {
        List<String> plain = plainSweepRows(dir.resolve("plain"));
        // 4,000 paths a cell: two ranges of 2,000 and three of 1,333 or 1,334, merged from separate tasks
        for (long splitPaths : new long[] {3999, 1500}) {
            spark.setJobGroup("split" + splitPaths, "12 cells split", false);
            Sweep.Summary summary = runOnSpark("split" + splitPaths, false, new TaskPlan.Sizes(0, splitPaths),
                    Sweep.Listener.NONE, SparkTask.CellRunner.SIMULATE);
            spark.clearJobGroup();
            assertThat(tasksOfJob("split" + splitPaths)).isEqualTo(splitPaths == 3999 ? 24 : 36);
            assertThat(summary.computed()).isEqualTo(12);
            assertThat(sortedRows(summary.csv())).isEqualTo(plain);
            assertThat(journalWithoutSpeed(summary.jsonl())).hasSize(12)
                    .isEqualTo(journalWithoutSpeed(Sweep.journalFile(dir.resolve("plain"))));
        }
    }

    @Test
    void manySmallCellsRunInFewTasksWithTheSameRows() throws Exception {
        assertThat(MANY_SMALL.cells()).isEqualTo(200);
        List<String> plain = plainSweepRows(MANY_SMALL, dir.resolve("plain-many"));
        spark.setJobGroup("many-small", "200 small cells", false);
        Sweep.Summary summary = SparkSweep.run(spark, MANY_SMALL, RunSettings.NONE, dir.resolve("many"), false,
                TaskPlan.Sizes.DEFAULT, Sweep.Listener.NONE, note -> { });
        spark.clearJobGroup();
        assertThat(summary.computed()).isEqualTo(200);
        assertThat(sortedRows(summary.csv())).isEqualTo(plain);
        // 4 tasks per core of local[2]
        assertThat(tasksOfJob("many-small")).isEqualTo(8);
    }

    /** Tasks of the one job run in {@code group}, whose one stage holds them all. */
    private static int tasksOfJob(String group) {
        int[] jobs = spark.statusTracker().getJobIdsForGroup(group);
        assertThat(jobs).hasSize(1);
        int stage = spark.statusTracker().getJobInfo(jobs[0]).stageIds()[0];
        return spark.statusTracker().getStageInfo(stage).numTasks();
    }

    @Test
    void launcherJvmOptionsHoldEverySparkModuleOption() throws Exception {
        List<String> options = Files.readAllLines(Path.of("jvm-options")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(options).contains(JavaModuleOptions.defaultModuleOptionArray());
    }

    /** Spark settings that keep a test on the loopback interface and off the network. */
    static final class Loopback {
        static final Map<String, String> CONF = Map.of("spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1", "spark.ui.enabled", "false");

        private Loopback() {
        }
    }
}
