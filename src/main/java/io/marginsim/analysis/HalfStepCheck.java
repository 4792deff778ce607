package io.marginsim.analysis;

import io.marginsim.check.SpecException;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.problem.Feature;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.Discretisation;
import io.marginsim.result.Report;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;

import java.util.EnumSet;
import java.util.Set;

/**
 * The time-step check of {@code simulate --richardson}: the spec run again at half the steps per day with the same
 * seed, and the full-step estimate's bias read from the difference ({@link Discretisation}). Models whose parameters
 * are per step (GARCH, DCC, AR(1), filtered historical simulation) are another model at another step, so they are
 * refused rather than compared.
 */
public final class HalfStepCheck {
    private static final Set<Feature> PER_STEP = EnumSet.of(Feature.GARCH, Feature.DCC, Feature.AR1,
            Feature.HISTORICAL);

    private HalfStepCheck() {
    }

    /** Runs {@code spec} at half its steps and compares with {@code full}, the report of {@code spec} itself. */
    public static Discretisation run(Spec spec, Report full, Engines.Options options)
            throws EngineUnavailableException {
        if (spec.stepsPerDay() % 2 != 0) {
            throw new SpecException("--richardson", "halves stepsPerDay, so it needs an even stepsPerDay, but the "
                    + "spec has " + spec.stepsPerDay());
        }
        if (spec.steps() % 2 != 0) {
            throw new SpecException("--richardson", "halves the steps, so it needs an even number of them, but "
                    + "horizonDays x stepsPerDay is " + spec.steps());
        }
        EnumSet<Feature> perStep = ProblemCompiler.compile(spec).featuresInUse();
        perStep.retainAll(PER_STEP);
        if (!perStep.isEmpty()) {
            throw new SpecException("--richardson", "halves the steps, but "
                    + String.join(" and ", Feature.labels(perStep))
                    + " has parameters per step, so half the steps would be another model; run without it");
        }
        Spec half = spec.withStepsPerDay(spec.stepsPerDay() / 2);
        double halfProbability;
        try (Simulation run = Simulator.run(half, options, Engine.ProgressListener.NONE)) {
            halfProbability = run.report().breachProbability();
        }
        return Discretisation.of(full.breachProbability(), full.paths(), half.stepsPerDay(), halfProbability,
                half.paths(), spec.monitoring() == Monitoring.CONTINUOUS);
    }
}
