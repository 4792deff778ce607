package io.marginsim.engine;

import io.marginsim.liquidation.PartialPolicy;

import java.util.Arrays;

/**
 * One path's account under carrying costs and liquidation mechanics: the executable definition of
 * {@link Frictions}, shared by the engines that implement them (the scalar reference per path, the vector engine per
 * lane). One instance per path in flight, reset by {@link #start}; {@link #step} is called after the prices of each
 * step are set.
 *
 * <p>Order within step {@code t}: (1) carrying costs accrue at the step's prices; (2) fills due at {@code t} are
 * executed; (3) an open scope (the account in cross mode, each position in isolated mode) that did not fill at
 * {@code t} and is in breach (requirement &gt; equity, on its current sizes) schedules a liquidation; with zero
 * latency it fills at once. So a scope has at most one liquidation event per step.
 *
 * <p><b>Latency.</b> {@code L = latencySeconds / stepSeconds} steps; a breach detected at step {@code t} fills at
 * time {@code t + L}, executed at step {@code e = t + ceil(L)} at the log-linearly interpolated reference price
 * {@code exp((1 - f) * logP[e - 1] + f * logP[e])} with {@code f = L - floor(L)} ({@code f = 0}: the price of step
 * {@code e}). A fill due after the horizon is executed at the horizon's price.
 *
 * <p><b>One fill of {@code d} units</b> (the size closed, signed like the position) at reference price {@code R}
 * and breach-step price {@code B}: impact {@code s = impact(|d| * R, depth)}, fill price
 * {@code F = R * (1 - sign(d) * s)}, fee {@code feeRate * |d| * F}; realised {@code d * (F - entry) - fee} goes to
 * cash (cross) or the position's margin (isolated). Liquidation loss adds {@code d * (B - R)} (adverse move during
 * latency, negative when the market moved back), {@code |d| * R * s} (slippage) and the fee.
 *
 * <p><b>How much is closed</b> is the position's {@link PartialPolicy} applied to its notional at {@code R}; in
 * cross mode every open position is reduced at once. The scope is closed fully when nothing is left or its equity
 * after the fills is negative; a closed cross account also turns collateral and debt into cash at {@code R} (their
 * move {@code valueUnits * (B - R)} counts as liquidation loss). <b>Bad debt</b> is the negative part of equity at
 * that close.
 *
 * <p>The first breach and the worst shortfall are those of the shadow account that is never liquidated but pays
 * the same carrying costs, so that the buffer of the report still removes the breach.
 */
public final class LiquidatingAccount {
    /** No liquidation object: a breach closes at the breach step's price at no cost, as in the plain model. */
    private static final Frictions.Liquidation PLAIN = new Frictions.Liquidation(0, null, 0, null, null, null);
    private static final int NONE = Integer.MAX_VALUE;

    private final CompiledProblem p;
    private final Frictions costs;
    private final Frictions.Liquidation liq;
    private final int latencyWhole;
    private final double latencyFraction;

    private double cash;
    private final double[] size;
    private final double[] margin;
    private final boolean[] open;
    private boolean accountClosed;
    private double accountClosedEquity;
    private final double[] closedEquity;
    /** Step at which a scheduled fill executes (cross: index 0), or NONE. */
    private final int[] due;
    /** Breach-step prices per asset (cross) or of the position's asset (isolated, by position). */
    private final double[] breachPrice;
    private final double[] fillPrice;

    private double shadowCosts;
    private final double[] shadowFunding;

    private int events;
    private double loss;
    private double badDebt;

    public LiquidatingAccount(CompiledProblem problem) {
        p = problem;
        costs = problem.frictions;
        liq = costs.liquidation() != null ? costs.liquidation() : PLAIN;
        latencyWhole = liq.latencyWhole();
        latencyFraction = liq.latencyFraction();
        size = new double[p.positions];
        margin = new double[p.positions];
        open = new boolean[p.positions];
        closedEquity = new double[p.positions];
        due = new int[Math.max(1, p.positions)];
        breachPrice = new double[Math.max(p.assets, p.positions)];
        fillPrice = new double[p.assets];
        shadowFunding = new double[p.positions];
    }

