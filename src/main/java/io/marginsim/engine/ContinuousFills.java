package io.marginsim.engine;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Frictions;

/**
 * A {@link LiquidatingAccount} under continuous monitoring: the checks within each step ({@link ContinuousMonitor}
 * on the account's and its shadow's margins, {@link LiquidatingMargins}) and the fills they schedule, from the
 * crossing time; see the account's class comment. One per account.
 */
final class ContinuousFills {
    /** At most this many checks of one scope within one step (fills, each partial). */
    static final int MAX_SEGMENTS = 16;

    private final LiquidatingAccount account;
    private final CompiledProblem p;
    private final double latencySteps;
    private final ContinuousMonitor realMonitor;
    private final ContinuousMonitor shadowMonitor;
    /** Per scope, where its fill falls in its due step, as a fraction of the step. */
    private final double[] dueFraction;
    /**
     * The earliest fraction of the last settled step at which a scope's check of the whole step (segment 0) found
     * its excess at zero, or 1 when none did: before any fill that is the shadow account's first breach time.
     */
    private double wholeStepCrossing;
    /** Scratch: a segment's starting prices and the variance left in the step. */
    private final double[] segmentPrice;
    private final double[] segmentLogPrice;
    private final double[] segmentCov;

    ContinuousFills(LiquidatingAccount account, LiquidatingMargins margins) {
        this.account = account;
        p = account.problem();
        Frictions.Liquidation liquidation = p.frictions.liquidation();
        latencySteps = liquidation == null ? 0 : liquidation.latencySteps();
        realMonitor = new ContinuousMonitor(p, margins.real());
        shadowMonitor = new ContinuousMonitor(p, margins.shadow());
        dueFraction = new double[Math.max(1, p.positions)];
        segmentPrice = new double[p.assets];
        segmentLogPrice = new double[p.assets];
        segmentCov = new double[p.assets * p.assets];
    }

