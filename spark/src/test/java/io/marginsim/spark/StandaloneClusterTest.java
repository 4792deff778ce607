package io.marginsim.spark;

import io.marginsim.analysis.RunSettings;
import io.marginsim.analysis.Sweep;
import io.marginsim.analysis.SweepRow;
import io.marginsim.simulation.Engines;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.marginsim.spark.SparkSweepTest.PLAN;
import static io.marginsim.spark.SparkSweepTest.sortedRows;
import static org.assertj.core.api.Assertions.assertThat;

/** The sweep on a real standalone cluster (Master, two Workers, their executors: five JVMs on loopback). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {
    /** Cells big enough (about a second each on one core) that a worker can be killed while tasks run. */
    private static final RunSettings BIGGER_CELLS =
            new RunSettings(200_000L, null, null, null, null, null);

    @TempDir
    static Path dir;
    private static LoopbackCluster cluster;
    private static JavaSparkContext spark;
    private static List<String> plain;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new LoopbackCluster(dir, 2);
        spark = new JavaSparkContext(SparkSessions.conf(cluster.masterUrl(), "margin-sim cluster test",
                cluster.driverConf()));
        Engines.Options twoThreads = new Engines.Options(2, -1, Engines.Options.defaults().precision());
        plain = sortedRows(Sweep.run(PLAN, BIGGER_CELLS::apply, twoThreads, dir.resolve("plain"), false,
                Sweep.Listener.NONE).csv());
        // both executors up before the first job, so its tasks are spread over two JVMs (the driver counts as one)
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (spark.sc().statusTracker().getExecutorInfos().length < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(spark.sc().statusTracker().getExecutorInfos()).as("driver and two executors").hasSize(3);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (spark != null) {
            spark.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Sweep.Summary run(String prefix, TaskPlan.Sizes sizes, Sweep.Listener listener) throws Exception {
        return SparkSweep.run(spark, PLAN, BIGGER_CELLS, dir.resolve(prefix), false, sizes, listener, note -> { });
    }

    @Test
    @Order(1)
    void twoExecutorsWriteTheSameRowsAsTheSingleMachineSweep() throws Exception {
        Sweep.Summary summary = run("cluster", new TaskPlan.Sizes(1, TaskPlan.DEFAULT_SPLIT_PATHS),
                Sweep.Listener.NONE);
        assertThat(summary.computed()).isEqualTo(12);
        assertThat(sortedRows(summary.csv())).isEqualTo(plain);
    }

    @Test
    @Order(2)
    void losingAWorkerMidJobOfSplitCellsStillGivesEveryRowOnce() throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger lostTasks = new AtomicInteger();
        spark.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd task) {
                if (task.taskInfo().failed()) {
                    lostTasks.incrementAndGet();
                }
            }
        });
        // each cell in two ranges of 100,000 paths, merged on the driver from both executors' statistics
        Sweep.Summary summary = run("fault", new TaskPlan.Sizes(0, 100_000), new Sweep.Listener() {
            @Override
            public void cellDone(SweepRow row, double pathSteps) {
                if (done.incrementAndGet() == 2) {
                    cluster.killWorker(1);
                }
            }
        });
        assertThat(done.get()).isEqualTo(12);
        assertThat(summary.computed()).isEqualTo(12);
        assertThat(sortedRows(summary.csv())).isEqualTo(plain);
        assertThat(spark.sc().statusTracker().getExecutorInfos()).as("driver and the surviving executor").hasSize(2);
        // the killed executor was running a task, which Spark ran again elsewhere (listener events arrive late)
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (lostTasks.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(lostTasks.get()).as("tasks lost with the worker").isPositive();
    }
}
