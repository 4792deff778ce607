package io.marginsim.bench;

import io.marginsim.engine.Engine;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Workloads;
import io.marginsim.stats.PathStats;

import java.util.Arrays;
import java.util.Locale;

/**
 * Throughput of the CPU engines on the standard workloads, for each thread count from 1 to the number of cores:
 * one line per (workload, engine, threads) with the best and median of several timed runs after a warm-up.
 * Throughput counts asset-path-steps (path-steps for one asset). Used by {@code bench/compare.sh}.
 *
 * <p>Arguments: {@code [vectorPaths] [scalarPaths] [repetitions]}; the scalar engine gets fewer paths because
 * it is tens of times slower, which does not change a throughput.
 */
public final class Compare {
    private static final long SEED = 20240601L;

    private Compare() {
    }

    public static void main(String[] args) {
        long vectorPaths = args.length > 0 ? Long.parseLong(args[0]) : 1L << 20;
        long scalarPaths = args.length > 1 ? Long.parseLong(args[1]) : 1L << 15;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "# %d cores, %s%n", cores, Runtime.version());
        for (int assets : new int[] {1, 8}) {
            CompiledProblem problem = Workloads.correlated(assets, SEED);
            for (int threads = 1; threads <= cores; threads++) {
                measure("vector", new VectorEngine(threads, VectorEngine.DEFAULT_CHUNK), problem, vectorPaths,
                        repetitions);
                measure("scalar", new ScalarEngine(threads, ScalarEngine.DEFAULT_CHUNK), problem, scalarPaths,
                        repetitions);
            }
        }
    }

    private static void measure(String name, Engine engine, CompiledProblem problem, long paths, int repetitions) {
        engine.run(problem, 0, Math.min(paths, 1L << 16), Engine.ProgressListener.NONE); // JIT warm-up
        double[] rates = new double[repetitions];
        long breaches = 0;
        for (int r = 0; r < repetitions; r++) {
            long start = System.nanoTime();
            PathStats stats = engine.run(problem, 0, paths, Engine.ProgressListener.NONE);
            double seconds = (System.nanoTime() - start) * 1e-9;
            rates[r] = (double) paths * problem.steps * problem.assets / seconds;
            breaches = stats.breaches();
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT,
                "assets=%d engine=%s threads=%d paths=%d best=%.4g median=%.4g worst=%.4g breachProbability=%.4f%n",
                problem.assets, name, ((io.marginsim.engine.ParallelCpuEngine) engine).threads(), paths,
                rates[repetitions - 1], rates[repetitions / 2], rates[0], (double) breaches / paths);
    }
}
