/*
 * One work-item simulates one path from the first step to the horizon with its whole state in private memory:
 * the math of io.marginsim.problem.CompiledProblem, whose executable definition is the scalar engine.
 *
 * Build options: ASSETS and POSITIONS (the problem's shape, so the per-asset loops have constant bounds and
 * the state stays in registers), PARAM_GLOBAL, set when the problem arrays are too large for constant memory,
 * and MODELS with its feature options for markets beyond GBM (models.cl). Built after philox.cl, before
 * models.cl. With FRICTIONS, account.cl and frictions.cl add the kernel of the liquidation mechanics next to this
 * one.
 *
 * Log prices are kept relative to the initial price, so the float accumulator starts at zero and keeps its
 * precision over thousands of steps.
 */
#ifdef PARAM_GLOBAL
#define PARAM __global const
#else
#define PARAM __constant
#endif
#if POSITIONS > 0
#define POSITION_SLOTS POSITIONS
#else
#define POSITION_SLOTS 1
#endif
/* SCENARIOS: the portfolio-margin grid's scenarios (0: none), after the account's positions in its array */
#ifndef SCENARIOS
#define SCENARIOS 0
#endif

/*
 * Views into the four packed parameter arrays, written by the host (ProblemBuffers) at the generated offsets of
 * io.marginsim.engine.opencl.KernelLayouts (MARKET_*, ACCOUNT_*, LAYOUT_*); the tiers' thirds are tierCount long.
 */
typedef struct {
    PARAM real *initialPrice;
    PARAM real *logDrift;
    PARAM real *loading;
    real cash;
    PARAM real *valueUnits;
    PARAM real *requirementUnits;
    PARAM real *size;
    PARAM real *entry;
    PARAM real *margin;
    PARAM real *tierFloor;
    PARAM real *tierRate;
    PARAM real *tierDeduction;
    PARAM int *asset;
    PARAM int *markBasis;
    PARAM int *tierStart;
    /* portfolio margin: minimum, then loss units row-major SCENARIOS x ASSETS (unused when SCENARIOS is 0) */
    real portfolioMinimum;
    PARAM real *scenarioUnits;
} Problem;

void view_problem(Problem *p, PARAM real *market, PARAM real *account, PARAM real *tiers, PARAM int *layout,
                  int tierCount) {
    p->initialPrice = market + MARKET_INITIAL_PRICE;
    p->logDrift = market + MARKET_LOG_DRIFT;
    p->loading = market + MARKET_LOADING;
    p->cash = account[ACCOUNT_CASH];
    p->valueUnits = account + ACCOUNT_VALUE_UNITS;
    p->requirementUnits = account + ACCOUNT_REQUIREMENT_UNITS;
    p->size = account + ACCOUNT_SIZE;
    p->entry = account + ACCOUNT_ENTRY;
    p->margin = account + ACCOUNT_MARGIN;
#if SCENARIOS > 0
    p->portfolioMinimum = account[ACCOUNT_PORTFOLIO_MINIMUM];
    p->scenarioUnits = account + ACCOUNT_SCENARIO_UNITS;
#else
    p->portfolioMinimum = 0;
    p->scenarioUnits = p->margin;
#endif
    p->tierFloor = tiers;
    p->tierRate = tiers + tierCount;
    p->tierDeduction = tiers + 2 * tierCount;
    p->asset = layout + LAYOUT_ASSET;
    p->markBasis = layout + LAYOUT_MARK_BASIS;
    p->tierStart = layout + LAYOUT_TIER_START;
}

/* CompiledProblem.bracket: the last tier of position i whose floor is at most the notional */
int tier_bracket(const Problem *p, int i, real notional) {
    int k = p->tierStart[i];
    int end = p->tierStart[i + 1];
    while (k + 1 < end && p->tierFloor[k + 1] <= notional) {
        k++;
    }
    return k;
}

real tiered_requirement(const Problem *p, int i, real notional) {
    int k = tier_bracket(p, i, notional);
    return notional * p->tierRate[k] - p->tierDeduction[k];
}

