package io.marginsim.engine;

import io.marginsim.liquidation.PartialPolicy;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.DoubleArray;
import io.marginsim.problem.Frictions;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ScopeBlock;
import io.marginsim.problem.Valuation;
import io.marginsim.spec.Monitoring;

import java.util.Arrays;

/**
 * One path's account under carrying costs and liquidation mechanics: the executable definition of
 * {@link Frictions}, shared by the engines that implement them (the scalar reference per path, the vector engine per
 * lane). One instance per path in flight, reset by {@link #start}; {@link #step} is called after the prices of each
 * step are set.
 *
 * <p>Order within step {@code t}: (1) carrying costs accrue at the step's prices (premium-linked funding: see
 * {@link Frictions.PremiumFunding}; the shadow account pays the same rate); (2) fills due at {@code t} are
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
 * latency, negative when the market moved back), {@code |d| * R * s} (slippage) and the fee. The fees are charged
 * after the event's fills, position by position; where {@link Frictions.Liquidation#feeCapped} the fee charged is
 * {@code min(fee, max(0, E))} with {@code E} the scope's equity after the fills (and earlier fees) at {@code R}.
 *
 * <p><b>How much is closed</b> is the position's {@link PartialPolicy} applied to its notional at {@code R}; in
 * cross mode every open position is reduced at once. A tier partial keeps the floor of the bracket below, and a floor
 * belongs to the bracket above it; so under continuous monitoring, within one step's settlement, a further tier cut
 * of a position still in breach starts from the notional the last cut kept, going on down the tiers as a venue does,
 * rather than from the mark's notional just above that floor. The scope is closed fully when nothing is left or its
 * equity after the fills is negative; a closed cross account also turns collateral and debt into cash at {@code R}
 * (their move {@code valueUnits * (B - R)} counts as liquidation loss). <b>Bad debt</b> is the negative part of
 * equity at that close.
 *
 * <p><b>Haircuts that move</b> ({@link Frictions.PathHaircuts}) are set by {@link #haircutVariance} before each step
 * and value collateral in equity and requirement, for the account and its shadow alike.
 *
 * <p>The first breach and the worst shortfall are those of the shadow account that is never liquidated but pays
 * the same carrying costs, so that the buffer of the report still removes the breach.
 *
 * <p><b>Engines that keep the quiet steps themselves</b> (the vector engine's account lanes) carry cash, sizes and
 * margins through carrying costs and the shadow's checks on their own, and call on the account only for a step in
 * which a scope has a fill due or may be in breach: {@link #resume} with their state, {@link #settle}, then
 * {@link #cash}, {@link #size}, {@link #margin} and {@link #scheduled} back; {@link #writeLive} at the end. The
 * liquidation itself (fills, cuts, fees, closing, bad debt) is then defined here alone.
 *
 * <p><b>Continuous monitoring</b> ({@link #step(long, int, double[], double[], double[], double[], double[])}): the
 * account and its shadow are checked within each step by {@link ContinuousMonitor}, on their current cash, sizes and
 * collateral, with the same bridge draws. A breach at fraction {@code tau} of step {@code t} has the crossing prices
 * as breach prices and fills at time {@code t - 1 + tau + L}: within step {@code t} at the log-linear interpolation
 * from the crossing to the step's end (with no latency: at the crossing prices), later as above with that time's
 * fraction in place of {@code f}. After a fill within the step the rest of the step is checked again from the fill's
 * reference prices with the variance left (at most {@link ContinuousFills#MAX_SEGMENTS} checks a step, each with
 * its own draws).
 */
public final class LiquidatingAccount implements PathAccount {
    /** No liquidation object: a breach closes at the breach step's price at no cost, as in the plain model. */
    private static final Frictions.Liquidation PLAIN = new Frictions.Liquidation(0, null, 0,
            (DoubleArray) null, null, null, null);
    /** {@link #scheduled}: no fill is scheduled. */
    public static final int NONE = Integer.MAX_VALUE;
    /** {@link #scheduled}: the scope is closed. */
    public static final int CLOSED = -1;

    private final CompiledProblem p;
    private final Frictions costs;
    private final Frictions.Liquidation liq;
    private final int latencyWhole;
    private final double latencyFraction;

