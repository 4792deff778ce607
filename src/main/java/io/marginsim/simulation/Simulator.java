package io.marginsim.simulation;

import io.marginsim.check.SpecException;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Valuation;
import io.marginsim.result.Report;
import io.marginsim.result.ReportBuilder;
import io.marginsim.result.ScopeReport;
import io.marginsim.spec.Spec;
import io.marginsim.stats.PathStats;

import java.util.Locale;

/** Runs a spec end to end: compile, choose the engine, simulate every path, report. */
public final class Simulator {
    private Simulator() {
    }

    public static Report simulate(Spec spec) throws EngineUnavailableException {
        return simulate(spec, Engines.Options.defaults(), Engine.ProgressListener.NONE);
    }

    public static Report simulate(Spec spec, Engines.Options options, Engine.ProgressListener progress)
            throws EngineUnavailableException {
        try (Simulation run = run(spec, options, progress)) {
            return run.report();
        }
    }

    /**
     * Like {@link #simulate} but keeps the per-path statistics beside the report; they may hold device memory
     * (and keep the device's context alive) until the caller closes the result.
     */
    public static Simulation run(Spec spec, Engines.Options options, Engine.ProgressListener progress)
            throws EngineUnavailableException {
        // before an engine (a device context, a kernel build) is opened for a run that cannot fit
        checkMemory(spec);
        Engines.Selection selection = Engines.select(spec.engine(), options);
        try (Engine _ = selection.engine()) {
            return run(spec, selection, options, progress);
        }
    }

    /**
     * Runs the spec on an engine the caller already opened and keeps open, so that many small runs (sweep cells)
     * do not pay for thread pools, device contexts or kernel builds each time.
     */
    public static Simulation run(Spec spec, Engines.Selection chosen, Engines.Options options,
                                 Engine.ProgressListener progress) throws EngineUnavailableException {
        checkMemory(spec);
        CompiledProblem problem = ProblemCompiler.compile(spec);
        Engines.Selection selection = Engines.forProblem(chosen, problem, options);
        try {
            return run(spec, problem, selection, progress);
        } finally {
            if (selection != chosen) {
                selection.engine().close();
            }
        }
    }

    /** Statistics of the paths {@code firstPath .. firstPath + count - 1} alone, with the engine that ran them. */
    public record Range(PathStats stats, String engine, String note, double seconds) {
    }

    /**
     * Simulates one contiguous range of the spec's paths on an engine the caller keeps open. A path's shocks depend
     * only on its index, so the ranges of a split run, merged, hold exactly the statistics of the whole run; turn
     * them into the whole run's report with {@link #of}.
     */
    public static Range runRange(Spec spec, Engines.Selection chosen, Engines.Options options, long firstPath,
                                 long count) throws EngineUnavailableException {
        CompiledProblem problem = ProblemCompiler.compile(spec);
        Engines.Selection selection = Engines.forProblem(chosen, problem, options);
        try {
            long start = System.nanoTime();
            PathStats stats = selection.engine().run(problem, firstPath, count, Engine.ProgressListener.NONE);
            return new Range(stats, selection.engine().name(), selection.note(), (System.nanoTime() - start) / 1e9);
        } finally {
            if (selection != chosen) {
                selection.engine().close();
            }
        }
    }

    /**
     * The simulation of {@code spec} whose statistics were gathered elsewhere (merged ranges); {@code seconds} is the
     * simulation time the report's speed is taken over. Closes the statistics if the report cannot be built.
     */
    public static Simulation of(Spec spec, PathStats stats, String engine, String note, double seconds) {
        return of(ProblemCompiler.compile(spec), stats, engine, note, seconds);
    }

    /**
     * Refuses a run whose per-path samples ({@link PathStats#bytesPerPath}) cannot fit in the Java heap, before it
     * starts: otherwise it would spend hours in garbage collection and then fail without a result.
     *
     * @param field the input that set {@code paths}, named in the error
     */
    public static void checkMemory(String field, long paths, boolean liquidation) {
        long perPath = PathStats.bytesPerPath(liquidation);
        double needed = (double) paths * perPath;
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap) {
            throw new SpecException(field, String.format(Locale.ROOT, "must be at most %d with this Java heap but was "
                    + "%d: its per-path samples need about %s (%d bytes a path) and the heap holds at most %s (run "
                    + "fewer paths or raise -Xmx)", heap / perPath, paths, gigabytes(needed), perPath,
                    gigabytes(heap)));
        }
    }

    private static void checkMemory(Spec spec) {
        checkMemory("paths", spec.paths(), spec.microstructure().liquidation() != null);
    }

    private static String gigabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    private static Simulation run(Spec spec, CompiledProblem problem, Engines.Selection selection,
                                  Engine.ProgressListener progress) {
        Engine engine = selection.engine();
        long start = System.nanoTime();
        PathStats stats = engine.run(problem, 0, spec.paths(), progress);
        return of(problem, stats, engine.name(), selection.note(), (System.nanoTime() - start) / 1e9);
    }

    private static Simulation of(CompiledProblem problem, PathStats stats, String engine, String note,
                                 double seconds) {
        try {
            Report report = ReportBuilder.build(stats, runInfo(problem, engine, note, seconds));
            return new Simulation(stats, report.withScopes(scopeReport(problem, stats, report, engine)));
        } catch (RuntimeException e) {
            stats.close();
            throw e;
        }
    }

    /** Each margin scope's risk: every position in isolated mode, the one pool in cross mode. */
    private static ScopeReport scopeReport(CompiledProblem problem, PathStats stats, Report report, String engine) {
        if (!problem.isolated) {
            return ScopeReport.cross(report, stats.terminalEquity());
        }
        return ScopeReport.isolated(stats.scopes(), positionNames(problem), problem.stepDays, engine);
    }

    /** {@code position N (ASSET long|short)}: numbered from 1 in the spec's order, as two may share an asset. */
    public static String[] positionNames(CompiledProblem problem) {
        String[] names = new String[problem.positions];
        for (int i = 0; i < problem.positions; i++) {
            names[i] = "position " + (i + 1) + " (" + problem.assetNames.get(problem.positionAsset.get(i))
                    + (problem.positionSize.get(i) < 0 ? " short" : " long") + ")";
        }
        return names;
    }

    /** Everything a report needs besides the statistics, including the account's state at the start. */
    public static ReportBuilder.RunInfo runInfo(CompiledProblem problem, String engine, String note, double elapsed) {
        double[] price = Valuation.initialPrices(problem);
        double equity;
        double requirement;
        double ratio;
        if (problem.isolated) {
            equity = 0;
            requirement = 0;
            ratio = 0;
            for (int i = 0; i < problem.positions; i++) {
                double mark = price[problem.positionAsset.get(i)];
                double e = Valuation.isolatedEquity(problem, i, mark);
                double r = Valuation.positionRequirement(problem, i, mark);
                equity += e;
                requirement += r;
                ratio = Math.max(ratio, e > 0 ? r / e : Double.POSITIVE_INFINITY);
            }
        } else {
            equity = Valuation.crossEquity(problem, price);
            requirement = Valuation.crossRequirement(problem, price);
            ratio = equity > 0 ? requirement / equity : Double.POSITIVE_INFINITY;
        }
        return new ReportBuilder.RunInfo(engine, note, problem.stepDays, problem.seed,
                problem.monitoring.key(), equity, requirement, ratio,
                elapsed);
    }
}
