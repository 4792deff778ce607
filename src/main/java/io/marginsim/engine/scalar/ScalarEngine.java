package io.marginsim.engine.scalar;

import io.marginsim.check.Counts;
import io.marginsim.engine.ContinuousAccount;
import io.marginsim.engine.LiquidatingAccount;
import io.marginsim.engine.MarketPath;
import io.marginsim.engine.ParallelCpuEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.Valuation;
import io.marginsim.spec.Monitoring;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The reference engine: plain double-precision Java, one path at a time, written to be read. It is the
 * executable definition of the math documented on {@link CompiledProblem}; the other engines are tested against
 * it path by path.
 */
public final class ScalarEngine extends ParallelCpuEngine {
    private static final Set<Feature> EVERY_FEATURE = Feature.setOf(EnumSet.allOf(Feature.class));

    public ScalarEngine() {
        this(Runtime.getRuntime().availableProcessors(), DEFAULT_CHUNK);
    }

    public ScalarEngine(int threads, int chunk) {
        super(threads, chunk);
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public String description() {
        return "scalar reference, double precision, " + Counts.of(threads(), "thread");
    }

    /**
     * The reference defines the math, so it implements every feature by definition: {@link #unimplemented} finds
     * nothing missing and {@link #implementsAll} agrees.
     */
    @Override
    public Set<Feature> implementedFeatures() {
        return EVERY_FEATURE;
    }

    @Override
    public void simulate(CompiledProblem problem, long firstPath, PathBlock out) {
        PathSimulator simulator = new PathSimulator(problem);
        for (int i = 0; i < out.size(); i++) {
            simulator.simulate(firstPath + i, out, i);
        }
    }

    /** The per-path state of the reference math; one instance per thread, reused across paths. */
    static final class PathSimulator {
        private final CompiledProblem p;
        private final MarketPath market;
        private final double[] logReturn;
        private final double[] logPrice;
        private final double[] price;
        /** Isolated mode: equity of each position, frozen once the position is liquidated. */
        private final double[] closedEquity;
        private final boolean[] open;
        /** Isolated mode: each position's first breach step, {@link PathBlock#NO_BREACH} while open. */
        private final int[] positionBreach;
        /** Null for the plain breach model, whose loop below stays exactly as it was. */
        private final LiquidatingAccount account;
        private final double[] previousLogPrice;
        /** Per-step conditional variances, for haircuts that follow the path; null when none do. */
        private final double[] variance;
        /** Null for discrete monitoring, whose loop below stays exactly as it was. */
        private final ContinuousAccount monitored;
        /** Continuous monitoring: the step's diffusion covariance and its starting prices. */
        private final double[] covariance;
        private final double[] previousPrice;

        PathSimulator(CompiledProblem problem) {
            p = problem;
            market = new MarketPath(problem);
            logReturn = new double[problem.assets];
            logPrice = new double[problem.assets];
            price = new double[problem.assets];
            closedEquity = new double[problem.positions];
            open = new boolean[problem.positions];
            positionBreach = new int[problem.positions];
            account = problem.frictions.isNone() ? null : new LiquidatingAccount(problem);
            previousLogPrice = new double[problem.assets];
            variance = problem.frictions.haircuts() == null ? null : new double[problem.assets];
            boolean continuous = problem.monitoring == Monitoring.CONTINUOUS;
            monitored = continuous && account == null ? new ContinuousAccount(problem) : null;
            covariance = continuous ? new double[problem.assets * problem.assets] : null;
            previousPrice = continuous ? new double[problem.assets] : null;
        }

        void simulate(long path, PathBlock out, int slot) {
            p.initialLogPrice.copyTo(0, logPrice, 0, p.assets);
            // every path starts from the model's initial state (GARCH variance, DCC), whatever ran before it
            market.start();
            if (account != null) {
                simulateWithFrictions(path, out, slot);
                return;
            }
            if (monitored != null) {
                simulateContinuous(path, out, slot);
                return;
            }
            Arrays.fill(open, true);
            Arrays.fill(positionBreach, PathBlock.NO_BREACH);
            int firstBreach = PathBlock.NO_BREACH;
            double worst = Double.NEGATIVE_INFINITY;
            double frozenEquity = Double.NaN;
            for (int step = 1; step <= p.steps; step++) {
                advancePrices(path, step);
                double shortfall;
                if (p.isolated) {
                    shortfall = isolatedShortfall(step);
                } else {
                    double equity = Valuation.crossEquity(p, price);
                    shortfall = Valuation.crossRequirement(p, price) - equity;
                    if (shortfall > 0 && firstBreach == PathBlock.NO_BREACH) {
                        frozenEquity = equity;
                    }
                }
                if (shortfall > worst) {
                    worst = shortfall;
                }
                if (shortfall > 0 && firstBreach == PathBlock.NO_BREACH) {
                    firstBreach = step;
                }
            }
            out.firstBreachStep[slot] = firstBreach;
            out.worstShortfall[slot] = worst;
            out.terminalEquity[slot] = p.isolated ? isolatedTerminalEquity()
                    : firstBreach == PathBlock.NO_BREACH ? Valuation.crossEquity(p, price) : frozenEquity;
            if (out.scopes != null) {
                out.scopes.writePositions(p, slot, positionBreach, closedEquity, price);
            }
        }

        /**
         * Carrying costs, liquidation mechanics and haircuts that follow the path: see {@link LiquidatingAccount}.
         * Without a liquidation object its breach closes at the breach step's price at no cost, as the plain loop
         * above does.
         */
        private void simulateWithFrictions(long path, PathBlock out, int slot) {
            account.start();
            p.initialPrice.copyTo(0, price, 0, p.assets);
            for (int step = 1; step <= p.steps; step++) {
                System.arraycopy(logPrice, 0, previousLogPrice, 0, p.assets);
                if (covariance != null) {
                    // the covariance reads the model's state before the step moves it on
                    market.stepCovariance(step, covariance);
                    System.arraycopy(price, 0, previousPrice, 0, p.assets);
                }
                advancePrices(path, step);
                if (variance != null) {
                    market.conditionalVariance(variance);
                    account.haircutVariance(variance);
                }
                if (covariance == null) {
                    account.step(step, logPrice, previousLogPrice, price);
                } else {
                    account.step(path, step, logPrice, previousLogPrice, price, previousPrice, covariance);
                }
            }
            account.write(price, out, slot);
        }

        /** The plain breach model checked between steps as well: see {@link ContinuousAccount}. */
        private void simulateContinuous(long path, PathBlock out, int slot) {
            monitored.start();
            p.initialPrice.copyTo(0, price, 0, p.assets);
            for (int step = 1; step <= p.steps; step++) {
                // the covariance reads the model's state before the step moves it on
                market.stepCovariance(step, covariance);
                System.arraycopy(logPrice, 0, previousLogPrice, 0, p.assets);
                System.arraycopy(price, 0, previousPrice, 0, p.assets);
                advancePrices(path, step);
                monitored.step(path, step, previousLogPrice, previousPrice, logPrice, price, covariance);
            }
            monitored.write(price, out, slot);
        }

        private void advancePrices(long path, int step) {
            market.step(path, step, logReturn);
            for (int a = 0; a < p.assets; a++) {
                logPrice[a] += logReturn[a];
                price[a] = Math.exp(logPrice[a]);
            }
        }

        private double isolatedShortfall(int step) {
            double worst = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < p.positions; i++) {
                double mark = price[p.positionAsset.get(i)];
                double equity = Valuation.isolatedEquity(p, i, mark);
                double shortfall = Valuation.positionRequirement(p, i, mark) - equity;
                if (shortfall > 0 && open[i]) {
                    open[i] = false;
                    closedEquity[i] = equity;
                    positionBreach[i] = step;
                }
                worst = Math.max(worst, shortfall);
            }
            return worst;
        }

        /** Account equity with each liquidated position replaced by its equity when it was closed. */
        private double isolatedTerminalEquity() {
            double equity = Valuation.isolatedAccountEquity(p, price);
            for (int i = 0; i < p.positions; i++) {
                if (!open[i]) {
                    equity += closedEquity[i] - Valuation.isolatedEquity(p, i, price[p.positionAsset.get(i)]);
                }
            }
            return equity;
        }
    }
}
