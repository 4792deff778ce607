package io.marginsim.spark;

import io.marginsim.analysis.Sweep;
import io.marginsim.analysis.SweepJournal;
import io.marginsim.analysis.SweepPlan;
import io.marginsim.cli.RunOverrides;
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
 * same rows, same resume. Each task takes a batch of cells; the driver appends a task's rows as soon as the task
 * succeeds (Spark calls the result handler per finished task, on one thread), so when a job fails every cell of
 * the tasks that finished is in the journal and {@code --resume} computes only the rest.
 */
public final class SparkSweep {
    /** Tasks per core of the cluster when no batch size is given: enough to balance uneven cells and to show progress,
     * few enough that per-task costs (scheduling, plan parsing, engine start) stay small beside the cells. */
    static final int TASKS_PER_CORE = 4;

    private SparkSweep() {
    }

    /**
     * Validates every cell on the driver, then computes those the journal does not hold.
     *
     * @param cellsPerTask cells in one task, or 0 for {@link #TASKS_PER_CORE} tasks per core
     * @param engineNotes  hears each executor's engine choice (once per task)
     */
    public static Sweep.Summary run(JavaSparkContext spark, SweepPlan plan, RunOverrides.Given settings, Path prefix,
                                    boolean resume, int cellsPerTask, Sweep.Listener listener,
                                    Consumer<String> engineNotes) throws IOException {
        return run(spark, plan, settings, prefix, resume, cellsPerTask, listener, engineNotes,
                CellBatch.CellRunner.SIMULATE);
    }

    static Sweep.Summary run(JavaSparkContext spark, SweepPlan plan, RunOverrides.Given settings, Path prefix,
                             boolean resume, int cellsPerTask, Sweep.Listener listener, Consumer<String> engineNotes,
                             CellBatch.CellRunner runner) throws IOException {
        plan.validate(settings::apply);
        Path csv = Sweep.csvFile(prefix);
        Path jsonl = Sweep.journalFile(prefix);
        try (SweepJournal journal = SweepJournal.open(plan, jsonl, csv, resume)) {
            listener.started(plan.cells(), journal.resumed());
            List<Long> pending = new ArrayList<>();
            for (long cell = 0; cell < plan.cells(); cell++) {
                if (!journal.isFinished(cell)) {
                    pending.add(cell);
                }
            }
            Journaler journaler = new Journaler(journal, listener, engineNotes);
            if (!pending.isEmpty()) {
                int tasks = tasks(pending.size(), cellsPerTask, spark.defaultParallelism());
                Broadcast<String> planJson = spark.broadcast(plan.toJson());
                JavaRDD<Long> cells = spark.parallelize(interleave(pending, tasks), tasks);
                ClassTag<CellBatch.Result> tag = ClassTag$.MODULE$.apply(CellBatch.Result.class);
                spark.setJobDescription("margin-sim sweep: " + pending.size() + " cells in " + tasks + " tasks");
                spark.sc().runJob(cells.rdd(), new CellBatch(planJson, settings, runner), journaler, tag);
                planJson.destroy();
            }
            return new Sweep.Summary(plan.cells(), journaler.computed, journal.resumed(), csv, jsonl);
        }
    }

    static int tasks(int pending, int cellsPerTask, int cores) {
        if (cellsPerTask > 0) {
            return (int) Math.ceil((double) pending / cellsPerTask);
        }
        return Math.max(1, Math.min(pending, cores * TASKS_PER_CORE));
    }

    /**
     * Orders the cells so that Spark's contiguous slices each get every {@code tasks}-th cell: neighbouring cells
     * differ in the last axis only, so a slice of neighbours would put all the costly values of a first axis (more
     * paths, more steps) into the same few tasks.
     */
    static List<Long> interleave(List<Long> cells, int tasks) {
        List<Long> out = new ArrayList<>(cells.size());
        for (int start = 0; start < tasks; start++) {
            for (int i = start; i < cells.size(); i += tasks) {
                out.add(cells.get(i));
            }
        }
        return out;
    }

    /** Appends each finished task's rows; Spark calls it on its scheduler thread, one task at a time. */
    private static final class Journaler extends AbstractFunction2<Object, CellBatch.Result, BoxedUnit> {
        private final SweepJournal journal;
        private final Sweep.Listener listener;
        private final Consumer<String> engineNotes;
        private final Set<String> notesSeen = new HashSet<>();
        private long computed;

        Journaler(SweepJournal journal, Sweep.Listener listener, Consumer<String> engineNotes) {
            this.journal = journal;
            this.listener = listener;
            this.engineNotes = engineNotes;
        }

        @Override
        public BoxedUnit apply(Object partition, CellBatch.Result result) {
            result.engineNotes().stream().filter(notesSeen::add).forEach(engineNotes);
            try {
                for (CellBatch.Cell cell : result.cells()) {
                    journal.append(cell.row());
                    computed++;
                    listener.cellDone(cell.row(), cell.pathSteps());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return BoxedUnit.UNIT;
        }
    }
}
