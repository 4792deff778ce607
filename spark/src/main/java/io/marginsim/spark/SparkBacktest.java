package io.marginsim.spark;

import io.marginsim.analysis.Backtest;
import io.marginsim.analysis.RunSettings;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A backtest's windows simulated as Spark tasks, as a sweep's cells are: the moved templates (spec JSON, which names
 * no file) are sliced into {@link TaskPlan#TASKS_PER_CORE} tasks per core of the cluster, each task runs its windows
 * one after another on the GPU Spark assigned it or the best engine its executor has ({@link TaskEngines}), and the
 * predictions come back in the windows' order. The Spark context lives for this one job.
 */
final class SparkBacktest implements Backtest.Predictor {
    private final String master;
    private final Map<String, String> conf;
    private final RunSettings settings;

    SparkBacktest(String master, Map<String, String> conf, RunSettings settings) {
        this.master = master;
        this.conf = conf;
        this.settings = settings;
    }

    /** One window's prediction and the engine that made it. */
    record Prediction(double breachProbability, String engine, String note) implements Serializable {
    }

    @Override
    public Backtest.Predictions predict(List<Backtest.Job> jobs, String source) {
        List<String> specs = jobs.stream().map(Backtest.Job::spec).toList();
        List<Prediction> predictions;
        try (JavaSparkContext spark = new JavaSparkContext(SparkSessions.conf(master, "margin-sim backtest " + source,
                conf))) {
            int tasks = TaskPlan.batches(specs.size(), 0, spark.defaultParallelism());
            boolean allowCpuDevices = spark.getConf().getBoolean(GpuAddresses.ALLOW_CPU_DEVICES, false);
            spark.setJobDescription("margin-sim backtest: " + specs.size() + " windows in " + tasks + " tasks");
            predictions = spark.parallelize(specs, tasks)
                    .mapPartitions(new Windows(settings, source, allowCpuDevices)).collect();
        }
        double[] probabilities = new double[predictions.size()];
        Set<String> engines = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = predictions.get(i).breachProbability();
            engines.add(predictions.get(i).engine());
            notes.add(predictions.get(i).note());
        }
        notes.forEach(System.err::println);
        // executors may differ (a GPU on some, the vector engine on others): the report names every engine used
        return new Backtest.Predictions(probabilities, String.join(", ", engines));
    }

    /** One task: its windows in order, each engine opened once. */
    private record Windows(RunSettings settings, String source, boolean allowCpuDevices)
            implements FlatMapFunction<Iterator<String>, Prediction> {
        @Override
        public Iterator<Prediction> call(Iterator<String> specs) throws Exception {
            Logger.getLogger(Engines.class.getName()).setLevel(Level.WARNING);
            TaskContext task = TaskContext.get();
            Engines.Options options = settings.engineOptions(Math.max(1, task.cpus()));
            String executor = "executor " + SparkEnv.get().executorId();
            List<Prediction> out = new ArrayList<>();
            try (TaskEngines engines = new TaskEngines(options, SparkTask.gpuAddress(task), allowCpuDevices,
                    executor)) {
                while (specs.hasNext()) {
                    Spec spec = settings.apply(SpecReader.parse(specs.next(), source + " window", false));
                    Engines.Selection engine = engines.get(spec.engine());
                    try (Simulation run = Simulator.run(spec, engine, options, Engine.ProgressListener.NONE)) {
                        out.add(new Prediction(run.report().breachProbability(), run.report().engine(),
                                String.join("; ", engines.notes())));
                    }
                }
            } catch (EngineUnavailableException e) {
                // checked and not serializable by Spark's rules of thumb: carry the one-line reason
                throw new IllegalStateException(e.getMessage(), e);
            }
            return out.iterator();
        }
    }
}