real position_requirement(const Problem *p, int i, real mark) {
    real notional = fabs(p->size[i]) * (p->markBasis[i] ? mark : p->entry[i]);
    return tiered_requirement(p, i, notional);
}

real collateral_equity(const Problem *p, const real *price) {
    real equity = p->cash;
    for (int a = 0; a < ASSETS; a++) {
        equity += p->valueUnits[a] * price[a];
    }
    return equity;
}

real cross_equity(const Problem *p, const real *price) {
    real equity = collateral_equity(p, price);
    for (int i = 0; i < POSITIONS; i++) {
        equity += p->size[i] * (price[p->asset[i]] - p->entry[i]);
    }
    return equity;
}

/* CompiledProblem.worstScenario: the first scenario of the largest loss above the minimum, or -1 */
int worst_scenario(const Problem *p, const real *price) {
    int worst = -1;
    real largest = p->portfolioMinimum;
    for (int s = 0; s < SCENARIOS; s++) {
        real loss = 0;
        for (int a = 0; a < ASSETS; a++) {
            loss += p->scenarioUnits[s * ASSETS + a] * price[a];
        }
        if (loss > largest) {
            largest = loss;
            worst = s;
        }
    }
    return worst;
}

/* CompiledProblem.portfolioRequirement: the largest scenario loss, at least the minimum; 0 without a grid */
real portfolio_requirement(const Problem *p, const real *price) {
    real largest = p->portfolioMinimum;
    for (int s = 0; s < SCENARIOS; s++) {
        real loss = 0;
        for (int a = 0; a < ASSETS; a++) {
            loss += p->scenarioUnits[s * ASSETS + a] * price[a];
        }
        largest = fmax(largest, loss);
    }
    return largest;
}

/* Valuation.subtractPortfolioSlopes: the worst scenario's loss units leave the excess's slope */
void subtract_portfolio_slopes(const Problem *p, const real *price, real *slope) {
    int s = worst_scenario(p, price);
    if (s >= 0) {
        for (int a = 0; a < ASSETS; a++) {
            slope[a] -= p->scenarioUnits[s * ASSETS + a];
        }
    }
}

real cross_requirement(const Problem *p, const real *price) {
    real requirement = portfolio_requirement(p, price);
    for (int a = 0; a < ASSETS; a++) {
        requirement += p->requirementUnits[a] * price[a];
    }
    for (int i = 0; i < POSITIONS; i++) {
        requirement += position_requirement(p, i, price[p->asset[i]]);
    }
    return requirement;
}

/* The price stream's normals of one (step, path): z[4 * ((ASSETS + 3) / 4)]. */
void price_normals(uint step, uint path, uint k0, uint k1, real *z) {
    for (int b = 0; b < ASSETS / 4; b++) {
        vstore4(normals4(step, path, b, k0, k1, 4), b, z);
    }
#if ASSETS % 4 != 0
    vstore4(normals4(step, path, ASSETS / 4, k0, k1, ASSETS % 4), ASSETS / 4, z);
#endif
}

void advance_prices(const Problem *p, uint step, uint path, uint k0, uint k1, real *x, real *price) {
    real z[4 * ((ASSETS + 3) / 4)];
    price_normals(step, path, k0, k1, z);
    for (int a = 0; a < ASSETS; a++) {
        real shock = 0;
        for (int b = 0; b <= a; b++) {
            shock += p->loading[a * ASSETS + b] * z[b];
        }
        x[a] += p->logDrift[a] + shock;
        price[a] = p->initialPrice[a] * exp(x[a]);
    }
}

#ifdef MODELS
/* Index of (i, j), j <= i, in a lower triangle packed row by row. */
#define TRI(i, j) ((i) * ((i) + 1) / 2 + (j))

