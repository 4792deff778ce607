/*
 * One path's account under carrying costs: its state, its valuation and the costs that accrue each step, for the
 * liquidating kernel of frictions.cl. Together the two files are the port of io.marginsim.engine.LiquidatingAccount,
 * whose class javadoc is the definition. Built after paths.cl and models.cl, before frictions.cl, only for problems
 * with frictions (FRICTIONS), so the plain kernel is untouched.
 *
 * With CONTINUOUS it also gives monitor.cl the margins it checks (account_margin); monitor.cl is then built before it.
 *
 * Build options (io.marginsim.engine.opencl.FrictionBuffer): ISOLATED (isolated margin; cross without), FUNDING
 * (constant rates), BORROW, PREMIUM_FUNDING with PREMIUM_HISTORY (log prices kept per asset: the longest funding
 * interval in steps plus one; without PREMIUM_FUNDING the account keeps no window), PATH_HAIRCUTS with HAIRCUT_ENTRIES
 * (collateral entries whose volatility-scaled haircut follows the GARCH variance), and those of frictions.cl; without
 * one, its code is left out.
 */
#define NO_FILL INT_MAX
/*
 * The account's margin mode, fixed per program so that the compiler drops the other mode's branches (the kernel's
 * `isolated` argument, shared with the plain kernel, is not read).
 */
#ifdef ISOLATED
#define ISOLATED_ACCOUNT 1
#else
#define ISOLATED_ACCOUNT 0
#endif
#define BREACH_SLOTS (ASSETS > POSITION_SLOTS ? ASSETS : POSITION_SLOTS)

#if defined(PATH_HAIRCUTS) && !defined(MODEL_GARCH)
#error "PATH_HAIRCUTS reads the GARCH variance of models.cl: build with MODELS and MODEL_GARCH"
#endif

/*
 * The packed friction parameters are read at the generated offsets of io.marginsim.engine.opencl.KernelLayouts:
 * FRICTION_* into the reals, FRICTION_INT_* into the ints. They are compile-time constants, so a work-item holds two
 * base pointers rather than a pointer per array, and every read is a load at a constant offset from one of them.
 */

/* The friction parameters: the scalars every step reads, and the two packed arrays at the offsets above. */
typedef struct {
    int latencyWhole;
    real latencyFraction;
    real impactCoefficient;
    /* a private copy, so that units_value serves it and the account's own units alike */
    real borrow[ASSETS];
    PARAM real *reals;
    PARAM int *ints;
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
    /* per position: the fee of its last fill, until charge_fee charges it */
    real fee[POSITION_SLOTS];
    real shadowCosts;
    real shadowFunding[POSITION_SLOTS];
    /* collateral (after haircut) and debt units, and the collateral's requirement units, at this step's haircuts */
    real valueUnits[ASSETS];
    real requirementUnits[ASSETS];
#ifdef PREMIUM_FUNDING
    /* ring of the last PREMIUM_HISTORY steps' log prices: step t of asset a at (t mod PREMIUM_HISTORY) * ASSETS + a */
    real pastX[PREMIUM_HISTORY * ASSETS];
#endif
#ifdef CONTINUOUS
    /* per scope, where its scheduled fill falls in its due step, as a fraction of the step (ContinuousFills) */
    real dueFraction[POSITION_SLOTS];
    /* within one step's settlement (cappingTiers): per position, the notional the last tier partial kept */
    real tierCap[POSITION_SLOTS];
    char cappingTiers;
#endif
    int events;
    real loss;
    real badDebt;
    /*
     * Per position (isolated mode's scopes, ScopeBlock): the step its breach first scheduled a fill (0 before), and
     * its share of loss and badDebt.
     */
    int positionBreach[POSITION_SLOTS];
    real positionLoss[POSITION_SLOTS];
    real positionBadDebt[POSITION_SLOTS];
} Account;

void view_frictions(Frictions *f, PARAM real *params, PARAM int *ints) {
    f->latencyWhole = ints[FRICTION_INT_LATENCY_WHOLE];
    f->latencyFraction = params[FRICTION_LATENCY_FRACTION];
    f->impactCoefficient = params[FRICTION_IMPACT_COEFFICIENT];
    for (int a = 0; a < ASSETS; a++) {
        f->borrow[a] = params[FRICTION_BORROW + a];
    }
    f->reals = params;
    f->ints = ints;
}