    public void start() {
        cash = p.cash;
        System.arraycopy(p.positionSize, 0, size, 0, p.positions);
        System.arraycopy(p.positionMargin, 0, margin, 0, p.positions);
        Arrays.fill(open, true);
        Arrays.fill(due, NONE);
        accountClosed = false;
        shadowCosts = 0;
        Arrays.fill(shadowFunding, 0);
        events = 0;
        loss = 0;
        badDebt = 0;
    }

    /** Advances the account through step {@code step}; returns the shadow account's shortfall. */
    public double step(int step, double[] logPrice, double[] previousLogPrice, double[] price) {
        accrue(price);
        double shortfall = shadowShortfall(price);
        boolean last = step == p.steps;
        if (p.isolated) {
            for (int i = 0; i < p.positions; i++) {
                boolean filled = false;
                if (open[i] && (due[i] == step || (last && due[i] != NONE))) {
                    executeIsolated(i, reference(p.positionAsset[i], due[i] == step, logPrice, previousLogPrice, price));
                    filled = true;
                }
                if (open[i] && !filled && due[i] == NONE && isolatedShortfall(i, price[p.positionAsset[i]]) > 0) {
                    due[i] = step + latencyWhole;
                    breachPrice[i] = price[p.positionAsset[i]];
                    if (due[i] == step) {
                        executeIsolated(i, price[p.positionAsset[i]]);
                    }
                }
            }
        } else if (!accountClosed) {
            boolean filled = false;
            if (due[0] == step || (last && due[0] != NONE)) {
                for (int a = 0; a < p.assets; a++) {
                    fillPrice[a] = reference(a, due[0] == step, logPrice, previousLogPrice, price);
                }
                executeCross();
                filled = true;
            }
            if (!accountClosed && !filled && due[0] == NONE && crossShortfall(price) > 0) {
                due[0] = step + latencyWhole;
                System.arraycopy(price, 0, breachPrice, 0, p.assets);
                if (due[0] == step) {
                    System.arraycopy(price, 0, fillPrice, 0, p.assets);
                    executeCross();
                }
            }
        }
        return shortfall;
    }

    /** Equity at the horizon, closed scopes at the equity they closed with. */
    public double terminalEquity(double[] price) {
        if (!p.isolated) {
            return accountClosed ? accountClosedEquity : crossEquity(price);
        }
        double equity = cash + unitsValue(p.valueUnits, price);
        for (int i = 0; i < p.positions; i++) {
            equity += open[i] ? margin[i] + size[i] * (price[p.positionAsset[i]] - p.positionEntry[i]) : closedEquity[i];
        }
        return equity;
    }

    /** Liquidation events so far on this path. */
    public int events() {
        return events;
    }

    /** Liquidation loss so far: fees, slippage and the adverse move during latency. */
    public double loss() {
        return loss;
    }

    /** Negative equity left at the close of liquidated scopes so far. */
    public double badDebt() {
        return badDebt;
    }

    /**
     * Reference price of a fill due now: interpolated between the last two steps when latency has a fraction,
     * unless the fill was due after the horizon ({@code onSchedule} false) and is executed at the horizon's price.
     */
    private double reference(int asset, boolean onSchedule, double[] logPrice, double[] previousLogPrice,
                             double[] price) {
        if (latencyFraction == 0 || !onSchedule) {
            return price[asset];
        }
        return Math.exp((1 - latencyFraction) * previousLogPrice[asset] + latencyFraction * logPrice[asset]);
    }

    private void accrue(double[] price) {
        for (int i = 0; i < p.positions; i++) {
            double rate = costs.fundingPerStep().length == 0 ? 0 : costs.fundingPerStep()[i];
            if (rate == 0) {
                continue;
            }
            double mark = price[p.positionAsset[i]];
            shadowFunding[i] += p.positionSize[i] * mark * rate;
            double pay = size[i] * mark * rate;
            if (p.isolated) {
                if (open[i]) {
                    margin[i] -= pay;
                }
            } else if (!accountClosed) {
                cash -= pay;
            }
        }
        if (costs.borrowPerStep().length > 0) {
            double interest = unitsValue(costs.borrowPerStep(), price);
            shadowCosts += interest;
            if (!accountClosed) {
                cash -= interest;
            }
        }
    }

