package io.marginsim.spark;

import io.marginsim.analysis.RunSettings;
import io.marginsim.analysis.Sweep;
import io.marginsim.analysis.SweepJournal;
import io.marginsim.analysis.SweepPlan;
import io.marginsim.analysis.SweepSettings;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a sweep's cells as Spark tasks and journals them on the driver exactly as {@link Sweep} does: same files,
 * same rows, same resume. {@link TaskPlan} batches small cells and splits big ones into path ranges; the driver
 * appends a task's whole cells as soon as the task succeeds and a split cell once its last range has arrived and
 * been merged (Spark calls the result handler per finished task, on one thread), so when a job fails every finished
 * cell is in the journal and {@code --resume} computes only the rest.
 */
public final class SparkSweep {
    private SparkSweep() {
    }

    /**
     * Validates every cell on the driver, then computes those the journal does not hold.
     *
     * @param engineNotes hears each executor's engine choice (once per task)
     */
    public static Sweep.Summary run(JavaSparkContext spark, SweepPlan plan, RunSettings settings, Path prefix,
                                    boolean resume, TaskPlan.Sizes sizes, Sweep.Listener listener,
                                    Consumer<String> engineNotes) throws IOException {
        return run(spark, plan, settings, prefix, resume, sizes, listener, engineNotes, SparkTask.CellRunner.SIMULATE);
    }

    static Sweep.Summary run(JavaSparkContext spark, SweepPlan plan, RunSettings settings, Path prefix,
                             boolean resume, TaskPlan.Sizes sizes, Sweep.Listener listener, Consumer<String> engineNotes,
                             SparkTask.CellRunner runner) throws IOException {
        // every cell's spec is built before any file is touched (as plan.validate does), so a bad value stops the
        // sweep with nothing written; the path counts decide which cells are split
        List<TaskPlan.Cell> cells = new ArrayList<>();
        for (long cell = 0; cell < plan.cells(); cell++) {
            cells.add(new TaskPlan.Cell(cell, plan.spec(cell, settings::apply).paths()));
        }
        Path csv = Sweep.csvFile(prefix);
        Path jsonl = Sweep.journalFile(prefix);
        SweepSettings recorded = SweepSettings.of(plan, settings::apply, settings.engineOptions(1));
        try (SweepJournal journal = SweepJournal.open(plan, recorded, prefix, resume)) {
            List<TaskPlan.Cell> pending = cells.stream().filter(cell -> !journal.isFinished(cell.cell())).toList();
            listener.started(plan.cells(), journal.resumed());
            Journaler journaler = new Journaler(journal, new RangeMerger(plan, settings::apply), listener, engineNotes);
            if (!pending.isEmpty()) {
                List<List<TaskPlan.Piece>> tasks = TaskPlan.tasks(pending, sizes, spark.defaultParallelism());
                Broadcast<String> planJson = spark.broadcast(plan.toJson());
                // one list of pieces per partition: parallelize slices n elements into n partitions of one each
                JavaRDD<List<TaskPlan.Piece>> pieces = spark.parallelize(tasks, tasks.size());
                ClassTag<SparkTask.Result> tag = ClassTag$.MODULE$.apply(SparkTask.Result.class);
                spark.setJobDescription("margin-sim sweep: " + pending.size() + " cells in " + tasks.size() + " tasks");
                boolean allowCpuDevices = spark.getConf().getBoolean(GpuAddresses.ALLOW_CPU_DEVICES, false);
                spark.sc().runJob(pieces.rdd(), new SparkTask(planJson, settings, runner, allowCpuDevices), journaler,
                        tag);
                planJson.destroy();
            }
            return new Sweep.Summary(plan.cells(), journaler.computed, journal.resumed(), csv, jsonl);
        }
    }

    /** Appends each finished cell's row; Spark calls it on its scheduler thread, one task at a time. */
    private static final class Journaler extends AbstractFunction2<Object, SparkTask.Result, BoxedUnit> {
        private final SweepJournal journal;
        private final RangeMerger ranges;
        private final Sweep.Listener listener;
        private final Consumer<String> engineNotes;
        private final Set<String> notesSeen = new HashSet<>();
        private long computed;

        Journaler(SweepJournal journal, RangeMerger ranges, Sweep.Listener listener, Consumer<String> engineNotes) {
            this.journal = journal;
            this.ranges = ranges;
            this.listener = listener;
            this.engineNotes = engineNotes;
        }

        @Override
        public BoxedUnit apply(Object partition, SparkTask.Result result) {
            result.engineNotes().stream().filter(notesSeen::add).forEach(engineNotes);
            try {
                for (SparkTask.Cell cell : result.cells()) {
                    append(cell);
                }
                for (SparkTask.Range range : result.ranges()) {
                    SparkTask.Cell merged = ranges.add(range);
                    if (merged != null) {
                        append(merged);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return BoxedUnit.UNIT;
        }

        private void append(SparkTask.Cell cell) throws IOException {
            journal.append(cell.row());
            computed++;
            listener.cellDone(cell.row(), cell.pathSteps());
        }
    }
}
