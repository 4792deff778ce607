package io.marginsim.analysis;

import io.marginsim.check.SpecException;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.model.Account;
import io.marginsim.model.MarginMode;
import io.marginsim.model.Position;
import io.marginsim.result.Intervals;
import io.marginsim.result.Report;
import io.marginsim.result.ReportBuilder;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Spec;
import io.marginsim.stats.PathStats;

import java.util.ArrayList;
import java.util.List;

/**
 * Solves for the buffer that keeps the probability of breaching maintenance margin within the horizon at or below
 * a target: either extra cash (one simulation, an exact quantile of the worst shortfall) or a scale factor on every
 * position's size (bisection, every evaluation with the spec's seed so the estimate is a monotone step function of
 * the scale instead of a noisy one).
 */
public final class BufferSolver {
    /** Bisection stops when the bracket is this narrow relative to the scale. */
    public static final double SCALE_TOLERANCE = 1e-4;
    /** Doubling or halving the scale more often than this means the target cannot be reached by scaling. */
    private static final int MAX_BRACKET_STEPS = 30;

    private BufferSolver() {
    }

    /**
     * Extra cash (isolated mode: extra margin on every position) that brings breach probability to at most the
     * target.
     *
     * @param bufferCi95            distribution-free 95% interval of the buffer
     * @param breachProbability     breach probability without the buffer, with its Wilson 95% interval
     */
    public record CashSolution(double target, String appliesTo, double buffer, double[] bufferCi95,
                               double breachProbability, double[] breachProbabilityCi95, long paths, long seed,
                               String engine) {
    }

    /**
     * The largest scale factor on every position's size with breach probability at most the target.
     *
     * @param sizes                 position sizes after scaling, in spec order
     * @param leverage              total notional at today's prices / initial equity, after scaling
     * @param breachProbability     at the solution, with its Wilson 95% interval
     * @param evaluations           simulations run, all with the same seed
     */
    public record SizeSolution(double target, double scale, List<Double> sizes, double leverage,
                               double breachProbability, double[] breachProbabilityCi95, long paths, long seed,
                               String engine, int evaluations) {
    }

    public static CashSolution solveCash(Spec spec, double target, Engines.Options options)
            throws EngineUnavailableException {
        checkTarget(target);
        if (!Intervals.resolvesUpperTail(spec.paths(), target)) {
            throw new SpecException("--target", "must be at least " + Intervals.smallestResolvableTarget(spec.paths())
                    + ", the smallest breach probability " + spec.paths() + " paths resolve (below it the 95% interval "
                    + "of the buffer reaches past the largest shortfall), but was " + ReportBuilder.key(target) + "; run at least "
                    + Intervals.pathsToResolve(target) + " paths (--paths) for it");
        }
        try (Simulation run = Simulator.run(spec, options, Engine.ProgressListener.NONE)) {
            PathStats stats = run.stats();
            double[] buffer = ReportBuilder.buffersWithCi95(stats.worstShortfall(), target)[0];
            long breaches = stats.breaches();
            String appliesTo = spec.account().mode() == MarginMode.ISOLATED ? "margin of every position"
                    : "account cash";
            return new CashSolution(target, appliesTo, clearOfRounding(spec, buffer[0]),
                    new double[] {buffer[1], buffer[2]},
                    (double) breaches / stats.paths(), Intervals.wilson(breaches, stats.paths(), Intervals.Z95),
                    stats.paths(), spec.seed(), run.report().engine());
        }
    }

    /**
     * The buffer, an exact order statistic of the worst shortfall, raised by a few units in the last place of the
     * account's amounts. The path whose worst shortfall is the buffer itself has, with the buffer added, a shortfall
     * of zero in exact arithmetic and so does not breach; in floating point its equity is summed again from the new
     * cash, and the rounding may leave it a breach by 1e-13, one path over the target on the same seed.
     */
    private static double clearOfRounding(Spec spec, double buffer) {
        Account a = spec.account();
        double magnitude = Math.max(Math.abs(buffer), Math.abs(a.cash()));
        for (Position p : a.positions()) {
            magnitude = Math.max(magnitude, Math.abs(p.size() * p.entryPrice()) + Math.abs(p.margin()));
        }
        return buffer + 64 * Math.ulp(magnitude);
    }

    /** The spec with {@code buffer} added where {@link #solveCash} says it applies. */
    public static Spec withBuffer(Spec spec, double buffer) {
        Account a = spec.account();
        if (a.mode() == MarginMode.CROSS) {
            return spec.withAccount(new Account(a.mode(), a.cash() + buffer, a.collateral(), a.debts(), a.positions(),
                    a.portfolioMargin()));
        }
        List<Position> positions = new ArrayList<>();
        for (Position p : a.positions()) {
            positions.add(new Position(p.asset(), p.size(), p.entryPrice(), p.rule(), p.margin() + buffer));
        }
        return spec.withAccount(new Account(a.mode(), a.cash(), a.collateral(), a.debts(), positions,
                a.portfolioMargin()));
    }

