package io.marginsim.engine.opencl;

import io.marginsim.engine.Precision;
import io.marginsim.problem.CompiledProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Small problems that {@link OpenClEngine#run(CellBatch)} simulates in one launch: a sweep's cells that share one
 * compiled program (the same assets, positions, market-model options and precision) and differ only in numbers —
 * sizes, prices, volatilities, cash, tiers, seeds, path counts, steps. One launch instead of one per cell keeps a
 * GPU busy when a cell has only a few thousand paths, and pays launch and transfer latency once per batch.
 *
 * <p><b>Which problems join.</b> Those the engine implements, without carrying costs or liquidation mechanics
 * (any {@link CompiledProblem#frictions}: funding, fills and fees are per path state the batch kernel does not carry)
 * and without filtered historical simulation (its residual table is per problem and can be large), with at most
 * {@link #MAX_CELL_PATHS} paths. Every other problem runs alone, as {@link OpenClEngine#run} runs it. Cells with
 * different numbers of steps share a batch: each work-item loops to its own cell's horizon.
 *
 * <p><b>How large.</b> A batch closes before it would pass {@link #MAX_PATHS} paths (device memory: 4 bytes of
 * breach step and two samples of 4 bytes, 8 in double precision, a path; and the host copy of the samples),
 * {@link #MAX_PATH_STEPS} path-steps (the length of one launch, so finished cells still stream at a steady pace
 * on slow devices and a launch stays far below display watchdogs) or {@link #MAX_CELLS} cells (the per-cell
 * parameter blocks).
 */
public final class CellBatch {
    /**
     * Most paths of a cell that may join: up to here a cell's two samples (4 bytes a path in float) cost no more to
     * bring back than one digit histogram of the device's radix select ({@link RadixSelect#DIGIT_BINS} counts), so
     * the batch ranks them on the host, where the rank queries of one cell cost no launches at all.
     */
    public static final int MAX_CELL_PATHS = RadixSelect.DIGIT_BINS;
    /** Most paths of a batch: about 12 MiB of device memory in float precision. */
    public static final long MAX_PATHS = 1 << 20;
    /** Most path-steps of a batch: about a second of PoCL on two cores, a millisecond of a large GPU. */
    public static final long MAX_PATH_STEPS = 1L << 27;
    public static final int MAX_CELLS = 1 << 14;

    /** One problem of the batch and its number of paths, which run from path 0 as in a run of their own. */
    public record Cell(CompiledProblem problem, int paths) {
    }

    private final String key;
    private final List<Cell> cells = new ArrayList<>();
    private long paths;
    private long pathSteps;

    private CellBatch(String key) {
        this.key = key;
    }

    /**
     * The program a batch of {@code problem} would run, or null when the problem cannot join a batch on
     * {@code engine} (see the class comment); problems with equal keys may share a batch.
     */
    public static String key(OpenClEngine engine, CompiledProblem problem, long paths) {
        if (paths < 1 || paths > MAX_CELL_PATHS || !engine.implementsAll(problem) || !problem.frictions.isNone()
                || problem.historyRows > 0) {
            return null;
        }
        return options(problem, engine.precision());
    }

    /** An empty batch for problems of {@code key}. */
    public static CellBatch of(String key) {
        return new CellBatch(key);
    }

    /** Whether a problem of {@code key}, {@code paths} paths and {@code steps} steps may join within the bounds. */
    public boolean fits(String key, int paths, int steps) {
        return this.key.equals(key) && cells.size() < MAX_CELLS && this.paths + paths <= MAX_PATHS
                && pathSteps + (long) paths * steps <= MAX_PATH_STEPS;
    }

    /** Adds a problem whose {@link #key} is this batch's; the caller checked {@link #fits}. */
    public void add(CompiledProblem problem, int paths) {
        cells.add(new Cell(problem, paths));
        this.paths += paths;
        this.pathSteps += (long) paths * problem.steps;
    }

    public List<Cell> cells() {
        return List.copyOf(cells);
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }

    public long paths() {
        return paths;
    }

    public long pathSteps() {
        return pathSteps;
    }

    String key() {
        return key;
    }

    /**
     * The build options of the batch program: those of {@link PathKernels} with parameters in global memory, the
     * only part of the options that depends on a problem's numbers (its size against constant memory).
     */
    static String options(CompiledProblem problem, Precision precision) {
        return PathKernels.options(problem, precision, 0);
    }
}
