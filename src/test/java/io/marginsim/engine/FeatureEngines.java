package io.marginsim.engine;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.stats.PathStats;

import java.util.Set;

/** Engines for selection tests: they name the features they implement and are never meant to run. */
public final class FeatureEngines {
    private FeatureEngines() {
    }

    /** An engine called {@code test} implementing exactly {@code features}; it simulates nothing. */
    public static Engine implementing(Set<Feature> features) {
        return new Engine() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public void simulate(CompiledProblem problem, long firstPath, PathBlock out) {
            }

            @Override
            public PathStats run(CompiledProblem problem, long firstPath, long count, ProgressListener progress) {
                return null;
            }

            @Override
            public Set<Feature> implementedFeatures() {
                return features;
            }
        };
    }
}