void start_account(const Problem *p, const Frictions *f, Account *s) {
    s->cash = p->cash;
    for (int i = 0; i < POSITION_SLOTS; i++) {
        s->size[i] = i < POSITIONS ? p->size[i] : 0;
        s->margin[i] = i < POSITIONS ? p->margin[i] : 0;
        s->open[i] = 1;
        s->closedEquity[i] = 0;
        s->due[i] = NO_FILL;
        s->fee[i] = 0;
        s->shadowFunding[i] = 0;
        s->positionBreach[i] = 0;
        s->positionLoss[i] = 0;
        s->positionBadDebt[i] = 0;
#ifdef CONTINUOUS
        s->dueFraction[i] = 0;
        s->tierCap[i] = INFINITY;
#endif
    }
    for (int a = 0; a < ASSETS; a++) {
        s->valueUnits[a] = p->valueUnits[a];
        s->requirementUnits[a] = p->requirementUnits[a];
    }
#ifdef PREMIUM_FUNDING
    /* the path is flat at the price before the horizon for every step before the first */
    for (int k = 0; k < PREMIUM_HISTORY; k++) {
        for (int a = 0; a < ASSETS; a++) {
            s->pastX[k * ASSETS + a] = f->reals[FRICTION_START_X + a];
        }
    }
#endif
    s->accountClosed = 0;
#ifdef CONTINUOUS
    s->cappingTiers = 0;
#endif
    s->accountClosedEquity = 0;
    s->shadowCosts = 0;
    s->events = 0;
    s->loss = 0;
    s->badDebt = 0;
}

real units_value(const real *units, const real *price) {
    real value = 0;
    for (int a = 0; a < ASSETS; a++) {
        value += units[a] * price[a];
    }
    return value;
}

/*
 * The valuations below serve the account and its shadow, which is never liquidated and so keeps the problem's
 * cash, sizes and margins; both value collateral at the account's current haircuts.
 */
real size_of(const Problem *p, const Account *s, bool shadow, int i) {
    return shadow ? p->size[i] : s->size[i];
}

real current_notional(const Problem *p, const Account *s, bool shadow, int i, real mark) {
    return fabs(size_of(p, s, shadow, i)) * (p->markBasis[i] ? mark : p->entry[i]);
}

/* Tiered requirement on the current size (the brackets are those compiled for the original size). */
real current_requirement(const Problem *p, const Account *s, bool shadow, int i, real mark) {
    return size_of(p, s, shadow, i) == 0 ? 0 : tiered_requirement(p, i, current_notional(p, s, shadow, i, mark));
}

real scope_cross_equity(const Problem *p, const Account *s, bool shadow, const real *price) {
    real equity = (shadow ? p->cash : s->cash) + units_value(s->valueUnits, price);
    for (int i = 0; i < POSITIONS; i++) {
        equity += size_of(p, s, shadow, i) * (price[p->asset[i]] - p->entry[i]);
    }
    return equity;
}

real scope_cross_requirement(const Problem *p, const Account *s, bool shadow, const real *price) {
    /* portfolio margin as compiled: the starting sizes, the live account's until a full liquidation closes it */
    real requirement = units_value(s->requirementUnits, price) + portfolio_requirement(p, price);
    for (int i = 0; i < POSITIONS; i++) {
        requirement += current_requirement(p, s, shadow, i, price[p->asset[i]]);
    }
    return requirement;
}

real scope_isolated_equity(const Problem *p, const Account *s, bool shadow, int i, real mark) {
    return (shadow ? p->margin[i] : s->margin[i]) + size_of(p, s, shadow, i) * (mark - p->entry[i]);
}

real current_cross_equity(const Problem *p, const Account *s, const real *price) {
    return scope_cross_equity(p, s, false, price);
}

real current_cross_shortfall(const Problem *p, const Account *s, const real *price) {
    return scope_cross_requirement(p, s, false, price) - current_cross_equity(p, s, price);
}

real current_isolated_shortfall(const Problem *p, const Account *s, int i, real mark) {
    return current_requirement(p, s, false, i, mark) - scope_isolated_equity(p, s, false, i, mark);
}

/* The shortfall of the account that is never liquidated but pays the same carrying costs. */
real shadow_shortfall(const Problem *p, const Account *s, const real *price) {
    if (!ISOLATED_ACCOUNT) {
        real funding = 0;
        for (int i = 0; i < POSITIONS; i++) {
            funding += s->shadowFunding[i];
        }
        return scope_cross_requirement(p, s, true, price)
                - (scope_cross_equity(p, s, true, price) - s->shadowCosts - funding);
    }
    real worst = -INFINITY;
    for (int i = 0; i < POSITIONS; i++) {
        real mark = price[p->asset[i]];
        real equity = scope_isolated_equity(p, s, true, i, mark) - s->shadowFunding[i];
        worst = fmax(worst, current_requirement(p, s, true, i, mark) - equity);
    }
    return worst;
}