    private double shadowShortfall(double[] price) {
        if (!p.isolated) {
            double funding = 0;
            for (double f : shadowFunding) {
                funding += f;
            }
            return Valuation.crossRequirement(p, price) - (Valuation.crossEquity(p, price) - shadowCosts - funding);
        }
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.positions; i++) {
            double mark = price[p.positionAsset[i]];
            double equity = Valuation.isolatedEquity(p, i, mark) - shadowFunding[i];
            worst = Math.max(worst, Valuation.positionRequirement(p, i, mark) - equity);
        }
        return worst;
    }

    private double crossEquity(double[] price) {
        double equity = cash + unitsValue(p.valueUnits, price);
        for (int i = 0; i < p.positions; i++) {
            equity += size[i] * (price[p.positionAsset[i]] - p.positionEntry[i]);
        }
        return equity;
    }

    private double crossShortfall(double[] price) {
        double requirement = unitsValue(p.requirementUnits, price);
        for (int i = 0; i < p.positions; i++) {
            requirement += requirement(i, price[p.positionAsset[i]]);
        }
        return requirement - crossEquity(price);
    }

    private double isolatedShortfall(int i, double mark) {
        return requirement(i, mark) - (margin[i] + size[i] * (mark - p.positionEntry[i]));
    }

    /** Tiered requirement on the current size (the bracket table is the one compiled for the original size). */
    private double requirement(int i, double mark) {
        return size[i] == 0 ? 0 : p.tieredRequirement(i, notional(i, mark));
    }

    private double notional(int i, double mark) {
        return Math.abs(size[i]) * (p.markBasis[i] ? mark : p.positionEntry[i]);
    }

    private void executeCross() {
        events++;
        due[0] = NONE;
        for (int i = 0; i < p.positions; i++) {
            cash += reduce(i, fillPrice[p.positionAsset[i]], breachPrice[p.positionAsset[i]], false);
        }
        boolean empty = true;
        for (int i = 0; i < p.positions; i++) {
            empty &= size[i] == 0;
        }
        if (!empty && crossEquity(fillPrice) < 0) {
            for (int i = 0; i < p.positions; i++) {
                cash += reduce(i, fillPrice[p.positionAsset[i]], breachPrice[p.positionAsset[i]], true);
            }
            empty = true;
        }
        if (empty) {
            for (int a = 0; a < p.assets; a++) {
                loss += p.valueUnits[a] * (breachPrice[a] - fillPrice[a]);
            }
            accountClosed = true;
            accountClosedEquity = cash + unitsValue(p.valueUnits, fillPrice);
            badDebt += Math.max(0, -accountClosedEquity);
        }
    }

    private void executeIsolated(int i, double reference) {
        events++;
        due[i] = NONE;
        double breach = breachPrice[i];
        margin[i] += reduce(i, reference, breach, false);
        if (size[i] != 0 && margin[i] + size[i] * (reference - p.positionEntry[i]) < 0) {
            margin[i] += reduce(i, reference, breach, true);
        }
        if (size[i] == 0) {
            open[i] = false;
            closedEquity[i] = margin[i];
            badDebt += Math.max(0, -margin[i]);
        }
    }

    /** Closes what the policy says (or all); returns the realised profit less the fee, and adds to the loss. */
    private double reduce(int i, double reference, double breach, boolean all) {
        if (size[i] == 0) {
            return 0;
        }
        double kept = 0;
        if (!all && liq.partial() != null) {
            double notional = notional(i, reference);
            kept = size[i] * liq.partial()[i].keptNotional(p, i, notional) / notional;
        }
        double closed = size[i] - kept;
        size[i] = kept;
        double units = Math.abs(closed);
        double impact = liq.impact() == null ? 0
                : liq.impact().fraction(units * reference, liq.depth()[i], liq.impactCoefficient());
        double fill = reference * (1 - Math.signum(closed) * impact);
        double fee = liq.feeRate() == null ? 0 : liq.feeRate()[i] * units * fill;
        loss += closed * (breach - reference) + units * reference * impact + fee;
        return closed * (fill - p.positionEntry[i]) - fee;
    }

    private static double unitsValue(double[] units, double[] price) {
        double value = 0;
        for (int a = 0; a < units.length; a++) {
            value += units[a] * price[a];
        }
        return value;
    }
}
