package io.marginsim.engine;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.stats.PathStats;

import java.util.List;
import java.util.Set;

/**
 * A way of running the simulation defined by {@link CompiledProblem}. Every engine produces, for the same
 * problem and path index, the same outcome as the scalar reference engine up to floating-point rounding,
 * because all of them draw the same shocks from {@link io.marginsim.rng.ShockStream}.
 */
public interface Engine extends AutoCloseable {

    /** Short name used in specs, reports and the command line ({@code scalar}, {@code vector}, {@code opencl}). */
    String name();

    /** One line saying what hardware the engine runs on, for reports and logs. */
    String description();

    /**
     * Simulates paths {@code firstPath .. firstPath + out.size() - 1} and writes each path's outcome into
     * {@code out}. Meant for tests and small runs: large runs go through {@link #run}.
     */
    void simulate(CompiledProblem problem, long firstPath, PathBlock out);

    /** Simulates {@code count} paths starting at {@code firstPath} and reduces them to statistics. */
    PathStats run(CompiledProblem problem, long firstPath, long count, ProgressListener progress);

    /**
     * The features of {@link CompiledProblem#featuresInUse()} this engine implements, so that it runs problems that
     * use them. A membership set, not a version: features added later to the reference stay refused until an engine
     * names them here.
     */
    default Set<Feature> implementedFeatures() {
        return Set.of();
    }

    /**
     * What of {@code problem} this engine does not run, named for users: the labels of the features beyond
     * {@link #implementedFeatures()} ({@link CompiledProblem#featuresBeyond}), and for an engine with limits of its
     * own, a feature used past them (which is why these are sentences' parts, not {@link Feature}s). Empty when it
     * runs the problem.
     */
    default List<String> unimplemented(CompiledProblem problem) {
        return Feature.labels(problem.featuresBeyond(implementedFeatures()));
    }

    /**
     * Whether this engine implements every feature {@code problem} uses. The scalar reference implements all;
     * a faster engine may lag behind and then names what it lacks through {@link #unimplemented}.
     */
    default boolean implementsAll(CompiledProblem problem) {
        return unimplemented(problem).isEmpty();
    }

    @Override
    default void close() {
    }

    /** Receives the number of paths finished since the previous call; called from any thread. */
    @FunctionalInterface
    interface ProgressListener {
        ProgressListener NONE = paths -> { };

        void pathsDone(long paths);
    }
}
