package io.marginsim.engine;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Valuation;
import io.marginsim.rng.ShockStream;

/**
 * Continuous monitoring of one path, step by step, in double precision: the reference the other engines are tested
 * against. Given a step's two endpoints it samples how far the margin excess ({@code equity - requirement}) fell in
 * between, and where the prices were when it reached zero. One instance per thread.
 *
 * <p><b>One asset</b> (the excess moves with one asset's price: cross accounts whose positions and collateral are in
 * one asset, and every isolated position): the least (long side) or greatest (short side) log price over the step is
 * drawn from the bridge of the step's own variance, and the excess is valued there. Under GBM with a flat rule this
 * is exact: the breach probability is {@code exp(-2 (x0 - b)(x1 - b) / (sigma^2 dt))} with {@code b} the log
 * liquidation price. A tiered rule is valued at the drawn price, so only the bridge is assumed. Isolated positions on
 * one asset share its draws; a long and a short on it use the least and greatest price drawn independently, which
 * is an approximation (the two are dependent).
 *
 * <p><b>Several assets</b>: the excess is treated as Brownian within the step, with variance {@code D^T C D} for
 * {@code D} the dollar deltas {@code P[a] d(excess)/dP[a]} at the step's start (tiered rules: the local slope) and
 * {@code C} the step's covariance ({@link io.marginsim.engine.MarketPath#stepCovariance}); an approximation whose
 * error shrinks with the step. The prices at the crossing are the log prices' conditional mean given that the
 * linearised excess is zero at the drawn crossing time ({@link BridgeCrossing#crossingTime}).
 *
 * <p>Jumps fall at step ends, where the endpoint sees them; the bridge covers the diffusion.
 */
public final class ContinuousMonitor {
    /**
     * The margin excess the monitor checks: the problem's own account ({@link #of}), or one whose cash, sizes and
     * collateral move along the path ({@link LiquidatingAccount}).
     */
    public interface Margin {
        /** Cross mode: equity minus requirement at {@code price}. */
        double crossExcess(double[] price);

        /** Cross mode: {@code d(excess) / dP[a]} at {@code price}, into {@code out}. */
        void crossSlopes(double[] price, double[] out);

        /** Isolated position {@code i}: its equity minus its requirement at {@code mark}. */
        double positionExcess(int i, double mark);

        /** Isolated position {@code i}: the slope of {@link #positionExcess} in the mark. */
        double positionSlope(int i, double mark);
    }

    /** The margin of the problem's account as compiled, valued by {@link Valuation}. */
    public static Margin of(CompiledProblem p) {
        return new Margin() {
            @Override
            public double crossExcess(double[] price) {
                return Valuation.crossEquity(p, price) - Valuation.crossRequirement(p, price);
            }

            @Override
            public void crossSlopes(double[] price, double[] out) {
                Valuation.crossExcessSlopes(p, price, out);
            }

            @Override
            public double positionExcess(int i, double mark) {
                return Valuation.isolatedEquity(p, i, mark) - Valuation.positionRequirement(p, i, mark);
            }

            @Override
            public double positionSlope(int i, double mark) {
                return Valuation.positionExcessSlope(p, i, mark);
            }
        };
    }

    private final CompiledProblem p;
    private final Margin margin;
    private final int[] words = new int[4];
    private final double[] slope;
    private final double[] extreme;
    private final double[] covDelta;
    private final double[] least;
    private final double[] greatest;
    /** Prices when the excess reached zero, valid after a call that returned a positive shortfall. */
    private final double[] crossing;
    /** Blocks of the monitoring stream a segment of a step uses: see {@link #segment}. */
    private final int blocksPerSegment;
    /** First block of the current segment's draws. */
    private int firstBlock;
    /** The asset the last cross check followed alone, or -1 when it treated the excess as Brownian. */
    private int lastMoving;
    /** The crossing time the last Brownian-excess check drew, as a fraction of the step. */
    private double lastTime;

    public ContinuousMonitor(CompiledProblem problem) {
        this(problem, of(problem));
    }

    public ContinuousMonitor(CompiledProblem problem, Margin margin) {
        p = problem;
        this.margin = margin;
        blocksPerSegment = 2 * problem.assets + 1;
        slope = new double[p.assets];
        extreme = new double[p.assets];
        covDelta = new double[p.assets];
        least = new double[p.assets];
        greatest = new double[p.assets];
        crossing = new double[p.assets];
    }

    /**
     * Selects the draws of segment {@code k} of a step: 0, the whole step, and {@code k >= 1} the rest of the step
     * after a scope's {@code k}-th fill within it ({@link LiquidatingAccount} checks again from there). Segment
     * {@code k} uses blocks {@code k (2 assets + 1) ..} of the monitoring stream, laid out as segment 0's.
     */
    public void segment(int k) {
        firstBlock = k * blocksPerSegment;
    }

