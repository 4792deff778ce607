package io.marginsim.analysis;

import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.result.Report;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Scenario;
import io.marginsim.spec.ScenarioSet;
import io.marginsim.spec.Spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a spec and its named stress scenarios side by side. Every run keeps the baseline's seed (common random numbers):
 * path p of every scenario sees the same draws, so the differences between the reports come from the overlays and not
 * from sampling noise. The engine is opened once for all the runs.
 */
public final class ScenarioRun {
    private ScenarioRun() {
    }

    /**
     * The baseline's report and one per scenario run.
     *
     * @param scenarios by name, in the spec's order (JSON keeps that order)
     */
    public record Result(Report baseline, Map<String, Report> scenarios) {
        public Result {
            scenarios = Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
        }
    }

    /** Runs the baseline and every scenario. */
    public static Result run(ScenarioSet set, Engines.Options options) throws EngineUnavailableException {
        return run(set, List.of(), options, Engine.ProgressListener.NONE);
    }

    /**
     * Runs the baseline and the scenarios named in {@code only} (all of them when empty).
     *
     * @throws io.marginsim.check.SpecException when a name in {@code only} is not one of the spec's scenarios; nothing
     *                                         has run then
     */
    public static Result run(ScenarioSet set, List<String> only, Engines.Options options,
                             Engine.ProgressListener progress) throws EngineUnavailableException {
        List<Scenario> chosen = set.select(only, "--scenario");
        // every scenario's spec is built, and so checked, before the first path runs: a bad one fails before any work
        Map<String, Spec> specs = new LinkedHashMap<>();
        for (Scenario s : chosen) {
            specs.put(s.name(), set.spec(s));
        }
        Spec baseline = set.baseline();
        Engines.Selection selection = Engines.select(baseline.engine(), options);
        try (Engine _ = selection.engine()) {
            Report base = report(baseline, selection, options, progress);
            Map<String, Report> reports = new LinkedHashMap<>();
            for (Map.Entry<String, Spec> e : specs.entrySet()) {
                reports.put(e.getKey(), report(e.getValue(), selection, options, progress));
            }
            return new Result(base, reports);
        }
    }

    private static Report report(Spec spec, Engines.Selection selection, Engines.Options options,
                                 Engine.ProgressListener progress) throws EngineUnavailableException {
        try (Simulation run = Simulator.run(spec, selection, options, progress)) {
            return run.report();
        }
    }
}
