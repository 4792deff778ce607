package io.marginsim.engine.contract;

import io.marginsim.problem.CompiledProblem;

import java.util.function.Supplier;

/**
 * One problem of the contract suite: a name for reports, the problem (built on first use, as some write files to
 * compile), how many paths to compare from which first path, and the tolerance of float lanes relative to the
 * account's gross notional.
 *
 * @param laneRelative the vector engine's tolerance; coin-margined and portfolio accounts carry more float rounding
 *                     through their collateral than linear ones, so they get 1e-5 instead of 5e-6
 */
record Case(String name, Supplier<CompiledProblem> source, int paths, long firstPath, double laneRelative) {
    /** Float lanes' tolerance on linear accounts: observed up to 2.3e-6 of gross notional (GARCH, 128 steps). */
    static final double LANE_RELATIVE = 5e-6;

    Case(String name, Supplier<CompiledProblem> source, int paths, long firstPath) {
        this(name, source, paths, firstPath, LANE_RELATIVE);
    }

    CompiledProblem problem() {
        return source.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
