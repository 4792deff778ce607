package io.marginsim.cli;

import io.marginsim.analysis.Sweep;
import io.marginsim.analysis.SweepRow;
import io.marginsim.check.Counts;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a run of many cells (a sweep's cells, a backtest's windows) for people: a progress bar with ETA and
 * path-steps/s on a terminal, and plain lines (at most one a second, plus the last) when standard error goes to a
 * file or a pipe, where a redrawn bar would be noise.
 */
final class CellProgress {
    private CellProgress() {
    }

    /** A sweep's progress, in cells. */
    static Sweep.Listener create(boolean terminal, PrintStream err) {
        return create(terminal, err, "sweep", "cell");
    }

    /**
     * Progress of {@code task} (the word that starts each line) over cells that people call {@code unit}s (e.g.
     * "window"); a run that resumes from a journal says how many it holds.
     */
    static Sweep.Listener create(boolean terminal, PrintStream err, String task, String unit) {
        return terminal ? new Bar(err, task, unit) : new Lines(err, task, unit);
    }

    /** Path-steps per second over the cells computed in this run. */
    private static final class Rate {
        private final long start = System.nanoTime();
        private double pathSteps;

        void add(double work) {
            pathSteps += work;
        }

        double elapsed() {
            return (System.nanoTime() - start) / 1e9;
        }

        String perSecond() {
            double seconds = elapsed();
            return String.format(Locale.ROOT, "%.3g path-steps/s", seconds > 0 ? pathSteps / seconds : 0.0);
        }
    }

    /**
     * The bar, the cell count, elapsed time and ETA, and path-steps/s, in one column less than the terminal is wide:
     * a line as wide as the terminal wraps on many terminals, and the library cuts a longer one at its end, where the
     * rate is. Cells/s is left out for room (the ETA says as much).
     */
    private static final class Bar implements Sweep.Listener, AutoCloseable {
        private final PrintStream err;
        private final String task;
        private final String unit;
        private ProgressBar bar;
        private final Rate rate = new Rate();

        Bar(PrintStream err, String task, String unit) {
            this.err = err;
            this.task = task;
            this.unit = unit;
        }

        @Override
        public void started(long cells, long alreadyDone) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(cells).setUnit(" " + unit + "s", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(err) {
                        @Override
                        public int getMaxRenderedLength() {
                            return super.getMaxRenderedLength() - 1;
                        }
                    })
                    .startsFrom(alreadyDone, Duration.ZERO).build();
        }

        @Override
        public void cellDone(SweepRow row, double pathSteps) {
            rate.add(pathSteps);
            bar.step();
            bar.setExtraMessage(" " + rate.perSecond());
            if (bar.getCurrent() == bar.getMax()) {
                close();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }

    private static final class Lines implements Sweep.Listener {
        private final PrintStream err;
        private final String task;
        private final String unit;
        private final Rate rate = new Rate();
        private long cells;
        private long done;
        private long computed;
        private double lastPrint = -1;

        Lines(PrintStream err, String task, String unit) {
            this.err = err;
            this.task = task;
            this.unit = unit;
        }

        @Override
        public void started(long cells, long alreadyDone) {
            this.cells = cells;
            this.done = alreadyDone;
            err.printf(Locale.ROOT, "%s: %s%s%n", task, Counts.of(cells, unit),
                    alreadyDone > 0 ? ", " + alreadyDone + " already in the journal" : "");
        }

        @Override
        public void cellDone(SweepRow row, double pathSteps) {
            rate.add(pathSteps);
            done++;
            computed++;
            double seconds = rate.elapsed();
            if (done < cells && seconds - lastPrint < 1) {
                return;
            }
            lastPrint = seconds;
            long eta = Math.round(seconds / computed * (cells - done));
            err.printf(Locale.ROOT, "%s: %d/%d %ss (%.1f%%), %s, ETA %d:%02d:%02d%n", task, done, cells, unit,
                    100.0 * done / cells, rate.perSecond(), eta / 3600, eta / 60 % 60, eta % 60);
        }
    }
}
