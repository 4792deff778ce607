package io.marginsim.cli;

import io.marginsim.analysis.RunSettings;
import io.marginsim.check.Counts;
import io.marginsim.check.SpecException;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.opencl.KernelFacts;
import io.marginsim.engine.opencl.OpenClEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Workloads;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.EngineKind;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import io.marginsim.stats.PathStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code margin-sim bench}: path-steps per second of every engine that can run here, on the standard workload
 * ({@link Workloads}), with the ratio to the scalar reference measured in the same run; with {@code --spec}, the speed
 * of that spec on each engine next to the standard workload of as many assets, as a ratio, so that the cost of a
 * spec's mechanics shows on each engine apart from the machine's speed that day.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure path-steps/s of each available engine on the standard workload (one long asset at 10x, "
                + "flat 5%% maintenance, vol 0.8, 256 steps) and, with --assets 8, asset-path-steps/s. With --spec, "
                + "measure that spec too and print its speed as a ratio to the standard workload's.")
final class BenchCommand implements Callable<Integer> {
    /** The workload holds an assets x assets correlation factor per path step: far more is a typo, not a benchmark. */
    static final int MAX_ASSETS = 1024;
    /**
     * Path-steps of the untimed first run, which builds kernels and lets the JIT compile the hot loops: 65,536 paths of
     * the 256-step workload, fewer paths of a spec with more steps, so a long horizon does not make the warm-up long.
     */
    private static final long WARM_UP_PATH_STEPS = 1L << 24;
    private static final long WORKLOAD_SEED = 20261125L;

    @Option(names = "--paths", description = "Paths per measurement (default: ${DEFAULT-VALUE}; with --spec it "
            + "replaces the spec's paths).")
    long paths = 1L << 18;

    @Option(names = "--assets", description = "Correlated assets, one 10x long on each (default: 1; with --spec, "
            + "the spec's assets).")
    Integer assets;

    @Option(names = "--repeat", description = "Timed repetitions after one warm-up; the best is reported (default: ${DEFAULT-VALUE}).")
    int repeat = 3;

    @Option(names = "--engines", split = ",", description = "Engines to measure (default: scalar,vector,opencl).")
    List<EngineKind> engines = List.of(EngineKind.SCALAR, EngineKind.VECTOR, EngineKind.OPENCL);

    @Option(names = "--device", description = "OpenCL device index from 'margin-sim devices' (default: first GPU).")
    Integer device;

    @Option(names = "--spec", paramLabel = "SPEC", description = "Also measure this spec (JSON) on each engine that "
            + "implements it, next to the standard workload with as many assets; an engine that does not is named "
            + "with what it lacks.")
    Path spec;