#ifdef MODEL_DCC
/*
 * DCC keeps Q and refactorises R in double wherever the device has it, in the float program too: near a singular
 * target the pivots are the small differences 1 - r^2, and Q's entries rounded to float move them by per cents
 * (three assets at rho = 0.999999 moved terminal equities by up to 6e-5 of the account against the reference;
 * in double, from Cbar with its float residual, by 5e-7). Only a device without cl_khr_fp64 keeps them in float,
 * as before. Under -cl-single-precision-constant the pivot tolerance is 1e-12 rounded to float.
 */
#if defined(REAL_DOUBLE) || defined(cl_khr_fp64)
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double dcc_real;
#else
typedef float dcc_real;
#endif
#endif

/* One path's market-model state, in private memory. */
typedef struct {
    /* GARCH variance of the coming step and the previous diffusion return (AR(1)), per asset */
    real variance[ASSETS];
    real previous[ASSETS];
#ifdef MODEL_DCC
    /* DCC's Q (in dcc_real) and the Cholesky factor of R that the coming step uses, lower triangles (TRI) */
    dcc_real q[ASSETS * (ASSETS + 1) / 2];
    real factor[ASSETS * (ASSETS + 1) / 2];
#endif
} ModelState;

/* models.cl, built after this file */
void start_models(PARAM real *models, ModelState *s);
void advance_models(const Problem *p, PARAM real *models, __global const real *history, int historyRows,
                    ModelState *s, uint step, uint path, uint k0, uint k1, real *x, real *price);
#endif

#ifdef CONTINUOUS
/* The margin a continuous check values (ContinuousMonitor.Margin): cash, sizes, isolated margins and unit arrays. */
typedef struct {
    real cash;
    real size[POSITION_SLOTS];
    real margin[POSITION_SLOTS];
    real valueUnits[ASSETS];
    real requirementUnits[ASSETS];
} Margin;

/*
 * Where a check's draws come from, the monitoring stream of (step, path) from the first block of its segment (k
 * (2 ASSETS + 1) for segment k, ContinuousMonitor.segment), and the covariance it spreads: share times the step's.
 */
typedef struct {
    uint step;
    uint path;
    uint k0;
    uint k1;
    uint firstBlock;
    const real *cov;
    real share;
} Bridge;
#define SEGMENT_BLOCKS (2 * ASSETS + 1)

/* monitor.cl, built after this file */
void gbm_step_covariance(const Problem *p, real *cov);
void problem_margin(const Problem *p, Margin *m);
real cross_shortfall(const Problem *p, const Margin *m, const Bridge *b, const real *price0, const real *x0,
                     const real *price1, const real *x1, real *crossing, int *moving, real *time);
real cross_crossing_time(const Problem *p, const Bridge *b, int moving, real time, const real *x0, const real *x1,
                         const real *crossing);
real asset_crossing_time(const Problem *p, const Bridge *b, int a, real x0, real x1, real v, real barrier);
real bridge_covariance(const Bridge *b, int i, int j);
void draw_asset_extremes(const Bridge *b, int a, real x0, real x1, real *least, real *greatest);
void draw_extremes(const Bridge *b, const real *x0, const real *x1, real *least, real *greatest);
real position_shortfall(const Problem *p, const Margin *m, int i, real mark0, real mark1, real least, real greatest,
                        real *barrier);
#endif

/*
 * BreachBins.slot: a first breach at step `step` (0: none) and fraction `fraction` of it as the slot the breach
 * histogram counts, (step - 1) BREACH_BINS + bin + 1; the host sets BREACH_BINS (1 under discrete monitoring, where
 * the slot is the step).
 */
int breach_slot(int step, real fraction) {
    if (step == 0) {
        return 0;
    }
    int bin = (int) ceil(fraction * BREACH_BINS) - 1;
    return (step - 1) * BREACH_BINS + clamp(bin, 0, BREACH_BINS - 1) + 1;
}

/*
 * The market of one path inside a path kernel, shared with frictions.cl: START_MARKET declares the models' state,
 * ADVANCE_MARKET(step) moves x and price to step `step` (1-based). Macros rather than functions because they use
 * the kernel's own arguments and locals (p, models, history, historyRows, path, k0, k1, x, price).
 */
