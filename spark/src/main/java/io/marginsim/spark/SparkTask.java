package io.marginsim.spark;

import io.marginsim.analysis.RunSettings;
import io.marginsim.analysis.SweepPlan;
import io.marginsim.analysis.SweepRow;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Spec;
import io.marginsim.stats.PathStats;
import io.marginsim.stats.PathStatsEncoding;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.resource.ResourceInformation;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Spark task: runs its pieces one after another on the GPU Spark assigned it, else on the best engine the
 * executor has ({@link TaskEngines}: each engine opened once per task). A whole cell comes back as its row; a range
 * of a split cell comes back as its path statistics encoded ({@link PathStatsEncoding}), for the driver to merge.
 * The plan arrives as a broadcast JSON document, so executors need neither the sweep file nor its base spec file.
 */
final class SparkTask extends AbstractFunction2<TaskContext, Iterator<List<TaskPlan.Piece>>, SparkTask.Result>
        implements Serializable {
    /** Driver and executors run one build of this class; the number only has to be declared, not evolved. */
    @Serial
    private static final long serialVersionUID = 1L;
    /** Engines logs its choice per selection; the driver prints each executor's choice once instead. */
    private static final Logger ENGINES_LOG = Logger.getLogger(Engines.class.getName());

    /** Computes one cell; tests wrap it to make a cell fail. */
    @FunctionalInterface
    interface CellRunner extends Serializable {
        SweepRow run(SweepPlan plan, long cell, Spec spec, Engines.Selection engine, Engines.Options options)
                throws EngineUnavailableException;

        CellRunner SIMULATE = (plan, cell, spec, engine, options) -> {
            try (Simulation run = Simulator.run(spec, engine, options, Engine.ProgressListener.NONE)) {
                return SweepRow.of(cell, plan.values(cell), run, plan.targets());
            }
        };
    }

    /** A computed cell and the work it took (path-steps). */
    record Cell(SweepRow row, double pathSteps) implements Serializable {
    }

    /**
     * Statistics of one range of a split cell, {@link PathStatsEncoding#BYTES_PER_PATH} bytes per path, and the
     * engine and simulation time they took.
     */
    record Range(TaskPlan.Piece piece, byte[] stats, String engine, String note, double seconds)
            implements Serializable {
    }

    /** What a task sends back: its whole cells, its ranges, and which engines which executor chose for them. */
    record Result(List<Cell> cells, List<Range> ranges, List<String> engineNotes) implements Serializable {
    }

    private final Broadcast<String> planJson;
    private final RunSettings settings;
    private final CellRunner runner;
    private final boolean allowCpuDevices;

    /** @param allowCpuDevices whether an assigned GPU address may name a CPU OpenCL device ({@link TaskEngines}) */
    SparkTask(Broadcast<String> planJson, RunSettings settings, CellRunner runner, boolean allowCpuDevices) {
        this.planJson = planJson;
        this.settings = settings;
        this.runner = runner;
        this.allowCpuDevices = allowCpuDevices;
    }

    @Override
    public Result apply(TaskContext task, Iterator<List<TaskPlan.Piece>> pieces) {
        ENGINES_LOG.setLevel(Level.WARNING);
        SweepPlan plan = SweepPlan.parse(planJson.value(), java.nio.file.Path.of("."), "the sweep sent by the driver");
        // one thread per core Spark gave the task (spark.task.cpus) unless --threads says otherwise
        Engines.Options options = settings.engineOptions(Math.max(1, task.cpus()));
        List<Cell> cells = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        String executor = "executor " + SparkEnv.get().executorId();
        try (TaskEngines engines = new TaskEngines(options, gpuAddress(task), allowCpuDevices, executor)) {
            while (pieces.hasNext()) {
                for (TaskPlan.Piece piece : pieces.next()) {
                    Spec spec = plan.spec(piece.cell(), settings::apply);
                    Engines.Selection engine = engines.get(spec.engine());
                    if (piece.whole()) {
                        cells.add(new Cell(runner.run(plan, piece.cell(), spec, engine, options),
                                (double) spec.paths() * spec.steps()));
                    } else {
                        ranges.add(range(piece, spec, engine, options));
                    }
                }
            }
            return new Result(cells, ranges, engines.notes());
        } catch (EngineUnavailableException e) {
            // checked and not serializable by Spark's rules of thumb: carry the one-line reason
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first GPU Spark assigned the task (one device per task), or null when it holds none. */
    static String gpuAddress(TaskContext task) {
        ResourceInformation gpu = task.resourcesJMap().get(GpuAddresses.RESOURCE);
        return gpu == null || gpu.addresses().length == 0 ? null : gpu.addresses()[0];
    }

    private static Range range(TaskPlan.Piece piece, Spec spec, Engines.Selection engine, Engines.Options options)
            throws EngineUnavailableException {
        Simulator.Range run = Simulator.runRange(spec, engine, options, piece.firstPath(), piece.count());
        try (PathStats stats = run.stats()) {
            return new Range(piece, PathStatsEncoding.encode(stats), run.engine(), run.note(), run.seconds());
        }
    }
}
