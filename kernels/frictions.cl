/*
 * Carrying costs and liquidation mechanics, one work-item per path: the port of
 * io.marginsim.engine.LiquidatingAccount, whose class javadoc is the definition (the order of operations within a
 * step, latency with log-linear interpolation, impact, fee, partial policies, full close, bad debt, the shadow
 * account that gives the first breach and the worst shortfall). Built after paths.cl and models.cl, only for
 * problems with frictions (FRICTIONS), so the plain kernel is untouched.
 *
 * Build options (io.marginsim.engine.opencl.FrictionBuffer): FUNDING, BORROW, LATENCY_FRACTION (latency with a
 * fraction of a step), IMPACT_LINEAR or IMPACT_SQRT, FEES, PARTIAL; without one, its code is left out and its
 * parameters read as zero. A problem with carrying costs and no liquidation object gets none of the last four:
 * a breach closes its scope at once at the breach step's price, as the reference's plain liquidation does.
 */
#define NO_FILL INT_MAX
#define BREACH_SLOTS (ASSETS > POSITION_SLOTS ? ASSETS : POSITION_SLOTS)

/* Views into the packed friction parameters, the layout of FrictionBuffer. */
typedef struct {
    int latencyWhole;
    real latencyFraction;
    real impactCoefficient;
    PARAM real *funding;
    PARAM real *borrow;
    PARAM real *depth;
    PARAM real *feeRate;
    PARAM real *partialMode;
    PARAM real *partialFraction;
    PARAM real *partialAbove;
} Frictions;

/* One path's account: LiquidatingAccount's fields. */
typedef struct {
    real cash;
    real size[POSITION_SLOTS];
    real margin[POSITION_SLOTS];
    char open[POSITION_SLOTS];
    real closedEquity[POSITION_SLOTS];
    char accountClosed;
    real accountClosedEquity;
    /* step at which a scheduled fill executes (cross: index 0), or NO_FILL */
    int due[POSITION_SLOTS];
    /* breach-step prices per asset (cross) or of the position's asset (isolated, by position) */
    real breachPrice[BREACH_SLOTS];
    real fillPrice[ASSETS];
    real shadowCosts;
    real shadowFunding[POSITION_SLOTS];
    int events;
    real loss;
    real badDebt;
} Account;

void view_frictions(Frictions *f, PARAM real *params) {
    f->latencyWhole = (int) params[0];
    f->latencyFraction = params[1];
    f->impactCoefficient = params[2];
    f->funding = params + 3;
    f->borrow = f->funding + POSITIONS;
    f->depth = f->borrow + ASSETS;
    f->feeRate = f->depth + POSITIONS;
    f->partialMode = f->feeRate + POSITIONS;
    f->partialFraction = f->partialMode + POSITIONS;
    f->partialAbove = f->partialFraction + POSITIONS;
}

void start_account(const Problem *p, Account *s) {
    s->cash = p->cash;
    for (int i = 0; i < POSITION_SLOTS; i++) {
        s->size[i] = i < POSITIONS ? p->size[i] : 0;
        s->margin[i] = i < POSITIONS ? p->margin[i] : 0;
        s->open[i] = 1;
        s->closedEquity[i] = 0;
        s->due[i] = NO_FILL;
        s->shadowFunding[i] = 0;
    }
    s->accountClosed = 0;
    s->accountClosedEquity = 0;
    s->shadowCosts = 0;
    s->events = 0;
    s->loss = 0;
    s->badDebt = 0;
}

real units_value(PARAM real *units, const real *price) {
    real value = 0;
    for (int a = 0; a < ASSETS; a++) {
        value += units[a] * price[a];
    }
    return value;
}

real current_notional(const Problem *p, const Account *s, int i, real mark) {
    return fabs(s->size[i]) * (p->markBasis[i] ? mark : p->entry[i]);
}

/* Tiered requirement on the current size (the brackets are those compiled for the original size). */
real current_requirement(const Problem *p, const Account *s, int i, real mark) {
    return s->size[i] == 0 ? 0 : tiered_requirement(p, i, current_notional(p, s, i, mark));
}

real current_cross_equity(const Problem *p, const Account *s, const real *price) {
    real equity = s->cash + units_value(p->valueUnits, price);
    for (int i = 0; i < POSITIONS; i++) {
        equity += s->size[i] * (price[p->asset[i]] - p->entry[i]);
    }
    return equity;
}

real current_cross_shortfall(const Problem *p, const Account *s, const real *price) {
    real requirement = units_value(p->requirementUnits, price);
    for (int i = 0; i < POSITIONS; i++) {
        requirement += current_requirement(p, s, i, price[p->asset[i]]);
    }
    return requirement - current_cross_equity(p, s, price);
}