#ifdef MODELS
#define START_MARKET ModelState state; start_models(models, &state)
#define ADVANCE_MARKET(step) \
    advance_models(&p, models, history, historyRows, &state, (uint) ((step) - 1), path, k0, k1, x, price)
#else
#define START_MARKET
#define ADVANCE_MARKET(step) advance_prices(&p, (uint) ((step) - 1), path, k0, k1, x, price)
#endif

/*
 * Continuous monitoring's step covariance inside a path kernel: START_COVARIANCE declares cov (GBM: filled once, the
 * loading's L L^T every step), STEP_COVARIANCE(step) fills it for step `step` (1-based) from the models' state before
 * ADVANCE_MARKET(step) moves it on (models.cl's model_step_covariance).
 */
#ifdef CONTINUOUS
#ifdef MODELS
void model_step_covariance(PARAM real *models, const ModelState *s, int step, real *cov);
#define START_COVARIANCE real cov[ASSETS * ASSETS]
#define STEP_COVARIANCE(step) model_step_covariance(models, &state, (step), cov)
#else
#define START_COVARIANCE \
    real cov[ASSETS * ASSETS]; \
    gbm_step_covariance(&p, cov)
#define STEP_COVARIANCE(step)
#endif
#endif

/*
 * The arguments every path kernel starts with (PathKernels sets them in this order; frictions.cl's kernel adds its
 * own after them), and its first statements: the work-item's path, returning past `count`, and the problem's views.
 * Counter word 1 holds the path index modulo 2^32, as in ShockStream.
 */
#define PATH_KERNEL_ARGUMENTS \
    PARAM real *market, PARAM real *account, PARAM real *tiers, PARAM int *layout, PARAM real *models, \
    __global const real *history, int historyRows, int tierCount, int steps, int isolated, uint k0, uint k1, \
    ulong firstPath, uint count, __global int *firstBreachOut, __global real *worstOut, __global real *terminalOut
#define PATH_KERNEL_PROLOGUE \
    uint gid = get_global_id(0); \
    if (gid >= count) { \
        return; \
    } \
    uint path = (uint) (firstPath + gid); \
    Problem p; \
    view_problem(&p, market, account, tiers, layout, tierCount)

#define PATH_KERNEL_ARGUMENT_NAMES \
    market, account, tiers, layout, models, history, historyRows, tierCount, steps, isolated, k0, k1, firstPath, \
    count, firstBreachOut, worstOut, terminalOut

/*
 * The plain breach model for the work-item's path. A function rather than the kernel itself so that batch.cl's
 * kernel can run it too: OpenCL C leaves calling one __kernel from another to the implementation.
 * `models` is read only by programs built with MODELS (models.cl), `history` (historyRows x ASSETS residuals) only
 * by those built with MODEL_HISTORY; other programs get placeholders.
 * `scopeBreachOut` and `scopeEquityOut` (POSITIONS per path, path-major) receive each isolated position's first
 * breach step and its equity when closed (ScopeBlock); null where they are not wanted (cross mode, batches).
 */
