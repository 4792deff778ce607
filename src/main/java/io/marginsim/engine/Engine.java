package io.marginsim.engine;

import io.marginsim.result.PathStats;

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
     * Whether this engine implements every feature {@code problem} uses. The scalar reference implements all;
     * a faster engine may lag behind and then names what it lacks through
     * {@link CompiledProblem#referenceOnlyFeatures()}.
     */
    default boolean implementsAll(CompiledProblem problem) {
        return missingFeatures(problem).isEmpty();
    }

    /**
     * The features of {@link CompiledProblem#referenceOnlyFeatures()} this engine implements, by name: membership,
     * not the list being empty, decides, so features added to that list later stay refused until listed here.
     */
    default Set<String> implementedFeatures() {
        return Set.of();
    }

    /** What {@code problem} uses that this engine lacks, named for users; empty when it can run it. */
    default List<String> missingFeatures(CompiledProblem problem) {
        return problem.featuresMissingFrom(implementedFeatures());
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