real current_isolated_shortfall(const Problem *p, const Account *s, int i, real mark) {
    return current_requirement(p, s, i, mark) - (s->margin[i] + s->size[i] * (mark - p->entry[i]));
}

void accrue(const Problem *p, const Frictions *f, Account *s, int isolated, const real *price) {
#ifdef FUNDING
    for (int i = 0; i < POSITIONS; i++) {
        real rate = f->funding[i];
        if (rate == 0) {
            continue;
        }
        real mark = price[p->asset[i]];
        s->shadowFunding[i] += p->size[i] * mark * rate;
        real pay = s->size[i] * mark * rate;
        if (isolated) {
            if (s->open[i]) {
                s->margin[i] -= pay;
            }
        } else if (!s->accountClosed) {
            s->cash -= pay;
        }
    }
#endif
#ifdef BORROW
    real interest = units_value(f->borrow, price);
    s->shadowCosts += interest;
    if (!s->accountClosed) {
        s->cash -= interest;
    }
#endif
}

/* The shortfall of the account that is never liquidated but pays the same carrying costs. */
real shadow_shortfall(const Problem *p, const Account *s, int isolated, const real *price) {
    if (!isolated) {
        real funding = 0;
        for (int i = 0; i < POSITIONS; i++) {
            funding += s->shadowFunding[i];
        }
        return cross_requirement(p, price) - (cross_equity(p, price) - s->shadowCosts - funding);
    }
    real worst = -INFINITY;
    for (int i = 0; i < POSITIONS; i++) {
        real mark = price[p->asset[i]];
        real equity = p->margin[i] + p->size[i] * (mark - p->entry[i]) - s->shadowFunding[i];
        worst = fmax(worst, position_requirement(p, i, mark) - equity);
    }
    return worst;
}

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

/* Closes what the policy says (or all); returns the realised profit less the fee, and adds to the loss. */
real reduce_position(const Problem *p, const Frictions *f, Account *s, int i, real reference, real breach,
                     bool all) {
    if (s->size[i] == 0) {
        return 0;
    }
    real kept = 0;
#ifdef PARTIAL
    if (!all) {
        real notional = current_notional(p, s, i, reference);
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
    real fee = 0;
#ifdef FEES
    fee = f->feeRate[i] * units * fill;
#endif
    s->loss += closed * (breach - reference) + units * reference * impact + fee;
    return closed * (fill - p->entry[i]) - fee;
}

void execute_cross(const Problem *p, const Frictions *f, Account *s) {
    s->events++;
    s->due[0] = NO_FILL;
    for (int i = 0; i < POSITIONS; i++) {
        s->cash += reduce_position(p, f, s, i, s->fillPrice[p->asset[i]], s->breachPrice[p->asset[i]], false);
    }
    bool empty = true;
    for (int i = 0; i < POSITIONS; i++) {
        empty &= s->size[i] == 0;
    }
    if (!empty && current_cross_equity(p, s, s->fillPrice) < 0) {
        for (int i = 0; i < POSITIONS; i++) {
            s->cash += reduce_position(p, f, s, i, s->fillPrice[p->asset[i]], s->breachPrice[p->asset[i]], true);
        }
        empty = true;
    }
    if (empty) {
        for (int a = 0; a < ASSETS; a++) {
            s->loss += p->valueUnits[a] * (s->breachPrice[a] - s->fillPrice[a]);
        }
        s->accountClosed = 1;
        s->accountClosedEquity = s->cash + units_value(p->valueUnits, s->fillPrice);
        s->badDebt += fmax((real) 0, -s->accountClosedEquity);
    }
}

void execute_isolated(const Problem *p, const Frictions *f, Account *s, int i, real reference) {
    s->events++;
    s->due[i] = NO_FILL;
    real breach = s->breachPrice[i];
    s->margin[i] += reduce_position(p, f, s, i, reference, breach, false);
    if (s->size[i] != 0 && s->margin[i] + s->size[i] * (reference - p->entry[i]) < 0) {
        s->margin[i] += reduce_position(p, f, s, i, reference, breach, true);
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
    accrue(p, f, s, isolated, price);
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
    real equity = s->cash + units_value(p->valueUnits, price);
    for (int i = 0; i < POSITIONS; i++) {
        equity += s->open[i] ? s->margin[i] + s->size[i] * (price[p->asset[i]] - p->entry[i]) : s->closedEquity[i];
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
    start_account(&p, &s);

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