    /** {@link LiquidatingAccount#step(long, int, double[], double[], double[], double[], double[])}. */
    double step(long path, int step, double[] logPrice, double[] previousLogPrice, double[] price,
                       double[] previousPrice, double[] cov) {
        account.accrue(step, logPrice, price);
        double shortfall;
        // the shadow's first breach time, from the draws the real account's first fill reads (segment 0)
        boolean first = !account.breached();
        double fraction = 1;
        if (p.isolated) {
            shadowMonitor.drawExtremes(path, step, previousLogPrice, logPrice, cov);
            shortfall = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < p.positions; i++) {
                int a = p.positionAsset.get(i);
                double s = shadowMonitor.positionShortfall(i, previousPrice[a], price[a]);
                if (first && s > 0) {
                    fraction = Math.min(fraction,
                            shadowMonitor.positionCrossingTime(path, step, i, previousLogPrice, logPrice, cov));
                }
                shortfall = Math.max(shortfall, s);
            }
        } else {
            shortfall = shadowMonitor.crossShortfall(path, step, previousPrice, previousLogPrice, price, logPrice, cov);
            if (first && shortfall > 0) {
                fraction = shadowMonitor.crossCrossingTime(path, step, previousLogPrice, logPrice, cov);
            }
        }
        account.recordShortfall(step, shortfall, fraction);
        settle(path, step, logPrice, previousLogPrice, price, previousPrice, cov);
        return shortfall;
    }

    /**
     * The liquidation half of {@link #step}, after the step's carrying costs: executes the fills due at {@code step}
     * and checks the open scopes with none scheduled within the step, filling or scheduling from the crossing.
     */
    void settle(long path, int step, double[] logPrice, double[] previousLogPrice, double[] price,
                double[] previousPrice, double[] cov) {
        boolean last = step == p.steps;
        wholeStepCrossing = 1;
        account.tierCapping(true);
        if (p.isolated) {
            realMonitor.drawExtremes(path, step, previousLogPrice, logPrice, cov);
            for (int i = 0; i < p.positions; i++) {
                int a = p.positionAsset.get(i);
                boolean filled = false;
                int due = account.due[i];
                if (account.open[i] && (due == step || (last && due != LiquidatingAccount.NONE))) {
                    account.executeIsolated(i, scheduled(a, due == step, dueFraction[i], logPrice, previousLogPrice,
                            price));
                    filled = true;
                }
                if (account.open[i] && !filled && account.due[i] == LiquidatingAccount.NONE) {
                    checkIsolated(path, step, i, logPrice, previousLogPrice, price, previousPrice, cov);
                }
            }
        } else if (!account.accountClosed) {
            boolean filled = false;
            if (account.due[0] == step || (last && account.due[0] != LiquidatingAccount.NONE)) {
                for (int a = 0; a < p.assets; a++) {
                    account.fillPrice[a] = scheduled(a, account.due[0] == step, dueFraction[0], logPrice,
                            previousLogPrice, price);
                }
                account.executeCross();
                filled = true;
            }
            if (!account.accountClosed && !filled && account.due[0] == LiquidatingAccount.NONE) {
                checkCross(path, step, logPrice, previousLogPrice, price, previousPrice, cov);
            }
        }
        account.tierCapping(false);
    }

    /**
     * Continuous monitoring of the cross account within the step: a breach fills at once or schedules its fill; after
     * a fill within the step, the rest of the step (from the fill's reference prices, with the variance left) is
     * checked again, as a venue keeps watching an account it has only partly liquidated.
     */
    private void checkCross(long path, int step, double[] logPrice, double[] previousLogPrice, double[] price,
                            double[] previousPrice, double[] cov) {
        double start = 0;
        double[] from = previousPrice;
        double[] logFrom = previousLogPrice;
        double[] segmentCov = cov;
        for (int k = 0; k < MAX_SEGMENTS && !account.accountClosed && account.due[0] == LiquidatingAccount.NONE; k++) {
            realMonitor.segment(k);
            if (!(realMonitor.crossShortfall(path, step, from, logFrom, price, logPrice, segmentCov) > 0)) {
                break;
            }
            System.arraycopy(realMonitor.crossingPrices(), 0, account.breachPrice, 0, p.assets);
            double tau = start + (1 - start) * realMonitor.crossCrossingTime(path, step, logFrom, logPrice, segmentCov);
            if (k == 0) {
                wholeStepCrossing = tau;
            }
            schedule(0, step, tau);
            if (account.due[0] != step) {
                break;
            }
            for (int a = 0; a < p.assets; a++) {
                account.fillPrice[a] = withinStep(account.breachPrice[a], logPrice[a], tau, dueFraction[0]);
                segmentPrice[a] = account.fillPrice[a];
                segmentLogPrice[a] = Math.log(account.fillPrice[a]);
            }
            account.executeCross();
            start = dueFraction[0];
            from = segmentPrice;
            logFrom = segmentLogPrice;
            segmentCov = scaled(cov, 1 - start);
        }
        realMonitor.segment(0);
    }

    /** {@link #checkCross} for isolated position {@code i}. */
    private void checkIsolated(long path, int step, int i, double[] logPrice, double[] previousLogPrice,
                               double[] price, double[] previousPrice, double[] cov) {
        int a = p.positionAsset.get(i);
        double start = 0;
        double mark = previousPrice[a];
        double[] segmentCov = cov;
        int k = 0;
        for (; k < MAX_SEGMENTS && account.open[i] && account.due[i] == LiquidatingAccount.NONE; k++) {
            if (k > 0) {
                realMonitor.segment(k);
                System.arraycopy(previousLogPrice, 0, segmentLogPrice, 0, p.assets);
                segmentLogPrice[a] = Math.log(mark);
                realMonitor.drawExtremes(path, step, segmentLogPrice, logPrice, segmentCov);
            }
            if (!(realMonitor.positionShortfall(i, mark, price[a]) > 0)) {
                break;
            }
            account.breachPrice[i] = realMonitor.crossingPrices()[a];
            double tau = start + (1 - start) * realMonitor.assetCrossingTime(path, step, a, Math.log(mark),
                    logPrice[a], segmentCov[a * p.assets + a], account.breachPrice[i]);
            if (k == 0) {
                wholeStepCrossing = Math.min(wholeStepCrossing, tau);
            }
            schedule(i, step, tau);
            account.noteBreach(i, step);
            if (account.due[i] != step) {
                break;
            }
            mark = withinStep(account.breachPrice[i], logPrice[a], tau, dueFraction[i]);
            account.executeIsolated(i, mark);
            start = dueFraction[i];
            segmentCov = scaled(cov, 1 - start);
        }
        if (k > 0) {
            // the positions after this one read the whole step's draws again
            realMonitor.segment(0);
            realMonitor.drawExtremes(path, step, previousLogPrice, logPrice, cov);
        }
    }

    /** See {@link #wholeStepCrossing}. */
    double wholeStepCrossing() {
        return wholeStepCrossing;
    }

    /** {@code cov} times {@code share}, in the scratch array: the variance left after a fill within the step. */
    private double[] scaled(double[] cov, double share) {
        for (int j = 0; j < cov.length; j++) {
            segmentCov[j] = cov[j] * Math.max(0, share);
        }
        return segmentCov;
    }

    /** Continuous monitoring: a breach at fraction {@code tau} of step {@code step} fills the latency later. */
    private void schedule(int scope, int step, double tau) {
        double at = tau + latencySteps;
        int whole = Math.max(1, (int) Math.ceil(at));
        account.due[scope] = step - 1 + whole;
        dueFraction[scope] = at - (whole - 1);
    }

    /** The price at fraction {@code f >= tau} of the step, log-linear from the crossing at {@code tau} to its end. */
    private static double withinStep(double crossing, double logPrice, double tau, double f) {
        if (!(f > tau) || !(tau < 1)) {
            return crossing;
        }
        double from = Math.log(crossing);
        return Math.exp(from + (f - tau) / (1 - tau) * (logPrice - from));
    }

    /** {@link #reference} with the scope's own fraction of its due step. */
    private static double scheduled(int asset, boolean onSchedule, double f, double[] logPrice,
                                    double[] previousLogPrice, double[] price) {
        if (f >= 1 || !onSchedule) {
            return price[asset];
        }
        return Math.exp((1 - f) * previousLogPrice[asset] + f * logPrice[asset]);
    }
}
