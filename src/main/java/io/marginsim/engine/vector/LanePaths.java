package io.marginsim.engine.vector;

import io.marginsim.engine.PathAccount;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;

import java.util.function.Function;

/**
 * The loop of the vector engine's per-path accounts ({@link LaneFrictions}, {@link LaneContinuous}): {@link LaneMarket}
 * moves {@link Lanes#COUNT} paths' prices in float lanes, and after each step every lane's prices go to that lane's
 * account in double, which a subclass holds. A lane's log price is {@code log P0 + x} with {@code x} the market's
 * float log price relative to its start, and its price is the market's float price widened to double.
 *
 * <p>Lanes past the end of a block (the padded last vector) are not handed to an account: their prices are computed
 * by the market and discarded, as in the plain model, so every path's outcome depends on its index alone.
 */
abstract class LanePaths<A extends PathAccount> implements LaneBlocks {
    static final int L = Lanes.COUNT;
    final CompiledProblem p;
    final LaneMarket market;
    /** Per lane, per asset; the two log price arrays swap roles each step rather than being copied. */
    final double[][] logPrice = new double[L][];
    final double[][] previousLogPrice = new double[L][];
    final double[][] price = new double[L][];
    /** One account per lane. */
    final A[] accounts;

    LanePaths(CompiledProblem problem, LaneMarket market, Function<CompiledProblem, A> account, A[] lanes) {
        p = problem;
        this.market = market;
        accounts = lanes;
        for (int l = 0; l < L; l++) {
            accounts[l] = account.apply(problem);
            logPrice[l] = new double[problem.assets];
            previousLogPrice[l] = new double[problem.assets];
            price[l] = new double[problem.assets];
        }
    }

    @Override
    public final void simulateLanes(long firstPath, PathBlock out, int slot, int count) {
        // Philox counters carry the low 32 bits of the path index, as in ShockStream
        int paths = (int) firstPath;
        market.reset();
        for (int l = 0; l < count; l++) {
            accounts[l].start();
            p.initialLogPrice.copyTo(0, logPrice[l], 0, p.assets);
            p.initialPrice.copyTo(0, price[l], 0, p.assets);
        }
        for (int step = 1; step <= p.steps; step++) {
            beforeStep(step, count);
            market.advance(step - 1, paths);
            for (int l = 0; l < count; l++) {
                stepLane(firstPath + l, l, step);
            }
        }
        for (int l = 0; l < count; l++) {
            accounts[l].write(price[l], out, slot + l);
        }
    }

    /** Lane {@code l}'s log price and price of asset {@code a} after the market's last step. */
    final void readLane(int l, double[] logPriceOut, double[] priceOut) {
        for (int a = 0; a < p.assets; a++) {
            logPriceOut[a] = p.initialLogPrice.get(a) + market.logReturn[a * L + l];
            priceOut[a] = market.price[a * L + l];
        }
    }

    /** Reads what the first {@code count} lanes need of the market's state before it draws step {@code step}. */
    void beforeStep(int step, int count) {
    }

    /** Advances lane {@code l}'s account through step {@code step} of path {@code path}. */
    abstract void stepLane(long path, int l, int step);
}
