package io.marginsim.engine;

import io.marginsim.problem.BreachBins;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.stats.PathStats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a CPU engine on all cores: the path range is cut into fixed-size chunks, each chunk is simulated into a
 * {@link PathBlock} on a worker thread and reduced to {@link PathStats}, and the chunks are merged in order.
 * Because a path's shocks depend only on its index, results do not depend on chunk size or thread count.
 */
public abstract class ParallelCpuEngine implements Engine {
    /** Paths per chunk: large enough to amortise scheduling, small enough to balance two to hundreds of cores. */
    public static final int DEFAULT_CHUNK = 8192;

    private final int threads;
    private final int chunk;

    protected ParallelCpuEngine(int threads, int chunk) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1 but was " + chunk);
        }
        this.threads = threads;
        this.chunk = chunk;
    }

    public int threads() {
        return threads;
    }

    @Override
    public PathStats run(CompiledProblem problem, long firstPath, long count, ProgressListener progress) {
        JitWarmUp.stop();
        int bins = BreachBins.perStep(problem.monitoring);
        PathStats total = new PathStats(problem.steps, bins);
        if (count == 0) {
            return total;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().factory())) {
            List<Future<PathStats>> parts = new ArrayList<>();
            for (long start = 0; start < count; start += chunk) {
                long from = firstPath + start;
                int size = (int) Math.min(chunk, count - start);
                parts.add(pool.submit(() -> {
                    PathBlock block = PathBlock.forProblem(problem, size);
                    simulate(problem, from, block);
                    progress.pathsDone(size);
                    return PathStats.of(problem.steps, bins, block);
                }));
            }
            for (Future<PathStats> part : parts) {
                total.merge(part.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation failed: " + e.getCause().getMessage(), e.getCause());
        }
        return total;
    }
}
