/*
 * Liquidation mechanics, one work-item per path, on the account of account.cl: together the port of
 * io.marginsim.engine.LiquidatingAccount, whose class javadoc is the definition (the order of operations within a
 * step, latency with log-linear interpolation, impact, fees after the event's fills, partial policies, full close,
 * bad debt, the shadow account that gives the first breach and the worst shortfall). Built after account.cl.
 *
 * Build options (io.marginsim.engine.opencl.FrictionBuffer): LATENCY_FRACTION (latency with a fraction of a step),
 * IMPACT_LINEAR or IMPACT_SQRT, FEES, FEE_CAPPED (some position's fee is at most the scope's remaining equity),
 * PARTIAL; without one, its code is left out and its parameters read as zero. A problem with carrying costs and no
 * liquidation object gets none of them: a breach closes its scope at once at the breach step's price, as the
 * reference's plain liquidation does.
 */

/* Reference price of a fill due now; onSchedule false: due after the horizon, executed at the horizon's price. */
real reference_price(const Problem *p, const Frictions *f, int a, bool onSchedule, const real *x,
                     const real *previousX, const real *price) {
#ifdef LATENCY_FRACTION
    if (onSchedule) {
        return p->initialPrice[a] * exp((1 - f->latencyFraction) * previousX[a] + f->latencyFraction * x[a]);
    }
#endif
    return price[a];
}

/* PartialPolicy.keptNotional: 0 FULL, 1 TIER (the floor of the current bracket), 2 FRACTION. */
real kept_notional(const Problem *p, const Frictions *f, int i, real notional) {
    int mode = (int) f->partialMode[i];
    if (mode == 1) {
        /* the bracket of the largest notional below this one (Math.nextDown in the reference) */
        int k = p->tierStart[i];
        int end = p->tierStart[i + 1];
        while (k + 1 < end && p->tierFloor[k + 1] < notional) {
            k++;
        }
        return k > p->tierStart[i] ? p->tierFloor[k] : 0;
    }
    if (mode == 2) {
        return notional > f->partialAbove[i] ? (1 - f->partialFraction[i]) * notional : 0;
    }
    return 0;
}

/* ImpactModel.fraction, capped at 1. */
real impact_fraction(const Frictions *f, int i, real notional) {
    real depth = f->depth[i];
    if (!(notional > 0) || depth == INFINITY || f->impactCoefficient == 0) {
        return 0;
    }
#ifdef IMPACT_SQRT
    return fmin((real) 1, f->impactCoefficient * sqrt(notional / depth));
#else
    return fmin((real) 1, f->impactCoefficient * (notional / depth));
#endif
}

/*
 * Closes what the policy says (or all); returns the realised profit before the fee, adds the latency move and the
 * slippage to the loss and leaves the fee in s->fee for charge_fee.
 */
real reduce_position(const Problem *p, const Frictions *f, Account *s, int i, real reference, real breach,
                     bool all) {
    s->fee[i] = 0;
    if (s->size[i] == 0) {
        return 0;
    }
    real kept = 0;
#ifdef PARTIAL
    if (!all) {
        real notional = current_notional(p, s, false, i, reference);
        kept = s->size[i] * kept_notional(p, f, i, notional) / notional;
    }
#endif
    real closed = s->size[i] - kept;
    s->size[i] = kept;
    real units = fabs(closed);
    real impact = 0;
#if defined(IMPACT_LINEAR) || defined(IMPACT_SQRT)
    impact = impact_fraction(f, i, units * reference);
#endif
    real fill = reference * (1 - sign(closed) * impact);
#ifdef FEES
    s->fee[i] = f->feeRate[i] * units * fill;
#endif
    s->loss += closed * (breach - reference) + units * reference * impact;
    return closed * (fill - p->entry[i]);
}

/*
 * The part of position i's last fee that is charged, given the scope's equity after the fills and earlier fees:
 * all of it, or where the fee is capped at most what remains (nothing when the scope is bankrupt). Adds it to the
 * loss.
 */
real charge_fee(const Frictions *f, Account *s, int i, real remaining) {
    real charged = s->fee[i];
#ifdef FEE_CAPPED
    if (f->feeCapped[i] != 0) {
        charged = fmin(charged, fmax((real) 0, remaining));
    }
#endif
    s->fee[i] = 0;
    s->loss += charged;
    return charged;
}

/*
 * Every position's fill, then the fees, each out of the account's equity after the fills and earlier fees; returns
 * that equity after the last fee, carried down the fees as the reference does, so that a capped fee leaves exactly
 * zero and the bankruptcy test after it does not turn on rounding.
 */
real fill_cross(const Problem *p, const Frictions *f, Account *s, bool all) {
    for (int i = 0; i < POSITIONS; i++) {
        s->cash += reduce_position(p, f, s, i, s->fillPrice[p->asset[i]], s->breachPrice[p->asset[i]], all);
    }
    real equity = current_cross_equity(p, s, s->fillPrice);
#ifdef FEES
    for (int i = 0; i < POSITIONS; i++) {
        real charged = charge_fee(f, s, i, equity);
        s->cash -= charged;
        equity -= charged;
    }
#endif
    return equity;
}

