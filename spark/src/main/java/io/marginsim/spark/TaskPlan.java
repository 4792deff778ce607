package io.marginsim.spark;

import io.marginsim.check.SpecException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How a sweep's pending cells become Spark tasks. A cell of more than {@link Sizes#splitPaths} paths is cut into
 * that many paths or fewer per range, each range a task of its own, so one big cell keeps many executors busy and
 * no task holds more than {@code splitPaths} paths' samples; the driver merges the ranges into the cell's row. The
 * other cells are batched, several to a task, so thousands of small cells do not pay Spark's per-task cost (about a
 * millisecond of scheduling, plus plan parsing and engine start in the task) thousands of times.
 */
public final class TaskPlan {
    /** Tasks per core of the cluster when no batch size is given: enough to balance uneven cells and to show progress,
     * few enough that per-task costs (scheduling, plan parsing, engine start) stay small beside the cells. */
    static final int TASKS_PER_CORE = 4;
    /**
     * Paths above which a cell is split when {@code --split-paths} is not given: a range ships
     * {@value io.marginsim.stats.PathStatsEncoding#BYTES_PER_PATH} bytes per path to the driver, 16 MB here, and a
     * cell this large takes seconds per core, so Spark's per-task milliseconds do not matter beside it.
     */
    static final long DEFAULT_SPLIT_PATHS = 1_000_000;

    /**
     * @param cellsPerTask unsplit cells in one task, or 0 for {@link #TASKS_PER_CORE} tasks per core
     * @param splitPaths   the most paths one task simulates of a split cell; cells with more are split
     */
    public record Sizes(int cellsPerTask, long splitPaths) implements Serializable {
        public static final Sizes DEFAULT = new Sizes(0, DEFAULT_SPLIT_PATHS);

        public Sizes {
            if (cellsPerTask < 0) {
                throw new SpecException("--cells-per-task", "must be >= 0 (0: " + TASKS_PER_CORE
                        + " tasks per core) but was " + cellsPerTask);
            }
            if (splitPaths < 1) {
                throw new SpecException("--split-paths", "must be >= 1 but was " + splitPaths);
            }
        }
    }

    /** A cell waiting to be computed, with its number of paths. */
    record Cell(long cell, long paths) {
    }

    /**
     * Paths {@code firstPath .. firstPath + count - 1} of {@code cell}, one of {@code ranges} ranges that together
     * cover the cell; a whole cell is its only range.
     */
    record Piece(long cell, long firstPath, long count, int ranges) implements Serializable {
        boolean whole() {
            return ranges == 1;
        }
    }

    private TaskPlan() {
    }

    /**
     * The tasks, each a list of pieces: first the ranges of split cells, a cell's ranges next to each other so the
     * driver holds few partly merged cells at a time, then the batches of whole cells.
     */
    static List<List<Piece>> tasks(List<Cell> pending, Sizes sizes, int cores) {
        List<List<Piece>> tasks = new ArrayList<>();
        List<Cell> whole = new ArrayList<>();
        for (Cell cell : pending) {
            if (cell.paths() <= sizes.splitPaths()) {
                whole.add(cell);
                continue;
            }
            int ranges = Math.toIntExact(Math.ceilDiv(cell.paths(), sizes.splitPaths()));
            for (int r = 0; r < ranges; r++) {
                // equal ranges but for one path, so no task gets a short tail
                long first = cell.paths() * r / ranges;
                long next = cell.paths() * (r + 1) / ranges;
                tasks.add(new ArrayList<>(List.of(new Piece(cell.cell(), first, next - first, ranges))));
            }
        }
        if (!whole.isEmpty()) {
            int batches = batches(whole.size(), sizes.cellsPerTask(), cores);
            List<Cell> order = interleave(whole, batches);
            for (int b = 0; b < batches; b++) {
                List<Piece> batch = new ArrayList<>();
                for (Cell cell : order.subList(whole.size() * b / batches, whole.size() * (b + 1) / batches)) {
                    batch.add(new Piece(cell.cell(), 0, cell.paths(), 1));
                }
                tasks.add(batch);
            }
        }
        return tasks;
    }

    static int batches(int cells, int cellsPerTask, int cores) {
        if (cellsPerTask > 0) {
            return (int) Math.ceil((double) cells / cellsPerTask);
        }
        return Math.max(1, Math.min(cells, cores * TASKS_PER_CORE));
    }

    /**
     * Orders the cells so that contiguous slices each get every {@code batches}-th cell: neighbouring cells differ in
     * the last axis only, so a slice of neighbours would put all the costly values of a first axis (more paths, more
     * steps) into the same few tasks.
     */
    static <T> List<T> interleave(List<T> cells, int batches) {
        List<T> out = new ArrayList<>(cells.size());
        for (int start = 0; start < batches; start++) {
            for (int i = start; i < cells.size(); i += batches) {
                out.add(cells.get(i));
            }
        }
        return out;
    }
}
