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
 * reference's plain liquidation does. With CONTINUOUS the scopes are also checked within each step (monitor.cl, built
 * before account.cl) and fills start from the crossing: see continuous_account_step.
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
    int mode = f->ints[FRICTION_INT_PARTIAL_MODE + i];
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
        return notional > f->reals[FRICTION_PARTIAL_ABOVE + i]
                ? (1 - f->reals[FRICTION_PARTIAL_FRACTION + i]) * notional : 0;
    }
    return 0;
}

/* ImpactModel.fraction, capped at 1. */
real impact_fraction(const Frictions *f, int i, real notional) {
    real depth = f->reals[FRICTION_DEPTH + i];
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
        real from = notional;
#ifdef CONTINUOUS
        /* LiquidatingAccount.reduce: within one settlement a tier cut goes on down from the last one's bracket */
        if (s->cappingTiers) {
            from = fmin(notional, s->tierCap[i]);
        }
#endif
        real keptNotional = kept_notional(p, f, i, from);
        kept = s->size[i] * keptNotional / notional;
#ifdef CONTINUOUS
        if (s->cappingTiers && f->ints[FRICTION_INT_PARTIAL_MODE + i] == 1) {
            s->tierCap[i] = keptNotional;
        }
#endif
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
    s->fee[i] = f->reals[FRICTION_FEE_RATE + i] * units * fill;
#endif
    real lost = closed * (breach - reference) + units * reference * impact;
    s->loss += lost;
    s->positionLoss[i] += lost;
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
    if (f->ints[FRICTION_INT_FEE_CAPPED + i] != 0) {
        charged = fmin(charged, fmax((real) 0, remaining));
    }
#endif
    s->fee[i] = 0;
    s->loss += charged;
    s->positionLoss[i] += charged;
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

/* LiquidatingAccount.noteBreach: the first step a breach of isolated position i schedules its fill. */
void note_breach(Account *s, int i, int step) {
    if (s->positionBreach[i] == 0) {
        s->positionBreach[i] = step;
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
        s->positionBadDebt[i] += fmax((real) 0, -s->margin[i]);
    }
}

/* LiquidatingAccount.step: advances the account through `step`; returns the shadow account's shortfall. */
real account_step(const Problem *p, const Frictions *f, Account *s, int step, int steps,
                  const real *x, const real *previousX, const real *price) {
    accrue(p, f, s, step, x, price);
    real shortfall = shadow_shortfall(p, s, price);
    bool last = step == steps;
    if (ISOLATED_ACCOUNT) {
        for (int i = 0; i < POSITIONS; i++) {
            int a = p->asset[i];
            bool filled = false;
            if (s->open[i] && (s->due[i] == step || (last && s->due[i] != NO_FILL))) {
                execute_isolated(p, f, s, i, reference_price(p, f, a, s->due[i] == step, x, previousX, price));
                filled = true;
            }
            if (s->open[i] && !filled && s->due[i] == NO_FILL && current_isolated_shortfall(p, s, i, price[a]) > 0) {
                s->due[i] = step + f->latencyWhole;
                note_breach(s, i, step);
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

#ifdef CONTINUOUS
/*
 * Continuous monitoring of the account: the port of io.marginsim.engine.ContinuousFills, whose comments (and the
 * class javadoc of LiquidatingAccount) are the definition. The checks are monitor.cl's on account_margin's margins,
 * with the reference's segments and draws, so a path is checked between steps as the reference checks it.
 */
#define MAX_SEGMENTS 16

/* Latency in steps, back from FrictionBuffer's whole steps (rounded up) and fraction. */
real latency_steps(const Frictions *f) {
    return (real) (f->latencyFraction > 0 ? f->latencyWhole - 1 : f->latencyWhole) + f->latencyFraction;
}

/* ContinuousFills.schedule: a breach at fraction tau of step `step` fills the latency later. */
void schedule(const Frictions *f, Account *s, int scope, int step, real tau) {
    real at = tau + latency_steps(f);
    int whole = max(1, (int) ceil(at));
    s->due[scope] = step - 1 + whole;
    s->dueFraction[scope] = at - (whole - 1);
}

/* ContinuousFills.withinStep: the price at fraction f >= tau, log-linear from the crossing at tau to the step's end */
real within_step(const Problem *p, int a, real crossing, real x, real tau, real f) {
    if (!(f > tau) || !(tau < 1)) {
        return crossing;
    }
    real from = log(crossing / p->initialPrice[a]);
    return p->initialPrice[a] * exp(from + (f - tau) / (1 - tau) * (x - from));
}

/* ContinuousFills.scheduled: the reference price of a fill due now, at the scope's own fraction of its due step */
real scheduled_price(const Problem *p, int a, bool onSchedule, real f, const real *x, const real *previousX,
                     const real *price) {
    if (f >= 1 || !onSchedule) {
        return price[a];
    }
    return p->initialPrice[a] * exp((1 - f) * previousX[a] + f * x[a]);
}

/*
 * ContinuousFills.checkCross: a breach within the step fills at once or schedules its fill; after a fill within the
 * step the rest of it, from the fill's prices with the variance left, is checked again with the next segment's draws.
 */
void check_cross(const Problem *p, const Frictions *f, Account *s, Bridge *b, int step, const real *x,
                 const real *price, const real *previousX, const real *previousPrice) {
    real start = 0;
    real from[ASSETS];
    real logFrom[ASSETS];
    for (int a = 0; a < ASSETS; a++) {
        from[a] = previousPrice[a];
        logFrom[a] = previousX[a];
    }
    for (int k = 0; k < MAX_SEGMENTS && !s->accountClosed && s->due[0] == NO_FILL; k++) {
        b->firstBlock = (uint) (k * SEGMENT_BLOCKS);
        Margin m;
        account_margin(p, s, false, &m);
        real crossing[ASSETS];
        int moving;
        real time;
        if (!(cross_shortfall(p, &m, b, from, logFrom, price, x, crossing, &moving, &time) > 0)) {
            break;
        }
        for (int a = 0; a < ASSETS; a++) {
            s->breachPrice[a] = crossing[a];
        }
        real tau = start + (1 - start) * cross_crossing_time(p, b, moving, time, logFrom, x, crossing);
        schedule(f, s, 0, step, tau);
        if (s->due[0] != step) {
            break;
        }
        for (int a = 0; a < ASSETS; a++) {
            s->fillPrice[a] = within_step(p, a, s->breachPrice[a], x[a], tau, s->dueFraction[0]);
            from[a] = s->fillPrice[a];
            logFrom[a] = log(s->fillPrice[a] / p->initialPrice[a]);
        }
        execute_cross(p, f, s);
        start = s->dueFraction[0];
        b->share = fmax((real) 0, 1 - start);
    }
}

/*
 * ContinuousFills.checkIsolated for position i, whose asset's least and greatest log price over the whole step
 * (segment 0) are given; later segments draw their own for the asset alone, which is all the position reads.
 */
void check_isolated(const Problem *p, const Frictions *f, Account *s, Bridge *b, int step, int i, const real *x,
                    const real *price, const real *previousX, const real *previousPrice, real least,
                    real greatest) {
    int a = p->asset[i];
    real start = 0;
    real mark = previousPrice[a];
    real logMark = previousX[a];
    for (int k = 0; k < MAX_SEGMENTS && s->open[i] && s->due[i] == NO_FILL; k++) {
        b->firstBlock = (uint) (k * SEGMENT_BLOCKS);
        if (k > 0) {
            draw_asset_extremes(b, a, logMark, x[a], &least, &greatest);
        }
        Margin m;
        account_margin(p, s, false, &m);
        real barrier;
        if (!(position_shortfall(p, &m, i, mark, price[a], least, greatest, &barrier) > 0)) {
            break;
        }
        s->breachPrice[i] = barrier;
        real v = b->cov[a * ASSETS + a] * b->share;
        real tau = start + (1 - start) * asset_crossing_time(p, b, a, logMark, x[a], v, barrier);
        schedule(f, s, i, step, tau);
        note_breach(s, i, step);
        if (s->due[i] != step) {
            break;
        }
        mark = within_step(p, a, barrier, x[a], tau, s->dueFraction[i]);
        logMark = log(mark / p->initialPrice[a]);
        execute_isolated(p, f, s, i, mark);
        start = s->dueFraction[i];
        b->share = fmax((real) 0, 1 - start);
    }
}

/*
 * ContinuousFills.step: account_step with the checks within the step, from the step's starting prices and with its
 * diffusion covariance cov; returns the shadow account's shortfall, the largest within the step. While the path has
 * not breached (firstBreach 0), a breach of this step sets *breachTime to when the shadow crossed within it.
 */
real continuous_account_step(const Problem *p, const Frictions *f, Account *s, int step, int steps,
                             uint path, uint k0, uint k1, const real *cov, const real *x, const real *previousX,
                             const real *price, const real *previousPrice, int firstBreach, real *breachTime) {
    accrue(p, f, s, step, x, price);
    Bridge whole = {(uint) step, path, k0, k1, 0, cov, 1};
    Margin shadow;
    account_margin(p, s, true, &shadow);
    real least[ASSETS];
    real greatest[ASSETS];
    real shortfall;
    if (ISOLATED_ACCOUNT) {
        draw_extremes(&whole, previousX, x, least, greatest);
        shortfall = -INFINITY;
        for (int i = 0; i < POSITIONS; i++) {
            int a = p->asset[i];
            real barrier;
            real position = position_shortfall(p, &shadow, i, previousPrice[a], price[a], least[a], greatest[a],
                                               &barrier);
            if (position > 0 && firstBreach == 0) {
                /* the earliest breaching position's crossing (*breachTime is 1 until the first breach) */
                *breachTime = fmin(*breachTime, asset_crossing_time(p, &whole, a, previousX[a], x[a],
                                                                    bridge_covariance(&whole, a, a), barrier));
            }
            shortfall = fmax(shortfall, position);
        }
    } else {
        real crossing[ASSETS];
        int moving;
        real time;
        shortfall = cross_shortfall(p, &shadow, &whole, previousPrice, previousX, price, x, crossing, &moving, &time);
        if (shortfall > 0 && firstBreach == 0) {
            *breachTime = cross_crossing_time(p, &whole, moving, time, previousX, x, crossing);
        }
    }
    bool last = step == steps;
    /* LiquidatingAccount.tierCapping: this step's settlement */
    s->cappingTiers = 1;
    for (int i = 0; i < POSITIONS; i++) {
        s->tierCap[i] = INFINITY;
    }
    if (ISOLATED_ACCOUNT) {
        for (int i = 0; i < POSITIONS; i++) {
            int a = p->asset[i];
            bool filled = false;
            int due = s->due[i];
            if (s->open[i] && (due == step || (last && due != NO_FILL))) {
                execute_isolated(p, f, s, i, scheduled_price(p, a, due == step, s->dueFraction[i], x, previousX,
                                                             price));
                filled = true;
            }
            if (s->open[i] && !filled && s->due[i] == NO_FILL) {
                Bridge b = whole;
                check_isolated(p, f, s, &b, step, i, x, price, previousX, previousPrice, least[a], greatest[a]);
            }
        }
    } else if (!s->accountClosed) {
        bool filled = false;
        if (s->due[0] == step || (last && s->due[0] != NO_FILL)) {
            for (int a = 0; a < ASSETS; a++) {
                s->fillPrice[a] = scheduled_price(p, a, s->due[0] == step, s->dueFraction[0], x, previousX, price);
            }
            execute_cross(p, f, s);
            filled = true;
        }
        if (!s->accountClosed && !filled && s->due[0] == NO_FILL) {
            check_cross(p, f, s, &whole, step, x, price, previousX, previousPrice);
        }
    }
    s->cappingTiers = 0;
    return shortfall;
}
#endif

/* Equity at the horizon, closed scopes at the equity they closed with. */
real account_terminal(const Problem *p, const Account *s, const real *price) {
    if (!ISOLATED_ACCOUNT) {
        return s->accountClosed ? s->accountClosedEquity : current_cross_equity(p, s, price);
    }
    real equity = s->cash + units_value(s->valueUnits, price);
    for (int i = 0; i < POSITIONS; i++) {
        equity += s->open[i] ? scope_isolated_equity(p, s, false, i, price[p->asset[i]]) : s->closedEquity[i];
    }
    return equity;
}

/* simulate_paths with the account above, and its outcomes. */
/*
 * `scope*Out` (POSITIONS per path, path-major) receive each isolated position's breach step, equity at close,
 * liquidation loss and bad debt (ScopeBlock); null where they are not wanted (cross mode).
 */
__kernel void simulate_liquidating_paths(PATH_KERNEL_ARGUMENTS, PARAM real *frictions, PARAM int *frictionInts,
                                         __global int *eventsOut,
                                         __global real *lossOut, __global real *badDebtOut,
                                         __global int *scopeBreachOut, __global real *scopeEquityOut,
                                         __global real *scopeLossOut, __global real *scopeBadDebtOut) {
    PATH_KERNEL_PROLOGUE;
    Frictions f;
    view_frictions(&f, frictions, frictionInts);
    Account s;
    start_account(&p, &f, &s);

    real x[ASSETS];
    real previousX[ASSETS];
    real price[ASSETS];
    for (int a = 0; a < ASSETS; a++) {
        x[a] = 0;
    }
    START_MARKET;
#ifdef CONTINUOUS
    START_COVARIANCE;
    real previousPrice[ASSETS];
    for (int a = 0; a < ASSETS; a++) {
        price[a] = p.initialPrice[a];
    }
#endif
    int firstBreach = 0;
    /* the fraction of its step at which the shadow first crossed: the step's end unless monitor.cl finds it */
    real breachTime = 1;
    real worst = -INFINITY;
    for (int step = 1; step <= steps; step++) {
#ifdef CONTINUOUS
        STEP_COVARIANCE(step);
        for (int a = 0; a < ASSETS; a++) {
            previousPrice[a] = price[a];
        }
#endif
        for (int a = 0; a < ASSETS; a++) {
            previousX[a] = x[a];
        }
        ADVANCE_MARKET(step);
#ifdef PATH_HAIRCUTS
        haircut_units(&p, &f, state.variance, &s);
#endif
#ifdef CONTINUOUS
        real shortfall = continuous_account_step(&p, &f, &s, step, steps, path, k0, k1, cov, x, previousX,
                                                 price, previousPrice, firstBreach, &breachTime);
#else
        real shortfall = account_step(&p, &f, &s, step, steps, x, previousX, price);
#endif
        worst = fmax(worst, shortfall);
        if (shortfall > 0 && firstBreach == 0) {
            firstBreach = step;
        }
    }
    firstBreachOut[gid] = breach_slot(firstBreach, breachTime);
    worstOut[gid] = worst;
    terminalOut[gid] = account_terminal(&p, &s, price);
    eventsOut[gid] = s.events;
    lossOut[gid] = s.loss;
    badDebtOut[gid] = s.badDebt;
    if (ISOLATED_ACCOUNT && scopeBreachOut != 0) {
        for (int i = 0; i < POSITIONS; i++) {
            uint k = gid * SCOPE_FIELDS + SCOPE_OUTCOME + i;
            scopeBreachOut[k] = s.positionBreach[i];
            scopeEquityOut[k] = s.open[i] ? scope_isolated_equity(&p, &s, false, i, price[p.asset[i]])
                    : s.closedEquity[i];
            scopeLossOut[k] = s.positionLoss[i];
            scopeBadDebtOut[k] = s.positionBadDebt[i];
        }
    }
}