    private double cash;
    private final double[] size;
    /**
     * Continuous monitoring, within one step's settlement ({@link #cappingTiers}): per position, the notional the last
     * tier partial kept, so that a further cut in the same settlement goes on down from that bracket (see
     * {@link #reduce}); {@code +inf} before any.
     */
    private final double[] tierCap;
    private boolean cappingTiers;
    private final double[] margin;
    final boolean[] open;
    boolean accountClosed;
    private double accountClosedEquity;
    private final double[] closedEquity;
    /** Step at which a scheduled fill executes (cross: index 0), or NONE. */
    final int[] due;
    /** Breach-step prices per asset (cross) or of the position's asset (isolated, by position). */
    final double[] breachPrice;
    final double[] fillPrice;
    /** Per position: the fee of its last fill, until {@link #chargeFee} charges it. */
    private final double[] fee;

    private double shadowCosts;
    private final double[] shadowFunding;
    /** Premium-linked funding, or null; then {@link #pastLogPrice} is empty. */
    private final Frictions.PremiumFunding premium;
    /** Ring of the last {@code premium.history()} steps' log prices: step {@code s} of asset {@code a} at
     * {@code (s mod history) * assets + a}. */
    private final double[] pastLogPrice;
    private final int history;
    /** Collateral (after haircut) and debt units, and the collateral's requirement units, at this step's haircuts. */
    private final double[] valueUnits;
    private final double[] requirementUnits;

    /** Continuous monitoring's checks and fills; null under discrete monitoring. */
    private final ContinuousFills fills;