void simulate_path(PATH_KERNEL_ARGUMENTS, __global int *scopeBreachOut, __global real *scopeEquityOut) {
    PATH_KERNEL_PROLOGUE;

    real x[ASSETS];
    real price[ASSETS];
    for (int a = 0; a < ASSETS; a++) {
        x[a] = 0;
    }
    /* Isolated mode: a position's equity is frozen at the step where it breached (it was liquidated). */
    bool open[POSITION_SLOTS];
    real closedEquity[POSITION_SLOTS];
    int breachStep[POSITION_SLOTS];
    for (int i = 0; i < POSITION_SLOTS; i++) {
        open[i] = true;
        closedEquity[i] = 0;
        breachStep[i] = 0;
    }
    START_MARKET;
#ifdef CONTINUOUS
    /* monitor.cl: each step is also checked between its endpoints, and a breach closes at the barrier */
    START_COVARIANCE;
    Margin margin;
    problem_margin(&p, &margin);
    Bridge bridge = {0, path, k0, k1, 0, cov, 1};
    real x0[ASSETS];
    real price0[ASSETS];
    for (int a = 0; a < ASSETS; a++) {
        price[a] = p.initialPrice[a];
    }
#endif
    int firstBreach = 0;
    /* the fraction of its step at which the first breach crossed: the step's end unless monitor.cl finds it */
    real breachTime = 1;
    real worst = -INFINITY;
    real frozenEquity = 0;
    for (int step = 1; step <= steps; step++) {
#ifdef CONTINUOUS
        STEP_COVARIANCE(step);
        for (int a = 0; a < ASSETS; a++) {
            x0[a] = x[a];
            price0[a] = price[a];
        }
#endif
        ADVANCE_MARKET(step);
        real shortfall;
        if (isolated) {
            shortfall = -INFINITY;
#ifdef CONTINUOUS
            real least[ASSETS];
            real greatest[ASSETS];
            bridge.step = (uint) step;
            draw_extremes(&bridge, x0, x, least, greatest);
#endif
            for (int i = 0; i < POSITIONS; i++) {
                real mark = price[p.asset[i]];
#ifdef CONTINUOUS
                real barrier;
                int a = p.asset[i];
                real position = position_shortfall(&p, &margin, i, price0[a], mark, least[a], greatest[a], &barrier);
                real equity = p.margin[i] + p.size[i] * (barrier - p.entry[i]);
                if (position > 0 && firstBreach == 0) {
                    /* the account's first breach is its earliest position's (breachTime is 1 until then) */
                    real at = asset_crossing_time(&p, &bridge, a, x0[a], x[a], bridge_covariance(&bridge, a, a),
                                                  barrier);
                    breachTime = fmin(breachTime, at);
                }
#else
                real equity = p.margin[i] + p.size[i] * (mark - p.entry[i]);
                real position = position_requirement(&p, i, mark) - equity;
#endif
                if (position > 0 && open[i]) {
                    open[i] = false;
                    closedEquity[i] = equity;
                    breachStep[i] = step;
                }
                shortfall = fmax(shortfall, position);
            }
        } else {
#ifdef CONTINUOUS
            real crossing[ASSETS];
            int moving;
            real time;
            bridge.step = (uint) step;
            shortfall = cross_shortfall(&p, &margin, &bridge, price0, x0, price, x, crossing, &moving, &time);
            if (shortfall > 0 && firstBreach == 0) {
                frozenEquity = cross_equity(&p, crossing);
                breachTime = cross_crossing_time(&p, &bridge, moving, time, x0, x, crossing);
            }
#else
            real equity = cross_equity(&p, price);
            shortfall = cross_requirement(&p, price) - equity;
            if (shortfall > 0 && firstBreach == 0) {
                frozenEquity = equity;
            }
#endif
        }
        worst = fmax(worst, shortfall);
        if (shortfall > 0 && firstBreach == 0) {
            firstBreach = step;
        }
    }
    real terminal;
    if (isolated) {
        terminal = collateral_equity(&p, price);
        for (int i = 0; i < POSITIONS; i++) {
            real equity = open[i] ? p.margin[i] + p.size[i] * (price[p.asset[i]] - p.entry[i]) : closedEquity[i];
            terminal += equity;
            if (scopeBreachOut != 0) {
                scopeBreachOut[gid * SCOPE_FIELDS + SCOPE_OUTCOME + i] = breachStep[i];
                scopeEquityOut[gid * SCOPE_FIELDS + SCOPE_OUTCOME + i] = equity;
            }
        }
    } else {
        terminal = firstBreach == 0 ? cross_equity(&p, price) : frozenEquity;
    }
    firstBreachOut[gid] = breach_slot(firstBreach, breachTime);
    worstOut[gid] = worst;
    terminalOut[gid] = terminal;
}

__kernel void simulate_paths(PATH_KERNEL_ARGUMENTS, __global int *scopeBreachOut, __global real *scopeEquityOut) {
    simulate_path(PATH_KERNEL_ARGUMENT_NAMES, scopeBreachOut, scopeEquityOut);
}