    /** The prices at the last crossing that {@link #crossShortfall} or {@link #positionShortfall} found. */
    public double[] crossingPrices() {
        return crossing;
    }

    /**
     * Cross mode: the largest shortfall ({@code -excess}) within step {@code step} of {@code path}, at least the
     * step end's, from the prices at its start ({@code price0}, {@code logPrice0}) and end and the step's diffusion
     * covariance {@code cov}.
     */
    public double crossShortfall(long path, int step, double[] price0, double[] logPrice0, double[] price1,
                                 double[] logPrice1, double[] cov) {
        double m0 = margin.crossExcess(price0);
        double m1 = margin.crossExcess(price1);
        margin.crossSlopes(price0, slope);
        int moving = -1;
        int count = 0;
        for (int a = 0; a < p.assets; a++) {
            if (slope[a] != 0) {
                moving = a;
                count++;
            }
        }
        lastMoving = count == 1 ? moving : -1;
        lastTime = 1;
        if (count == 0) {
            // nothing moves the excess within the step: a breach is the step end's, at its prices
            System.arraycopy(price1, 0, crossing, 0, p.assets);
            return -m1;
        }
        if (count == 1) {
            int a = moving;
            extremeWords(path, step, a);
            double v = cov[a * p.assets + a];
            double x = slope[a] > 0
                    ? BridgeCrossing.minimum(logPrice0[a], logPrice1[a], v, ShockStream.uniform(words[0]))
                    : BridgeCrossing.maximum(logPrice0[a], logPrice1[a], v, ShockStream.uniform(words[1]));
            System.arraycopy(price1, 0, extreme, 0, p.assets);
            extreme[a] = Math.exp(x);
            double me = margin.crossExcess(extreme);
            double low = Math.min(me, m1);
            System.arraycopy(price1, 0, crossing, 0, p.assets);
            crossing[a] = barrierPrice(price0[a], m0, low == me ? extreme[a] : price1[a], low);
            return -low;
        }
        double v = 0;
        for (int i = 0; i < p.assets; i++) {
            double c = 0;
            for (int j = 0; j < p.assets; j++) {
                c += cov[i * p.assets + j] * slope[j] * price0[j];
            }
            covDelta[i] = c;
            v += slope[i] * price0[i] * c;
        }
        ShockStream.words(p.seed, step - 1, path, firstBlock + p.assets, ShockStream.MONITORING, words);
        double me = BridgeCrossing.minimum(m0, m1, v, ShockStream.uniform(words[0]));
        double low = Math.min(me, m1);
        if (low < 0) {
            crossingPrices(m0, m1, v, price0, logPrice0, logPrice1);
        }
        return -low;
    }

    /** Where the linearised excess is zero at the drawn crossing time, given the step's log price moves. */
    private void crossingPrices(double m0, double m1, double v, double[] price0, double[] logPrice0,
                                double[] logPrice1) {
        if (!(m0 > 0) || !(v > 0)) {
            System.arraycopy(price0, 0, crossing, 0, p.assets);
            lastTime = 0;
            return;
        }
        double tau = BridgeCrossing.crossingTime(m0, m1, v, ShockStream.normal(words[1], words[2]),
                ShockStream.uniform(words[3]));
        lastTime = tau;
        double move = 0;
        for (int a = 0; a < p.assets; a++) {
            move += slope[a] * price0[a] * (logPrice1[a] - logPrice0[a]);
        }
        double k = -(m0 + tau * move) / v;
        for (int a = 0; a < p.assets; a++) {
            crossing[a] = Math.exp(logPrice0[a] + tau * (logPrice1[a] - logPrice0[a]) + k * covDelta[a]);
        }
    }

    /**
     * When, as a fraction of step {@code step}, the excess of the last cross check that returned a positive
     * shortfall reached zero: the Brownian excess's drawn time, or for one asset the first passage of its log price
     * bridge to the log of the crossing price ({@link #assetCrossingTime}).
     */
    public double crossCrossingTime(long path, int step, double[] logPrice0, double[] logPrice1, double[] cov) {
        if (lastMoving < 0) {
            return lastTime;
        }
        int a = lastMoving;
        return assetCrossingTime(path, step, a, logPrice0[a], logPrice1[a], cov[a * p.assets + a], crossing[a]);
    }