    @Override
    public Integer call() {
        int workloadAssets = checkOptions();
        Engines.Options options = new Engines.Options(Runtime.getRuntime().availableProcessors(),
                RunSettings.deviceIndex(device), io.marginsim.engine.Precision.FLOAT);
        Spec read = spec == null ? null : SpecReader.read(spec);
        CompiledProblem specProblem = read == null ? null : ProblemCompiler.compile(read);
        int n = specProblem == null ? workloadAssets : specProblem.assets;
        // before an engine (a device context, a kernel build) is opened for a run that cannot fit
        Simulator.checkMemory("--paths", paths, read != null && read.microstructure().liquidation() != null);
        CompiledProblem plain = Workloads.correlated(n, WORKLOAD_SEED);
        String unit = n == 1 ? "path-steps/s" : "asset-path-steps/s";
        System.out.printf(Locale.ROOT, "workload: %s, %d paths x %d steps%n", Counts.of(n, "asset"), paths,
                plain.steps);
        if (specProblem != null) {
            System.out.printf(Locale.ROOT, "spec: %s, %s, %d paths x %d steps; ratio = spec %s / workload %s%n", spec,
                    Counts.of(n, "asset"), paths, specProblem.steps, unit, unit);
        }
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
                if (specProblem == null) {
                    Measured m = measure(engine, plain)[0];
                    reference = kind == EngineKind.SCALAR ? Double.valueOf(m.rate()) : reference;
                    String ratio = reference == null ? ""
                            : String.format(Locale.ROOT, "  %.2fx scalar", m.rate() / reference);
                    System.out.printf(Locale.ROOT, "%-8s %.3e %s  (%.3f s)%s  [%s]%n", engine.name(), m.rate(), unit,
                            m.seconds(), ratio, engine.description());
                    printKernelFacts(engine, plain);
                } else {
                    compare(engine, specProblem, plain, unit);
                }
            }
        }
        return 0;
    }

    /** The checks of the options alone, before anything runs; returns the workload's asset count. */
    private int checkOptions() {
        int n = assets == null ? 1 : assets;
        if (paths < 1 || n < 1 || repeat < 1) {
            throw new SpecException("--paths/--assets/--repeat", "must all be >= 1 but were " + paths + "/" + n + "/"
                    + repeat);
        }
        if (n > MAX_ASSETS) {
            throw new SpecException("--assets", "must be at most " + MAX_ASSETS + " but was " + n);
        }
        if (paths > Spec.MAX_PATHS) {
            throw new SpecException("--paths", "must be at most " + Spec.MAX_PATHS + " but was " + paths);
        }
        if (spec != null && assets != null) {
            throw new SpecException("--assets", assets + " cannot be given with --spec, which compares the spec with "
                    + "the workload of as many assets as the spec has; drop --assets");
        }
        return n;
    }

    /**
     * The spec and the workload on one engine, or the engine named with what of the spec it lacks (and then no
     * kernel facts either: its kernels for the spec may not even build).
     */
    private void compare(Engine engine, CompiledProblem specProblem, CompiledProblem plain, String unit) {
        List<String> missing = engine.unimplemented(specProblem);
        if (!missing.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-8s does not run this spec: it lacks %s  [%s]%n", engine.name(),
                    String.join(", ", missing), engine.description());
            return;
        }
        // with a spec monitored otherwise, the same workload monitored as the spec is too: what the spec's mechanics
        // cost, apart from its monitoring
        boolean otherMonitoring = specProblem.monitoring != plain.monitoring;
        Measured[] runs = otherMonitoring
                ? measure(engine, specProblem, plain, plain.withMonitoring(specProblem.monitoring))
                : measure(engine, specProblem, plain);
        Measured specRun = runs[0];
        Measured plainRun = runs[1];
        System.out.printf(Locale.ROOT, "%-8s spec %.3e %s (%.3f s), workload %.3e %s (%.3f s), ratio %.3gx  [%s]%n",
                engine.name(), specRun.rate(), unit, specRun.seconds(), plainRun.rate(), unit, plainRun.seconds(),
                specRun.rate() / plainRun.rate(), engine.description());
        if (otherMonitoring) {
            Measured monitored = runs[2];
            System.out.printf(Locale.ROOT, "%-8s workload monitored %s as the spec is %.3e %s (%.3f s), ratio %.3gx%n",
                    "", specProblem.monitoring.key(), monitored.rate(), unit, monitored.seconds(),
                    specRun.rate() / monitored.rate());
        }
        printKernelFacts(engine, specProblem);
    }

    /** The best time of one measurement and the asset-path-steps per second it gives. */
    private record Measured(double seconds, double rate) {
    }

    /**
     * {@code problems} on {@code engine}, each the best of {@link #repeat} timed runs after one untimed warm-up, since
     * the first run pays for kernel builds and JIT compilation. The timed runs take turns, one of each problem a
     * round, so that whatever slows the machine for a while slows them alike and their ratios hold.
     */
    private Measured[] measure(Engine engine, CompiledProblem... problems) {
        // the statistics are closed at once: on OpenCL they hold device memory
        for (CompiledProblem problem : problems) {
            long warmUp = Math.max(1, Math.min(paths, WARM_UP_PATH_STEPS / problem.steps));
            engine.run(problem, 0, warmUp, Engine.ProgressListener.NONE).close();
        }
        double[] best = new double[problems.length];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int r = 0; r < repeat; r++) {
            for (int k = 0; k < problems.length; k++) {
                long start = System.nanoTime();
                PathStats stats = engine.run(problems[k], 0, paths, Engine.ProgressListener.NONE);
                best[k] = Math.min(best[k], (System.nanoTime() - start) / 1e9);
                stats.close();
            }
        }
        Measured[] measured = new Measured[problems.length];
        for (int k = 0; k < problems.length; k++) {
            CompiledProblem problem = problems[k];
            measured[k] = new Measured(best[k], (double) paths * problem.steps * problem.assets / best[k]);
        }
        return measured;
    }

    /**
     * On OpenCL, what the device compiler made of the kernels just measured: private memory per work-item shows
     * register spills on a GPU, which throughput alone does not explain.
     */
    private static void printKernelFacts(Engine engine, CompiledProblem problem) {
        if (engine instanceof OpenClEngine opencl) {
            for (KernelFacts facts : opencl.kernelFacts(problem)) {
                System.out.println("         kernel " + facts.describe());
            }
        }
    }
}
