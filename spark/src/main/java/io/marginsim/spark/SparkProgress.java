package io.marginsim.spark;

import io.marginsim.analysis.Sweep;
import io.marginsim.analysis.SweepRow;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a Spark sweep: tasks done of the job's tasks (heard from Spark as a {@link SparkListener}), cells
 * journaled, and path-steps/s over the cells computed in this run. On a terminal one line is redrawn at most four
 * times a second; otherwise a plain line at most once a second, plus the last, so a log file stays readable.
 */
final class SparkProgress extends SparkListener implements Sweep.Listener {
    static final int TERMINAL_COLUMNS = 79;
    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long cells;
    private long done;
    private long tasks;
    private long tasksDone;
    private double pathSteps;
    private double lastPrint = -1;

    SparkProgress(boolean terminal, PrintStream err) {
        this.terminal = terminal;
        this.err = err;
    }

    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted stage) {
        tasks += stage.stageInfo().numTasks();
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
        if (task.taskInfo().successful()) {
            tasksDone++;
            print(false);
        }
    }

    @Override
    public synchronized void started(long cells, long alreadyDone) {
        this.cells = cells;
        this.done = alreadyDone;
        err.printf(Locale.ROOT, "sweep on spark: %d cells, %d already in the journal%n", cells, alreadyDone);
    }

    @Override
    public synchronized void cellDone(SweepRow row, double work) {
        done++;
        pathSteps += work;
        print(done == cells);
    }

    /** Ends the redrawn line, so what follows starts on a line of its own. */
    synchronized void finish() {
        if (terminal && lastPrint >= 0) {
            err.println();
        }
    }

    private void print(boolean last) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!last && seconds - lastPrint < (terminal ? 0.25 : 1)) {
            return;
        }
        lastPrint = seconds;
        String cellsAndRate = String.format(Locale.ROOT, "cells %d/%d (%.1f%%), %.3g path-steps/s, %.0f s", done, cells,
                cells == 0 ? 100.0 : 100.0 * done / cells, seconds > 0 ? pathSteps / seconds : 0.0, seconds);
        String line = String.format(Locale.ROOT, "sweep: tasks %d/%d, %s", tasksDone, tasks, cellsAndRate);
        if (terminal) {
            // "\r" redraws only the last row of a wrapped line, so the redrawn line fits in 79 columns (an
            // 80-column terminal), without the task counts when it must
            err.print("\r" + (line.length() <= TERMINAL_COLUMNS ? line : "sweep: " + cellsAndRate) + "\u001b[K");
            err.flush();
        } else {
            err.println(line);
        }
    }
}
