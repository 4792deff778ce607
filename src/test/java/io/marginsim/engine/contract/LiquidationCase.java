package io.marginsim.engine.contract;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.spec.Monitoring;

import java.util.function.Supplier;

/**
 * One liquidating account of the contract suite (carrying costs and liquidation mechanics): a name for reports, the
 * problem, how many paths the reference runs from which first path (an engine compares their first
 * {@link #compared}), the breaches the reference must have, and what the account is there to exercise.
 *
 * @param kernelPaths  the most paths the OpenCL engines compare, fewer than {@link EngineUnderTest#maxPaths} where
 *                     the account breaches on so many paths that fewer still check much (OpenCL on a CPU is slow)
 * @param minBreaches  how many of the reference's paths must be exceeded by those that breach, so that the mechanics
 *                     run on many paths (in proportion where an engine compares fewer)
 * @param outlierShare the share of paths whose outcomes may lie beyond the tolerance on every engine, or 0 for each
 *                     engine's own share under the problem's monitoring ({@link #outliers})
 * @param exercises    checks on the reference that the problem exercises what it is named for, so that agreement
 *                     means something (several events, bad debt, a binding cap)
 */
record LiquidationCase(String name, Supplier<CompiledProblem> source, int paths, long firstPath, int kernelPaths,
                       int minBreaches, double outlierShare, Exercise exercises) {

    /** What a case checks on its reference over {@link #paths} paths. */
    @FunctionalInterface
    interface Exercise {
        Exercise NOTHING = (problem, reference) -> { };

        void check(CompiledProblem problem, PathBlock reference);

        default Exercise and(Exercise next) {
            return (problem, reference) -> {
                check(problem, reference);
                next.check(problem, reference);
            };
        }
    }

    /** This case with outcomes allowed beyond the tolerance on {@code share} of the paths, on every engine. */
    LiquidationCase withOutliers(double share) {
        return new LiquidationCase(name, source, paths, firstPath, kernelPaths, minBreaches, share, exercises);
    }

    /** The paths {@code under} compares, from the first: the case's, at most the engine's and the kernels'. */
    int compared(EngineUnderTest under) {
        int most = under == EngineUnderTest.VECTOR_FLOAT ? under.maxPaths : Math.min(under.maxPaths, kernelPaths);
        return Math.min(paths, most);
    }

    /** Paths of {@code paths} compared on {@code under} whose outcomes may lie beyond its tolerance. */
    int outliers(EngineUnderTest under, CompiledProblem problem, int paths) {
        double share = outlierShare > 0 ? outlierShare
                : problem.monitoring == Monitoring.CONTINUOUS ? under.continuousOutlierShare : 0;
        return (int) (share * paths);
    }

    /** The least breaches out of {@code compared} paths, in the proportion of {@link #minBreaches} to the paths. */
    int minBreaches(int compared) {
        return (int) ((long) minBreaches * compared / paths);
    }

    @Override
    public String toString() {
        return name;
    }
}
