package io.marginsim.analysis;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Engines;
import io.marginsim.engine.ProblemCompiler;
import io.marginsim.engine.Simulator;
import io.marginsim.result.PathStats;
import io.marginsim.result.Report;
import io.marginsim.result.ReportBuilder;
import io.marginsim.spec.Spec;

/**
 * One simulation that keeps its {@link PathStats} beside the report, for analyses that need quantiles at
 * levels the report does not carry (a buffer for any target). The statistics hold one value per path, so
 * callers keep one of these at a time.
 */
record Simulation(PathStats stats, Report report) {

    static Simulation run(Spec spec, Engines.Options options, Engine.ProgressListener progress)
            throws EngineUnavailableException {
        CompiledProblem problem = ProblemCompiler.compile(spec);
        Engines.Selection selection = Engines.select(spec.engine(), options);
        try (Engine engine = selection.engine()) {
            long start = System.nanoTime();
            PathStats stats = engine.run(problem, 0, spec.paths(), progress);
            double elapsed = (System.nanoTime() - start) / 1e9;
            Report report = ReportBuilder.build(stats, Simulator.runInfo(problem, engine.name(), selection.note(), elapsed));
            return new Simulation(stats, report);
        }
    }
}