    private int events;
    private double loss;
    private double badDebt;
    /**
     * Isolated mode, by position: the step its breach first scheduled a fill ({@link PathBlock#NO_BREACH} before),
     * and its share of {@link #loss} and {@link #badDebt}, for {@link ScopeBlock}.
     */
    private final int[] positionBreach;
    private final double[] positionLoss;
    private final double[] positionBadDebt;
    private int firstBreach;
    /** When within its step the shadow first breached, as a fraction of the step: 1 (its end) unless monitored. */
    private double breachFraction;
    private double worstShortfall;

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
        fee = new double[p.positions];
        tierCap = new double[p.positions];
        shadowFunding = new double[p.positions];
        positionBreach = new int[p.positions];
        positionLoss = new double[p.positions];
        positionBadDebt = new double[p.positions];
        premium = costs.premiumFunding();
        history = premium == null ? 0 : premium.history();
        pastLogPrice = new double[history * p.assets];
        // this account's own copies: haircuts that move along the path change them
        valueUnits = p.valueUnits.toArray();
        requirementUnits = p.requirementUnits.toArray();
        fills = p.monitoring == Monitoring.CONTINUOUS ? new ContinuousFills(this, new LiquidatingMargins(this)) : null;
    }

    @Override
    public void start() {
        cash = p.cash;
        p.positionSize.copyTo(0, size, 0, p.positions);
        p.positionMargin.copyTo(0, margin, 0, p.positions);
        Arrays.fill(open, true);
        Arrays.fill(due, NONE);
        accountClosed = false;
        shadowCosts = 0;
        Arrays.fill(shadowFunding, 0);
        for (int s = 0; s < history; s++) {
            premium.logPriceBeforeShock().copyTo(0, pastLogPrice, s * p.assets, p.assets);
        }
        events = 0;
        loss = 0;
        badDebt = 0;
        Arrays.fill(positionBreach, PathBlock.NO_BREACH);
        Arrays.fill(positionLoss, 0);
        Arrays.fill(positionBadDebt, 0);
        firstBreach = PathBlock.NO_BREACH;
        breachFraction = 1;
        worstShortfall = Double.NEGATIVE_INFINITY;
    }

    /**
     * Advances the account through step {@code step}; returns the shadow account's shortfall, which also feeds the
     * first breach and worst shortfall that {@link #write} reports.
     */
    public double step(int step, double[] logPrice, double[] previousLogPrice, double[] price) {
        accrue(step, logPrice, price);
        double shortfall = shadowShortfall(price);
        recordShortfall(step, shortfall);
        settle(step, logPrice, previousLogPrice, price);
        return shortfall;
    }

    /**
     * The liquidation half of {@link #step(int, double[], double[], double[])}, after the step's carrying costs:
     * executes the fills due at {@code step} and schedules (or, without latency, executes) those of scopes in
     * breach. An engine that keeps the quiet steps' state in its own lanes calls it, after {@link #resume}, only for
     * the steps where a scope of the path has a fill due or may be in breach (see {@link #scheduled}).
     */
    public void settle(int step, double[] logPrice, double[] previousLogPrice, double[] price) {
        boolean last = step == p.steps;
        if (p.isolated) {
            for (int i = 0; i < p.positions; i++) {
                boolean filled = false;
                if (open[i] && (due[i] == step || (last && due[i] != NONE))) {
                    executeIsolated(i, reference(p.positionAsset.get(i), due[i] == step, logPrice, previousLogPrice,
                            price));
                    filled = true;
                }
                if (open[i] && !filled && due[i] == NONE && isolatedShortfall(i, price[p.positionAsset.get(i)]) > 0) {
                    due[i] = step + latencyWhole;
                    noteBreach(i, step);
                    breachPrice[i] = price[p.positionAsset.get(i)];
                    if (due[i] == step) {
                        executeIsolated(i, price[p.positionAsset.get(i)]);
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
    }

    /**
     * Notes that isolated position {@code i} is in breach at step {@code step}, which schedules its fill: its first
     * such step is the position's breach step. Before a position is first filled its live margin equals the shadow's
     * (the same funding is paid), so this is the step the shadow's shortfall first turns positive for it.
     */
    void noteBreach(int i, int step) {
        if (positionBreach[i] == PathBlock.NO_BREACH) {
            positionBreach[i] = step;
        }
    }

    /**
     * Scope {@code scope}'s liquidation state (cross mode: the account, scope 0; isolated: position {@code scope}):
     * the step at which its scheduled fill executes, {@link #NONE} when none is scheduled, or {@link #CLOSED} when
     * the scope is closed and can neither be charged funding nor liquidated again.
     */
    public int scheduled(int scope) {
        boolean closed = p.isolated ? !open[scope] : accountClosed;
        return closed ? CLOSED : due[scope];
    }

    /** Cash of the account; with {@link #size} and {@link #margin}, the state its carrying costs change each step. */
    public double cash() {
        return cash;
    }

    /** Margin of position {@code i} (isolated mode). */
    public double margin(int i) {
        return margin[i];
    }

    /**
     * Sets the account's cash and its positions' sizes and margins, as an engine that carried them through the
     * quiet steps since the last {@link #settle} has them; every other state (schedules, closed scopes, outcomes)
     * stays the account's own.
     */
    public void resume(double cash, double[] size, double[] margin) {
        this.cash = cash;
        System.arraycopy(size, 0, this.size, 0, p.positions);
        System.arraycopy(margin, 0, this.margin, 0, p.positions);
    }

    /**
     * {@link #step(int, double[], double[], double[])} under continuous monitoring: the account and its shadow are
     * also checked between the step's start ({@code previousPrice}, {@code previousLogPrice}) and its end, with the
     * step's diffusion covariance {@code cov}; see the class comment and {@link ContinuousFills}.
     */
    public double step(long path, int step, double[] logPrice, double[] previousLogPrice, double[] price,
                       double[] previousPrice, double[] cov) {
        return fills.step(path, step, logPrice, previousLogPrice, price, previousPrice, cov);
    }

    /**
     * {@link #settle(int, double[], double[], double[])} under continuous monitoring: the liquidation half of the
     * continuous {@link #step(long, int, double[], double[], double[], double[], double[])}, after its carrying costs
     * and the shadow's check, for an engine that keeps those in its own lanes (see {@link #resume}).
     */
    public void settle(long path, int step, double[] logPrice, double[] previousLogPrice, double[] price,
                       double[] previousPrice, double[] cov) {
        fills.settle(path, step, logPrice, previousLogPrice, price, previousPrice, cov);
    }

    /**
     * Starts (true) or ends (false) one step's settlement under continuous monitoring, within which tier partials go
     * on down the tiers ({@link #reduce}); outside one, every cut starts from the position's own bracket.
     */
    void tierCapping(boolean on) {
        cappingTiers = on;
        Arrays.fill(tierCap, Double.POSITIVE_INFINITY);
    }

    /**
     * After a continuous {@link #settle(long, int, double[], double[], double[], double[], double[])}: the earliest
     * fraction of the step at which a scope's check of the whole step found its excess at zero (1 when none did).
     * In the step of the first breach, before any fill, the live account is its shadow and draws the shadow's
     * draws, so this is the first breach's time within its step, for an engine that checks the shadow in lanes.
     */
    public double settledCrossingTime() {
        return fills.wholeStepCrossing();
    }

    /** Notes the shadow account's shortfall of step {@code step} for the first breach and worst shortfall. */
    public void recordShortfall(int step, double shortfall) {
        recordShortfall(step, shortfall, 1);
    }

    /**
     * {@link #recordShortfall(int, double)} for a step whose breach, if it is the first, crossed at {@code fraction}
     * of the step (continuous monitoring).
     */
    void recordShortfall(int step, double shortfall, double fraction) {
        worstShortfall = Math.max(worstShortfall, shortfall);
        if (shortfall > 0 && firstBreach == PathBlock.NO_BREACH) {
            firstBreach = step;
            breachFraction = fraction;
        }
    }

    /** Whether the shadow account has breached at an earlier step (its first breach is then recorded). */
    boolean breached() {
        return firstBreach != PathBlock.NO_BREACH;
    }

    /**
     * Sets the haircuts of this step from each asset's per-step conditional variance of the coming step
     * ({@link io.marginsim.engine.MarketPath#conditionalVariance}); see {@link Frictions.PathHaircuts}. Engines call it
     * after the step's prices are set and before {@link #step} whenever {@code frictions.haircuts()} is not null; a
     * closed cross account keeps the value it closed with.
     */
    public void haircutVariance(double[] variance) {
        if (costs.haircuts() != null) {
            costs.haircuts().units(p, variance, valueUnits, requirementUnits);
        }
    }

    /**
     * Writes the path's outcome into slot {@code slot} of {@code out} after the last step, whose prices are
     * {@code price}: first breach and worst shortfall of the shadow account, terminal equity, and the liquidation
     * outcomes when the block tracks them.
     */
    @Override
    public void write(double[] price, PathBlock out, int slot) {
        out.firstBreachStep[slot] = firstBreach;
        out.breachFraction[slot] = breachFraction;
        out.worstShortfall[slot] = worstShortfall;
        writeLive(price, out, slot);
    }

    /**
     * The live account's part of {@link #write}: terminal equity and the liquidation outcomes, for an engine that
     * keeps the shadow account's first breach and worst shortfall itself.
     */
    public void writeLive(double[] price, PathBlock out, int slot) {
        out.terminalEquity[slot] = terminalEquity(price);
        if (out.tracksLiquidation) {
            out.liquidations[slot] = events;
            out.liquidationLoss[slot] = loss;
            out.badDebt[slot] = badDebt;
        }
        if (out.scopes != null) {
            for (int i = 0; i < p.positions; i++) {
                double equity = open[i] ? margin[i] + size[i] * (price[p.positionAsset.get(i)] - p.positionEntry.get(i))
                        : closedEquity[i];
                out.scopes.write(slot, i, positionBreach[i], equity);
                if (out.scopes.tracksLiquidation) {
                    out.scopes.liquidationLoss[out.scopes.at(slot, i)] = positionLoss[i];
                    out.scopes.badDebt[out.scopes.at(slot, i)] = positionBadDebt[i];
                }
            }
        }
    }

    /** Equity at the horizon, closed scopes at the equity they closed with. */
    public double terminalEquity(double[] price) {
        if (!p.isolated) {
            return accountClosed ? accountClosedEquity : crossEquity(price);
        }
        double equity = cash + Valuation.unitsValue(valueUnits, price);
        for (int i = 0; i < p.positions; i++) {
            equity += open[i] ? margin[i] + size[i] * (price[p.positionAsset.get(i)] - p.positionEntry.get(i))
                    : closedEquity[i];
        }
        return equity;
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

    void accrue(int step, double[] logPrice, double[] price) {
        if (premium != null) {
            System.arraycopy(logPrice, 0, pastLogPrice, (step % history) * p.assets, p.assets);
        }
        for (int i = 0; i < p.positions; i++) {
            double rate = fundingRate(i, step, logPrice);
            if (rate == 0) {
                continue;
            }
            double mark = price[p.positionAsset.get(i)];
            shadowFunding[i] += p.positionSize.get(i) * mark * rate;
            double pay = size[i] * mark * rate;
            if (p.isolated) {
                if (open[i]) {
                    margin[i] -= pay;
                }
            } else if (!accountClosed) {
                cash -= pay;
            }
        }
        if (costs.borrowPerStep().length() > 0) {
            double interest = Valuation.unitsValue(costs.borrowPerStep(), price);
            shadowCosts += interest;
            if (!accountClosed) {
                cash -= interest;
            }
        }
    }

    /** Funding rate of position {@code i} for step {@code step}: constant, or linked to the trailing premium. */
    private double fundingRate(int i, int step, double[] logPrice) {
        if (premium != null && premium.link().get(i) != null) {
            int a = p.positionAsset.get(i);
            int back = Math.floorMod(step - premium.intervalSteps().get(i), history);
            double move = logPrice[a] - pastLogPrice[back * p.assets + a];
            double basis = premium.link().get(i).basisSensitivity() * move;
            return premium.link().get(i).rate(basis, premium.interest().get(i)) * premium.stepShare().get(i);
        }
        return costs.fundingPerStep().length() == 0 ? 0 : costs.fundingPerStep().get(i);
    }

    CompiledProblem problem() {
        return p;
    }

    double shadowShortfallAt(double[] price) {
        return shadowShortfall(price);
    }

    double crossShortfallAt(double[] price) {
        return crossShortfall(price);
    }

    double isolatedShortfallAt(int i, double mark) {
        return isolatedShortfall(i, mark);
    }

    double[] valueUnits() {
        return valueUnits;
    }

    double[] requirementUnits() {
        return requirementUnits;
    }

    /** Size of position {@code i}, signed; zero once it is closed. */
    public double size(int i) {
        return size[i];
    }

    double shadowFunding(int i) {
        return shadowFunding[i];
    }

    private double shadowShortfall(double[] price) {
        if (!p.isolated) {
            double funding = 0;
            for (double f : shadowFunding) {
                funding += f;
            }
            return Valuation.crossRequirement(p, requirementUnits, price)
                    - (Valuation.crossEquity(p, valueUnits, price) - shadowCosts - funding);
        }
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.positions; i++) {
            double mark = price[p.positionAsset.get(i)];
            double equity = Valuation.isolatedEquity(p, i, mark) - shadowFunding[i];
            worst = Math.max(worst, Valuation.positionRequirement(p, i, mark) - equity);
        }
        return worst;
    }

    private double crossEquity(double[] price) {
        double equity = cash + Valuation.unitsValue(valueUnits, price);
        for (int i = 0; i < p.positions; i++) {
            equity += size[i] * (price[p.positionAsset.get(i)] - p.positionEntry.get(i));
        }
        return equity;
    }

    private double crossShortfall(double[] price) {
        // the grid is compiled for the starting sizes, which hold until a full liquidation closes the account
        double requirement = Valuation.unitsValue(requirementUnits, price) + p.portfolioRequirement(price);
        for (int i = 0; i < p.positions; i++) {
            requirement += requirement(i, price[p.positionAsset.get(i)]);
        }
        return requirement - crossEquity(price);
    }

    private double isolatedShortfall(int i, double mark) {
        return requirement(i, mark) - (margin[i] + size[i] * (mark - p.positionEntry.get(i)));
    }

    /** Tiered requirement on the current size (the bracket table is the one compiled for the original size). */
    private double requirement(int i, double mark) {
        return size[i] == 0 ? 0 : p.tieredRequirement(i, notional(i, mark));
    }

    private double notional(int i, double mark) {
        return Math.abs(size[i]) * (p.markBasis.get(i) ? mark : p.positionEntry.get(i));
    }

    void executeCross() {
        events++;
        due[0] = NONE;
        double equity = fillCross(false);
        boolean empty = true;
        for (int i = 0; i < p.positions; i++) {
            empty &= size[i] == 0;
        }
        if (!empty && equity < 0) {
            fillCross(true);
            empty = true;
        }
        if (empty) {
            for (int a = 0; a < p.assets; a++) {
                loss += valueUnits[a] * (breachPrice[a] - fillPrice[a]);
            }
            accountClosed = true;
            accountClosedEquity = cash + Valuation.unitsValue(valueUnits, fillPrice);
            badDebt += Math.max(0, -accountClosedEquity);
        }
    }

    /**
     * Every position's fill, then the fees, each out of the account's equity after the fills and earlier fees;
     * returns that equity after the last fee. The equity is carried down the fees rather than revalued, so that a
     * fee capped at it leaves exactly zero and whether the account is bankrupt then does not turn on rounding (which
     * differs between engines).
     */
    private double fillCross(boolean all) {
        for (int i = 0; i < p.positions; i++) {
            cash += reduce(i, fillPrice[p.positionAsset.get(i)], breachPrice[p.positionAsset.get(i)], all);
        }
        double equity = crossEquity(fillPrice);
        for (int i = 0; i < p.positions; i++) {
            double charged = chargeFee(i, equity);
            cash -= charged;
            equity -= charged;
        }
        return equity;
    }

    void executeIsolated(int i, double reference) {
        events++;
        due[i] = NONE;
        double breach = breachPrice[i];
        margin[i] += reduce(i, reference, breach, false);
        // the equity is carried past the fee rather than revalued, for the reason given at fillCross
        double equity = margin[i] + size[i] * (reference - p.positionEntry.get(i));
        double charged = chargeFee(i, equity);
        margin[i] -= charged;
        if (size[i] != 0 && equity - charged < 0) {
            margin[i] += reduce(i, reference, breach, true);
            margin[i] -= chargeFee(i, margin[i]);
        }
        if (size[i] == 0) {
            open[i] = false;
            closedEquity[i] = margin[i];
            badDebt += Math.max(0, -margin[i]);
            positionBadDebt[i] += Math.max(0, -margin[i]);
        }
    }

    /**
     * Closes what the policy says (or all); returns the realised profit before the fee, adds the latency move and
     * the slippage to the loss and leaves the fee in {@link #fee} for {@link #chargeFee}.
     */
    private double reduce(int i, double reference, double breach, boolean all) {
        fee[i] = 0;
        if (size[i] == 0) {
            return 0;
        }
        double kept = 0;
        if (!all && liq.partial() != null) {
            double notional = notional(i, reference);
            PartialPolicy policy = liq.partial().get(i);
            // a tier cut keeps a bracket's floor, which belongs to the bracket above: within one settlement a position
            // still in breach is cut from the bracket the last cut left it in, on down the tiers, as a venue does,
            // rather than again to the same floor (the mark has moved a little since) by a tiny amount
            double from = cappingTiers ? Math.min(notional, tierCap[i]) : notional;
            double keptNotional = policy.keptNotional(from, n -> p.bracketFloor(i, n));
            kept = size[i] * keptNotional / notional;
            if (cappingTiers && policy.mode() == PartialPolicy.Mode.TIER) {
                tierCap[i] = keptNotional;
            }
        }
        double closed = size[i] - kept;
        size[i] = kept;
        double units = Math.abs(closed);
        double impact = liq.impact() == null ? 0
                : liq.impact().fraction(units * reference, liq.depth().get(i), liq.impactCoefficient());
        double fill = reference * (1 - Math.signum(closed) * impact);
        fee[i] = liq.feeRate() == null ? 0 : liq.feeRate().get(i) * units * fill;
        addLoss(i, closed * (breach - reference) + units * reference * impact);
        return closed * (fill - p.positionEntry.get(i));
    }

    /**
     * The fee of position {@code i}'s last fill that is charged, given the scope's equity after the fill: all of it,
     * or where the venue takes the fee from the remaining margin, at most what remains (nothing when the scope is
     * already bankrupt). Adds it to the loss.
     */
    private double chargeFee(int i, double remaining) {
        boolean capped = liq.feeCapped() != null && liq.feeCapped().get(i);
        double charged = capped ? Math.min(fee[i], Math.max(0, remaining)) : fee[i];
        fee[i] = 0;
        addLoss(i, charged);
        return charged;
    }

    /** Adds to the liquidation loss, and in isolated mode to position {@code i}'s share of it. */
    private void addLoss(int i, double amount) {
        loss += amount;
        if (p.isolated) {
            positionLoss[i] += amount;
        }
    }
}
