package io.marginsim.cli;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.Counts;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineKind;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Engines;
import io.marginsim.engine.Simulator;
import io.marginsim.engine.Workloads;
import io.marginsim.spec.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code margin-sim bench}: path-steps per second of every engine that can run here, on the standard workload
 * ({@link Workloads}), with the ratio to the scalar reference measured in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure path-steps/s of each available engine on the standard workload (one long asset at 10x, "
                + "flat 5%% maintenance, vol 0.8, 256 steps) and, with --assets 8, asset-path-steps/s.")
final class BenchCommand implements Callable<Integer> {
    /** The workload holds an assets x assets correlation factor per path step: far more is a typo, not a benchmark. */
    static final int MAX_ASSETS = 1024;

    @Option(names = "--paths", description = "Paths per measurement (default: ${DEFAULT-VALUE}).")
    long paths = 1L << 18;

    @Option(names = "--assets", description = "Correlated assets, one 10x long on each (default: ${DEFAULT-VALUE}).")
    int assets = 1;

    @Option(names = "--repeat", description = "Timed repetitions after one warm-up; the best is reported (default: ${DEFAULT-VALUE}).")
    int repeat = 3;

    @Option(names = "--engines", split = ",", description = "Engines to measure (default: scalar,vector,opencl).")
    List<EngineKind> engines = List.of(EngineKind.SCALAR, EngineKind.VECTOR, EngineKind.OPENCL);

    @Option(names = "--device", description = "OpenCL device index from 'margin-sim devices' (default: first GPU).")
    Integer device;

    @Override
    public Integer call() {
        if (paths < 1 || assets < 1 || repeat < 1) {
            throw new io.marginsim.spec.SpecException("--paths/--assets/--repeat", "must all be >= 1 but were "
                    + paths + "/" + assets + "/" + repeat);
        }
        if (assets > MAX_ASSETS) {
            throw new io.marginsim.spec.SpecException("--assets", "must be at most " + MAX_ASSETS + " but was " + assets);
        }
        if (paths > Spec.MAX_PATHS) {
            throw new io.marginsim.spec.SpecException("--paths", "must be at most " + Spec.MAX_PATHS + " but was "
                    + paths);
        }
        Engines.Options options = new Engines.Options(Runtime.getRuntime().availableProcessors(),
                RunOverrides.deviceIndex(device), io.marginsim.engine.Precision.FLOAT);
        Simulator.checkMemory("--paths", paths, false);
        CompiledProblem problem = Workloads.correlated(assets, 20261125L);
        double steps = (double) paths * problem.steps * assets;
        String unit = assets == 1 ? "path-steps/s" : "asset-path-steps/s";
        System.out.printf(Locale.ROOT, "workload: %s, %d paths x %d steps%n", Counts.of(assets, "asset"), paths,
                problem.steps);
        Double reference = null;
        for (EngineKind kind : engines) {
            Engines.Selection selection;
            try {
                selection = Engines.select(kind, options);
            } catch (EngineUnavailableException e) {
                System.out.printf(Locale.ROOT, "%-8s unavailable: %s%n", kind.label(), e.getMessage());
                continue;
            }
            try (Engine engine = selection.engine()) {
                engine.run(problem, 0, Math.min(paths, 1L << 16), Engine.ProgressListener.NONE);
                double best = Double.POSITIVE_INFINITY;
                for (int r = 0; r < repeat; r++) {
                    long start = System.nanoTime();
                    engine.run(problem, 0, paths, Engine.ProgressListener.NONE);
                    best = Math.min(best, (System.nanoTime() - start) / 1e9);
                }
                double rate = steps / best;
                if (kind == EngineKind.SCALAR) {
                    reference = rate;
                }
                String ratio = reference == null ? "" : String.format(Locale.ROOT, "  %.2fx scalar", rate / reference);
                System.out.printf(Locale.ROOT, "%-8s %.3e %s  (%.3f s)%s  [%s]%n", engine.name(), rate, unit, best, ratio,
                        engine.description());
            }
        }
        return 0;
    }
}