    /**
     * The spec with every position's size multiplied by {@code scale}; isolated margins stay as they are. An inverse
     * contract scales its number of contracts, its coin margin kept, and is compiled again: its USD equivalent is not
     * a multiple of the unscaled one (isolated coin margin is part of the equivalent's size).
     */
    public static Spec scaled(Spec spec, double scale) {
        Account a = spec.account();
        List<Position> positions = new ArrayList<>();
        for (Position p : a.positions()) {
            positions.add(p.inverse() != null ? p.inverse().scaled(scale).linear(a.mode())
                    : new Position(p.asset(), p.size() * scale, p.entryPrice(), p.rule(), p.margin()));
        }
        return spec.withAccount(new Account(a.mode(), a.cash(), a.collateral(), a.debts(), positions,
                a.portfolioMargin()));
    }

    public static SizeSolution solveSize(Spec spec, double target, Engines.Options options)
            throws EngineUnavailableException {
        checkTarget(target);
        if (spec.account().positions().isEmpty()) {
            throw new SpecException("account.positions", "must hold at least one position to solve for size but was empty");
        }
        if (target < Intervals.smallestDistinguishableProbability(spec.paths())) {
            throw new SpecException("--target", "must be at least " + Intervals.smallestDistinguishableProbability(
                    spec.paths()) + ", the smallest breach probability " + spec.paths() + " paths tell from zero (with "
                    + "no breach the 95% interval still reaches it), but was " + ReportBuilder.key(target)
                    + "; run at least " + Intervals.trialsToDistinguish(target) + " paths (--paths) for it");
        }
        try (Evaluator eval = new Evaluator(spec, options)) {
            return solveSize(spec, target, eval);
        }
    }

    private static SizeSolution solveSize(Spec spec, double target, Evaluator eval) throws EngineUnavailableException {
        // Bracket [ok, bad]: breach probability <= target at ok, > target at bad.
        double ok;
        double bad;
        if (eval.meets(1, target)) {
            ok = 1;
            bad = 2;
            for (int i = 0; eval.meets(bad, target); i++) {
                if (i == MAX_BRACKET_STEPS) {
                    throw new SpecException("--target", "is never exceeded: breach probability stays at most " + target
                            + " up to scale factor " + bad + ", so size is not what limits this account");
                }
                ok = bad;
                bad *= 2;
            }
        } else {
            bad = 1;
            ok = 0.5;
            for (int i = 0; !eval.meets(ok, target); i++) {
                if (i == MAX_BRACKET_STEPS) {
                    throw new SpecException("--target", "cannot be met by scaling positions: breach probability is "
                            + eval.last.breachProbability() + " > " + target + " even at scale factor " + ok);
                }
                bad = ok;
                ok /= 2;
            }
        }
        while (bad - ok > SCALE_TOLERANCE * ok) {
            double mid = 0.5 * (ok + bad);
            if (eval.meets(mid, target)) {
                ok = mid;
            } else {
                bad = mid;
            }
        }
        Report at = eval.report(ok);
        Spec solved = scaled(spec, ok);
        List<Double> sizes = new ArrayList<>();
        double notional = 0;
        for (Position p : solved.account().positions()) {
            sizes.add(p.size());
            notional += Math.abs(p.size()) * solved.assets().get(solved.assetIndex(p.asset())).price();
        }
        return new SizeSolution(target, ok, sizes, notional / at.initialEquity(), at.breachProbability(),
                at.breachProbabilityCi95(), at.paths(), spec.seed(), at.engine(), eval.evaluations);
    }

    /**
     * Breach probability at a scale factor; every call uses the spec's seed (common random numbers) and the one
     * engine opened for the whole search.
     */
    private static final class Evaluator implements AutoCloseable {
        private final Spec spec;
        private final Engines.Selection engine;
        private final Engines.Options options;
        private Report last;
        private int evaluations;

        Evaluator(Spec spec, Engines.Options options) throws EngineUnavailableException {
            this.spec = spec;
            this.engine = Engines.select(spec.engine(), options);
            this.options = options;
        }

        Report report(double scale) throws EngineUnavailableException {
            evaluations++;
            try (Simulation run = Simulator.run(scaled(spec, scale), engine, options, Engine.ProgressListener.NONE)) {
                last = run.report();
            }
            return last;
        }

        boolean meets(double scale, double target) throws EngineUnavailableException {
            return report(scale).breachProbability() <= target;
        }

        @Override
        public void close() {
            engine.engine().close();
        }
    }

    private static void checkTarget(double target) {
        if (!(target > 0 && target < 1)) {
            throw new SpecException("--target", "must be a breach probability strictly between 0 and 1 but was " + target);
        }
    }
}
