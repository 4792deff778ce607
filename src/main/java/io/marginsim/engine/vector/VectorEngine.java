package io.marginsim.engine.vector;

import io.marginsim.check.Counts;
import io.marginsim.engine.ParallelCpuEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.spec.Monitoring;
import io.marginsim.stats.PathStats;

import java.util.EnumSet;
import java.util.Set;

/**
 * The CPU engine built on {@code jdk.incubator.vector}: {@link Lanes#COUNT} paths per vector (one per float
 * lane), float32 arithmetic, all cores through {@link ParallelCpuEngine}. It computes the math of
 * {@link io.marginsim.engine.scalar.ScalarEngine} from the same Philox draws, so first-breach steps agree with
 * the reference on all but paths that pass within float rounding of a threshold.
 *
 * <p>Carrying costs and liquidation mechanics run in lanes, each lane's liquidation events settled by the
 * reference's own account ({@link LaneLiquidation}), under continuous monitoring too where the lanes know which side
 * of the step's bridge each check reads ({@link LaneExtremes}) and for a cross account that several assets move
 * (its Brownian excess, {@link LaneExcessBridge}, a portfolio margin included); otherwise (one asset's excess whose
 * slope may turn over, isolated positions whose side is not known) every step runs per lane in the reference's
 * account ({@link LaneFrictions}), on the prices of the float lanes.
 *
 * <p>The plain breach model under continuous monitoring takes the same lanes: {@link LaneBridge} where one asset
 * moves the account with an excess slope of one sign, otherwise {@link LaneLiquidation} wherever it covers the
 * problem (with no liquidation object a breach closes at the barrier at no cost, as the plain model does; several
 * assets through the Brownian excess, isolated positions through {@link LaneExtremes}), and the reference's own
 * check per lane ({@link LaneContinuous}) for the rest (one asset's excess whose slope may turn over).
 *
 * <p>A block that is not a multiple of the lane count ends with one padded vector whose extra lanes simulate the
 * next path indices and are discarded, rather than with a scalar loop: every path then goes through the same
 * float operations wherever it falls, and results are bit-identical for any chunk size or thread count.
 */
public final class VectorEngine extends ParallelCpuEngine {
    private static final Set<Feature> MODELS = EnumSet.of(Feature.STUDENT_T, Feature.T_COPULA,
            Feature.MERTON_JUMPS, Feature.GARCH, Feature.AR1, Feature.DCC, Feature.HISTORICAL);
    private static final Set<Feature> FEATURES = Feature.setOf(MODELS, Feature.ofKind(Feature.Kind.MECHANICS),
            EnumSet.of(Feature.CONTINUOUS_MONITORING));

    public VectorEngine() {
        this(Runtime.getRuntime().availableProcessors(), DEFAULT_CHUNK);
    }

    public VectorEngine(int threads, int chunk) {
        super(threads, chunk);
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String description() {
        return "Vector API, " + Lanes.COUNT + " float32 lanes (" + Lanes.FLOATS.vectorBitSize() + "-bit), "
                + Counts.of(threads(), "thread");
    }

    /**
     * Every market model of {@link CompiledProblem}, in float lanes ({@link LaneModels}), and every carrying cost
     * and liquidation mechanic, in lanes with the reference's account settling the events ({@link LaneLiquidation},
     * or per lane where continuous monitoring's side is not known in advance, {@link LaneFrictions}), each under
     * either monitoring: continuous
     * monitoring bridges every lane's own step covariance ({@link LaneCovariance}).
     */
    @Override
    public Set<Feature> implementedFeatures() {
        return FEATURES;
    }

    @Override
    public void simulate(CompiledProblem problem, long firstPath, PathBlock out) {
        CompiledProblem.requireNothingMissing(name(), unimplemented(problem));
        LaneMarket market = new LaneMarket(problem);
        if (!problem.frictions.isNone()) {
            if (LaneLiquidation.covers(problem)) {
                new LaneLiquidation(problem, market).simulate(firstPath, out);
            } else {
                new LaneFrictions(problem, market).simulate(firstPath, out);
            }
            return;
        }
        if (problem.monitoring == Monitoring.CONTINUOUS) {
            if (LaneBridge.covers(problem)) {
                new LaneBridge(problem, market).simulate(firstPath, out);
            } else if (LaneLiquidation.covers(problem)) {
                new LaneLiquidation(problem, market).simulate(firstPath, out);
            } else {
                new LaneContinuous(problem, market).simulate(firstPath, out);
            }
            return;
        }
        LaneAccount account = new LaneAccount(problem);
        int size = out.size();
        int whole = Lanes.FLOATS.loopBound(size);
        for (int slot = 0; slot < whole; slot += Lanes.COUNT) {
            simulateLanes(problem.steps, market, account, firstPath + slot, out, slot, Lanes.COUNT);
        }
        if (whole < size) {
            simulateLanes(problem.steps, market, account, firstPath + whole, out, whole, size - whole);
        }
    }

    @Override
    public PathStats run(CompiledProblem problem, long firstPath, long count, ProgressListener progress) {
        CompiledProblem.requireNothingMissing(name(), unimplemented(problem));
        return super.run(problem, firstPath, count, progress);
    }

    private static void simulateLanes(int steps, LaneMarket market, LaneAccount account, long firstPath,
                                      PathBlock out, int slot, int count) {
        // Philox counters carry the low 32 bits of the path index, as in ShockStream
        int paths = (int) firstPath;
        market.reset();
        account.reset();
        for (int step = 1; step <= steps; step++) {
            market.advance(step - 1, paths);
            account.evaluate(step, market.price);
        }
        account.write(market.price, out, slot, count);
    }
}