    /**
     * When, as a fraction of step {@code step}, asset {@code a}'s log price bridge from {@code x0} to {@code x1}
     * (variance {@code v}) first reached {@code log(barrier)}: {@link BridgeCrossing#crossingTime} with block
     * {@code assets + 1 + a} of the monitoring stream (word 0 and 1 the normal, word 2 the uniform). Isolated
     * positions read it at their own barrier, {@link #crossingPrices} at their asset.
     */
    public double assetCrossingTime(long path, int step, int a, double x0, double x1, double v, double barrier) {
        double b = Math.log(barrier);
        double from = Math.abs(x0 - b);
        if (!(from > 0) || !(v > 0)) {
            return 0;
        }
        // the distance to the barrier on the side the bridge starts, and the signed distance at the end
        double to = x0 > b ? x1 - b : b - x1;
        ShockStream.words(p.seed, step - 1, path, firstBlock + p.assets + 1 + a, ShockStream.MONITORING, words);
        return BridgeCrossing.crossingTime(from, to, v, ShockStream.normal(words[0], words[1]),
                ShockStream.uniform(words[2]));
    }

    /**
     * Isolated mode: when, as a fraction of step {@code step}, position {@code i}'s excess reached zero, after a
     * {@link #positionShortfall} over the whole step that returned a positive shortfall: its asset's
     * {@link #assetCrossingTime} at the position's barrier, between the step's log prices of the asset.
     */
    public double positionCrossingTime(long path, int step, int i, double[] logPrice0, double[] logPrice1,
                                       double[] cov) {
        int a = p.positionAsset.get(i);
        return assetCrossingTime(path, step, a, logPrice0[a], logPrice1[a], cov[a * p.assets + a], crossing[a]);
    }

    /**
     * The words of asset {@code a}'s extremes in step {@code step} into {@code words[0]} (the least's uniform) and
     * {@code words[1]} (the greatest's). Two consecutive steps share one Philox block of the monitoring stream,
     * block {@code a} of the segment at counter step {@code extremesCounter(step)}: words 0 and 1 for the odd step,
     * 2 and 3 for the even one ({@link #extremesWord}), so a step costs half a block rather than one.
     */
    private void extremeWords(long path, int step, int a) {
        ShockStream.words(p.seed, extremesCounter(step), path, firstBlock + a, ShockStream.MONITORING, words);
        int first = extremesWord(step);
        words[0] = words[first];
        words[1] = words[first + 1];
    }

    /** The counter step of the monitoring block that holds step {@code step}'s extremes (1-based steps). */
    public static int extremesCounter(int step) {
        return (step - 1) >> 1;
    }

    /** The word of that block with step {@code step}'s least uniform; the greatest's is the next. */
    public static int extremesWord(int step) {
        return 2 * ((step - 1) & 1);
    }

    /**
     * Isolated mode: draws every asset's least and greatest log price over the step, which
     * {@link #positionShortfall} then reads.
     */
    public void drawExtremes(long path, int step, double[] logPrice0, double[] logPrice1, double[] cov) {
        for (int a = 0; a < p.assets; a++) {
            extremeWords(path, step, a);
            double v = cov[a * p.assets + a];
            least[a] = BridgeCrossing.minimum(logPrice0[a], logPrice1[a], v, ShockStream.uniform(words[0]));
            greatest[a] = BridgeCrossing.maximum(logPrice0[a], logPrice1[a], v, ShockStream.uniform(words[1]));
        }
    }

    /**
     * Isolated mode: position {@code i}'s largest shortfall within the step, at least the step end's, after
     * {@link #drawExtremes}; when positive, {@link #crossingPrices} holds its barrier price at its asset's index.
     */
    public double positionShortfall(int i, double mark0, double mark1) {
        int a = p.positionAsset.get(i);
        double m0 = margin.positionExcess(i, mark0);
        double m1 = margin.positionExcess(i, mark1);
        double s = margin.positionSlope(i, mark0);
        double low = m1;
        double lowMark = mark1;
        if (s != 0) {
            double mark = Math.exp(s > 0 ? least[a] : greatest[a]);
            double me = margin.positionExcess(i, mark);
            if (me < low) {
                low = me;
                lowMark = mark;
            }
        }
        crossing[a] = barrierPrice(mark0, m0, lowMark, low);
        return -low;
    }

    /**
     * The price between {@code from} (excess {@code m0 > 0}) and {@code to} (excess {@code low < 0}) where the
     * excess, linear in between, is zero: the liquidation price itself for a flat rule. Already in breach at the
     * start ({@code m0 <= 0}): the start.
     */
    static double barrierPrice(double from, double m0, double to, double low) {
        if (!(m0 > 0) || !(low < 0)) {
            return m0 > 0 ? to : from;
        }
        return from + (to - from) * m0 / (m0 - low);
    }
}