void execute_cross(const Problem *p, const Frictions *f, Account *s) {
    s->events++;
    s->due[0] = NO_FILL;
    real equity = fill_cross(p, f, s, false);
    bool empty = true;
    for (int i = 0; i < POSITIONS; i++) {
        empty &= s->size[i] == 0;
    }
    if (!empty && equity < 0) {
        fill_cross(p, f, s, true);
        empty = true;
    }
    if (empty) {
        for (int a = 0; a < ASSETS; a++) {
            s->loss += s->valueUnits[a] * (s->breachPrice[a] - s->fillPrice[a]);
        }
        s->accountClosed = 1;
        s->accountClosedEquity = s->cash + units_value(s->valueUnits, s->fillPrice);
        s->badDebt += fmax((real) 0, -s->accountClosedEquity);
    }
}

void execute_isolated(const Problem *p, const Frictions *f, Account *s, int i, real reference) {
    s->events++;
    s->due[i] = NO_FILL;
    real breach = s->breachPrice[i];
    s->margin[i] += reduce_position(p, f, s, i, reference, breach, false);
    real equity = scope_isolated_equity(p, s, false, i, reference);
    real charged = charge_fee(f, s, i, equity);
    s->margin[i] -= charged;
    if (s->size[i] != 0 && equity - charged < 0) {
        s->margin[i] += reduce_position(p, f, s, i, reference, breach, true);
        s->margin[i] -= charge_fee(f, s, i, s->margin[i]);
    }
    if (s->size[i] == 0) {
        s->open[i] = 0;
        s->closedEquity[i] = s->margin[i];
        s->badDebt += fmax((real) 0, -s->margin[i]);
    }
}

/* LiquidatingAccount.step: advances the account through `step`; returns the shadow account's shortfall. */
real account_step(const Problem *p, const Frictions *f, Account *s, int isolated, int step, int steps,
                  const real *x, const real *previousX, const real *price) {
    accrue(p, f, s, isolated, step, x, price);
    real shortfall = shadow_shortfall(p, s, isolated, price);
    bool last = step == steps;
    if (isolated) {
        for (int i = 0; i < POSITIONS; i++) {
            int a = p->asset[i];
            bool filled = false;
            if (s->open[i] && (s->due[i] == step || (last && s->due[i] != NO_FILL))) {
                execute_isolated(p, f, s, i, reference_price(p, f, a, s->due[i] == step, x, previousX, price));
                filled = true;
            }
            if (s->open[i] && !filled && s->due[i] == NO_FILL && current_isolated_shortfall(p, s, i, price[a]) > 0) {
                s->due[i] = step + f->latencyWhole;
                s->breachPrice[i] = price[a];
                if (s->due[i] == step) {
                    execute_isolated(p, f, s, i, price[a]);
                }
            }
        }
    } else if (!s->accountClosed) {
        bool filled = false;
        if (s->due[0] == step || (last && s->due[0] != NO_FILL)) {
            for (int a = 0; a < ASSETS; a++) {
                s->fillPrice[a] = reference_price(p, f, a, s->due[0] == step, x, previousX, price);
            }
            execute_cross(p, f, s);
            filled = true;
        }
        if (!s->accountClosed && !filled && s->due[0] == NO_FILL && current_cross_shortfall(p, s, price) > 0) {
            s->due[0] = step + f->latencyWhole;
            for (int a = 0; a < ASSETS; a++) {
                s->breachPrice[a] = price[a];
            }
            if (s->due[0] == step) {
                for (int a = 0; a < ASSETS; a++) {
                    s->fillPrice[a] = price[a];
                }
                execute_cross(p, f, s);
            }
        }
    }
    return shortfall;
}

/* Equity at the horizon, closed scopes at the equity they closed with. */
real account_terminal(const Problem *p, const Account *s, int isolated, const real *price) {
    if (!isolated) {
        return s->accountClosed ? s->accountClosedEquity : current_cross_equity(p, s, price);
    }
    real equity = s->cash + units_value(s->valueUnits, price);
    for (int i = 0; i < POSITIONS; i++) {
        equity += s->open[i] ? scope_isolated_equity(p, s, false, i, price[p->asset[i]]) : s->closedEquity[i];
    }
    return equity;
}

/* simulate_paths with the account above, and its outcomes. */
__kernel void simulate_liquidating_paths(PATH_KERNEL_ARGUMENTS, PARAM real *frictions, __global int *eventsOut,
                                         __global real *lossOut, __global real *badDebtOut) {
    PATH_KERNEL_PROLOGUE;
    Frictions f;
    view_frictions(&f, frictions);
    Account s;
    start_account(&p, &f, &s);

    real x[ASSETS];
    real previousX[ASSETS];
    real price[ASSETS];
    for (int a = 0; a < ASSETS; a++) {
        x[a] = 0;
    }
    START_MARKET;
    int firstBreach = 0;
    real worst = -INFINITY;
    for (int step = 1; step <= steps; step++) {
        for (int a = 0; a < ASSETS; a++) {
            previousX[a] = x[a];
        }
        ADVANCE_MARKET(step);
#ifdef PATH_HAIRCUTS
        haircut_units(&p, &f, state.variance, &s);
#endif
        real shortfall = account_step(&p, &f, &s, isolated, step, steps, x, previousX, price);
        worst = fmax(worst, shortfall);
        if (shortfall > 0 && firstBreach == 0) {
            firstBreach = step;
        }
    }
    firstBreachOut[gid] = firstBreach;
    worstOut[gid] = worst;
    terminalOut[gid] = account_terminal(&p, &s, isolated, price);
    eventsOut[gid] = s.events;
    lossOut[gid] = s.loss;
    badDebtOut[gid] = s.badDebt;
}