#ifdef CONTINUOUS
/*
 * The margins continuous monitoring checks (LiquidatingMargins): the account on its current cash, sizes and margins,
 * and its shadow, on the problem's, less the carrying costs it paid; both at the account's current haircuts.
 */
void account_margin(const Problem *p, const Account *s, bool shadow, Margin *m) {
    real paid = shadow ? s->shadowCosts : 0;
    for (int i = 0; i < POSITION_SLOTS; i++) {
        m->size[i] = i < POSITIONS ? size_of(p, s, shadow, i) : 0;
        m->margin[i] = i >= POSITIONS ? 0 : shadow ? p->margin[i] - s->shadowFunding[i] : s->margin[i];
        paid += shadow && i < POSITIONS ? s->shadowFunding[i] : 0;
    }
    m->cash = (shadow ? p->cash : s->cash) - paid;
    for (int a = 0; a < ASSETS; a++) {
        m->valueUnits[a] = s->valueUnits[a];
        m->requirementUnits[a] = s->requirementUnits[a];
    }
}
#endif

#ifdef PATH_HAIRCUTS
/*
 * Frictions.PathHaircuts.units: the compiled units shifted by each entry's haircut at the per-step GARCH variance of
 * the coming step (models.cl's ModelState.variance after this step's update).
 */
void haircut_units(const Problem *p, const Frictions *f, const real *variance, Account *s) {
    for (int a = 0; a < ASSETS; a++) {
        s->valueUnits[a] = p->valueUnits[a];
        s->requirementUnits[a] = p->requirementUnits[a];
    }
    for (int c = 0; c < HAIRCUT_ENTRIES; c++) {
        int a = f->ints[FRICTION_INT_HAIRCUT_ASSET + c];
        real haircut = fmin(f->reals[FRICTION_HAIRCUT_CAP + c],
                            f->reals[FRICTION_HAIRCUT_SCALE + c] * sqrt(variance[a]));
        real shift = f->reals[FRICTION_HAIRCUT_AMOUNT + c] * (f->reals[FRICTION_HAIRCUT_COMPILED + c] - haircut);
        s->valueUnits[a] += shift;
        s->requirementUnits[a] += shift * f->reals[FRICTION_HAIRCUT_REQUIRED_SHARE + c];
    }
}
#endif

#if defined(FUNDING) || defined(PREMIUM_FUNDING)
/* Funding rate of position i for step `step`: constant, or PremiumLink.rate of the trailing log return. */
real funding_rate(const Problem *p, const Frictions *f, const Account *s, int i, int step, const real *x) {
#ifdef PREMIUM_FUNDING
    int interval = f->ints[FRICTION_INT_PREMIUM_STEPS + i];
    if (interval > 0) {
        int a = p->asset[i];
        int back = (step - interval) % PREMIUM_HISTORY;
        back += back < 0 ? PREMIUM_HISTORY : 0;
        real premium = f->reals[FRICTION_BASIS_SENSITIVITY + i] * (x[a] - s->pastX[back * ASSETS + a]);
        real band = f->reals[FRICTION_CLAMP_BAND + i];
        real rate = premium + fmax(-band, fmin(band, f->reals[FRICTION_INTEREST + i] - premium));
        real capped = fmax(f->reals[FRICTION_RATE_FLOOR + i], fmin(f->reals[FRICTION_RATE_CAP + i], rate));
        return capped * f->reals[FRICTION_STEP_SHARE + i];
    }
#endif
#ifdef FUNDING
    return f->reals[FRICTION_FUNDING + i];
#else
    return 0;
#endif
}
#endif

/* Carrying costs of step `step` at its prices; x holds its log prices relative to the initial ones. */
void accrue(const Problem *p, const Frictions *f, Account *s, int step, const real *x,
            const real *price) {
#ifdef PREMIUM_FUNDING
    int slot = step % PREMIUM_HISTORY;
    for (int a = 0; a < ASSETS; a++) {
        s->pastX[slot * ASSETS + a] = x[a];
    }
#endif
#if defined(FUNDING) || defined(PREMIUM_FUNDING)
    for (int i = 0; i < POSITIONS; i++) {
        real rate = funding_rate(p, f, s, i, step, x);
        if (rate == 0) {
            continue;
        }
        real mark = price[p->asset[i]];
        s->shadowFunding[i] += p->size[i] * mark * rate;
        real pay = s->size[i] * mark * rate;
        if (ISOLATED_ACCOUNT) {
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
