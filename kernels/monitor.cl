/*
 * Continuous monitoring: the port of io.marginsim.engine.ContinuousMonitor, whose class javadoc is the definition,
 * and of io.marginsim.engine.BridgeCrossing (the bridge's extremes and crossing time), shared by the plain kernel
 * (paths.cl, on the problem's own account) and the liquidating one (frictions.cl, on the account and its shadow as
 * they move along the path). Built after paths.cl and models.cl; its code is compiled only with CONTINUOUS. The step
 * covariance is plain GBM's L L^T every step, or the per-path, per-step one of models.cl's model_step_covariance
 * (paths.cl's STEP_COVARIANCE).
 *
 * A check values a Margin (ContinuousMonitor.Margin, declared in paths.cl) and draws from a Bridge: the monitoring
 * stream of its (step, path) from the first block of its segment, and the share of the step's covariance left to it.
 */
#ifdef CONTINUOUS
#define MONITORING_STREAM 5u

/* Block `block` of the bridge's segment: ContinuousMonitor's firstBlock + block. */
uint4 monitoring_words(const Bridge *b, uint block) {
    return philox4x32_10((uint4)(b->step - 1, b->path, b->firstBlock + block, MONITORING_STREAM), b->k0, b->k1);
}

/*
 * The words of asset a's extremes, least's in s0 and greatest's in s1: ContinuousMonitor.extremeWords. Two
 * consecutive steps share one block at counter step (step - 1) / 2, words 0 and 1 for the odd step, 2 and 3 for
 * the even one.
 */
uint4 extreme_words(const Bridge *b, uint a) {
    uint4 w = philox4x32_10((uint4)((b->step - 1) >> 1, b->path, b->firstBlock + a, MONITORING_STREAM), b->k0, b->k1);
    return ((b->step - 1) & 1u) ? w.s2301 : w;
}

/* Entry (i, j) of the covariance the bridge spreads, the step's scaled as ContinuousFills.scaled does. */
real bridge_covariance(const Bridge *b, int i, int j) {
    return b->cov[i * ASSETS + j] * b->share;
}

/* BridgeCrossing.minimum, -log U from philox.cl's minus_log_uniform */
real bridge_minimum(real x0, real x1, real v, uint w) {
    real d = x1 - x0;
    return (real) 0.5 * (x0 + x1 - sqrt(d * d + (real) 2.0 * v * minus_log_uniform(w)));
}

real bridge_maximum(real x0, real x1, real v, uint w) {
    return -bridge_minimum(-x0, -x1, v, w);
}

/* BridgeCrossing.crossingTime: Michael-Schucany-Haas inverse Gaussian for s = t / (1 - t), its smaller root
 * mean (1 + r - sqrt(r^2 + 2 r)) written without cancellation as the reference writes it */
real bridge_crossing_time(real a, real c, real v, real g, real w) {
    if (!(a > 0)) {
        return 0;
    }
    real shape = a * a / v;
    real s;
    if (c == 0) {
        s = shape / (g * g);
    } else {
        real mean = a / fabs(c);
        real r = mean * (g * g) / (2 * shape);
        real x = mean / (1 + r + sqrt(r * (r + 2)));
        s = w <= mean / (mean + x) ? x : mean * mean / x;
    }
    return isinf(s) ? (real) 1 : s / (1 + s);
}

/* One normal from two words, ShockStream.normal */
real bridge_normal(uint w0, uint w1) {
    return box_muller_radius(w0) * cospi(box_muller_half_turns(w1));
}

/* MarketPath.stepCovariance for plain GBM; models.cl's model_step_covariance for the others */
void gbm_step_covariance(const Problem *p, real *cov) {
    for (int i = 0; i < ASSETS; i++) {
        for (int j = 0; j <= i; j++) {
            real c = 0;
            for (int k = 0; k <= j; k++) {
                c += p->loading[i * ASSETS + k] * p->loading[j * ASSETS + k];
            }
            cov[i * ASSETS + j] = c;
            cov[j * ASSETS + i] = c;
        }
    }
}

/* The problem's own account as compiled: ContinuousMonitor.of */
void problem_margin(const Problem *p, Margin *m) {
    m->cash = p->cash;
    for (int i = 0; i < POSITION_SLOTS; i++) {
        m->size[i] = i < POSITIONS ? p->size[i] : 0;
        m->margin[i] = i < POSITIONS ? p->margin[i] : 0;
    }
    for (int a = 0; a < ASSETS; a++) {
        m->valueUnits[a] = p->valueUnits[a];
        m->requirementUnits[a] = p->requirementUnits[a];
    }
}

/* Tiered requirement of position i on the margin's size (none once closed), the brackets compiled for the original */
real margin_requirement(const Problem *p, const Margin *m, int i, real mark) {
    real size = m->size[i];
    return size == 0 ? 0 : tiered_requirement(p, i, fabs(size) * (p->markBasis[i] ? mark : p->entry[i]));
}

/* Cross mode: equity minus requirement, summed as paths.cl's cross_equity and cross_requirement sum them */
real margin_cross_excess(const Problem *p, const Margin *m, const real *price) {
    real equity = m->cash;
    /* the grid is compiled for the starting sizes, which both margins hold while open (partials are refused) */
    real requirement = portfolio_requirement(p, price);
    for (int a = 0; a < ASSETS; a++) {
        equity += m->valueUnits[a] * price[a];
        requirement += m->requirementUnits[a] * price[a];
    }
    for (int i = 0; i < POSITIONS; i++) {
        equity += m->size[i] * (price[p->asset[i]] - p->entry[i]);
        requirement += margin_requirement(p, m, i, price[p->asset[i]]);
    }
    return equity - requirement;
}

/* Valuation.positionExcessSlope on the margin's size */
real margin_position_slope(const Problem *p, const Margin *m, int i, real mark) {
    real size = m->size[i];
    if (!p->markBasis[i]) {
        return size;
    }
    return size - fabs(size) * p->tierRate[tier_bracket(p, i, fabs(size) * mark)];
}

/* Isolated position i: its equity minus its requirement */
real margin_position_excess(const Problem *p, const Margin *m, int i, real mark) {
    return m->margin[i] + m->size[i] * (mark - p->entry[i]) - margin_requirement(p, m, i, mark);
}

/* ContinuousMonitor.barrierPrice */
real barrier_price(real from, real m0, real to, real low) {
    if (!(m0 > 0) || !(low < 0)) {
        return m0 > 0 ? to : from;
    }
    return from + (to - from) * m0 / (m0 - low);
}

/*
 * ContinuousMonitor.crossShortfall; log prices relative to the initial ones, as the kernels keep them. *moving
 * receives the asset the check followed alone (or -1 when it treated the excess as Brownian) and *time the Brownian
 * excess's crossing time, for cross_crossing_time.
 */
real cross_shortfall(const Problem *p, const Margin *m, const Bridge *b, const real *price0, const real *x0,
                     const real *price1, const real *x1, real *crossing, int *moving, real *time) {
    real m0 = margin_cross_excess(p, m, price0);
    real m1 = margin_cross_excess(p, m, price1);
    real slope[ASSETS];
    for (int a = 0; a < ASSETS; a++) {
        slope[a] = m->valueUnits[a] - m->requirementUnits[a];
    }
    subtract_portfolio_slopes(p, price0, slope);
    for (int i = 0; i < POSITIONS; i++) {
        slope[p->asset[i]] += margin_position_slope(p, m, i, price0[p->asset[i]]);
    }
    int last = -1;
    int count = 0;
    for (int a = 0; a < ASSETS; a++) {
        crossing[a] = price1[a];
        if (slope[a] != 0) {
            last = a;
            count++;
        }
    }
    *moving = count == 1 ? last : -1;
    *time = 1;
    if (count == 0) {
        return -m1;
    }
    if (count == 1) {
        int a = last;
        uint4 w = extreme_words(b, (uint) a);
        real v = bridge_covariance(b, a, a);
        real x = slope[a] > 0 ? bridge_minimum(x0[a], x1[a], v, w.s0) : bridge_maximum(x0[a], x1[a], v, w.s1);
        real extreme = p->initialPrice[a] * exp(x);
        crossing[a] = extreme;
        real me = margin_cross_excess(p, m, crossing);
        real low = fmin(me, m1);
        crossing[a] = barrier_price(price0[a], m0, low == me ? extreme : price1[a], low);
        return -low;
    }
    real covDelta[ASSETS];
    real v = 0;
    for (int i = 0; i < ASSETS; i++) {
        real c = 0;
        for (int j = 0; j < ASSETS; j++) {
            c += bridge_covariance(b, i, j) * slope[j] * price0[j];
        }
        covDelta[i] = c;
        v += slope[i] * price0[i] * c;
    }
    uint4 w = monitoring_words(b, (uint) ASSETS);
    real me = bridge_minimum(m0, m1, v, w.s0);
    real low = fmin(me, m1);
    if (low < 0) {
        if (!(m0 > 0) || !(v > 0)) {
            *time = 0;
            for (int a = 0; a < ASSETS; a++) {
                crossing[a] = price0[a];
            }
        } else {
            real tau = bridge_crossing_time(m0, m1, v, bridge_normal(w.s1, w.s2), uniform_open01(w.s3));
            *time = tau;
            real move = 0;
            for (int a = 0; a < ASSETS; a++) {
                move += slope[a] * price0[a] * (x1[a] - x0[a]);
            }
            real k = -(m0 + tau * move) / v;
            for (int a = 0; a < ASSETS; a++) {
                crossing[a] = p->initialPrice[a] * exp(x0[a] + tau * (x1[a] - x0[a]) + k * covDelta[a]);
            }
        }
    }
    return -low;
}

/*
 * ContinuousMonitor.assetCrossingTime: when asset a's log price bridge from x0 to x1 (variance v) first reached the
 * log of `barrier`, from block ASSETS + 1 + a of the bridge's segment.
 */
real asset_crossing_time(const Problem *p, const Bridge *b, int a, real x0, real x1, real v, real barrier) {
    real level = log(barrier / p->initialPrice[a]);
    real from = fabs(x0 - level);
    if (!(from > 0) || !(v > 0)) {
        return 0;
    }
    real to = x0 > level ? x1 - level : level - x1;
    uint4 w = monitoring_words(b, (uint) (ASSETS + 1 + a));
    return bridge_crossing_time(from, to, v, bridge_normal(w.s0, w.s1), uniform_open01(w.s2));
}

/* ContinuousMonitor.crossCrossingTime, after a cross_shortfall that returned a positive shortfall */
real cross_crossing_time(const Problem *p, const Bridge *b, int moving, real time, const real *x0, const real *x1,
                         const real *crossing) {
    if (moving < 0) {
        return time;
    }
    return asset_crossing_time(p, b, moving, x0[moving], x1[moving], bridge_covariance(b, moving, moving),
                               crossing[moving]);
}

/* ContinuousMonitor.drawExtremes for asset a: its least and greatest log price over the bridge */
void draw_asset_extremes(const Bridge *b, int a, real x0, real x1, real *least, real *greatest) {
    uint4 w = extreme_words(b, (uint) a);
    real v = bridge_covariance(b, a, a);
    *least = bridge_minimum(x0, x1, v, w.s0);
    *greatest = bridge_maximum(x0, x1, v, w.s1);
}

void draw_extremes(const Bridge *b, const real *x0, const real *x1, real *least, real *greatest) {
    for (int a = 0; a < ASSETS; a++) {
        draw_asset_extremes(b, a, x0[a], x1[a], &least[a], &greatest[a]);
    }
}

/*
 * ContinuousMonitor.positionShortfall, given the least and greatest log price of the position's asset; *barrier
 * receives the price where the position's excess reached zero.
 */
real position_shortfall(const Problem *p, const Margin *m, int i, real mark0, real mark1, real least, real greatest,
                        real *barrier) {
    int a = p->asset[i];
    real m0 = margin_position_excess(p, m, i, mark0);
    real low = margin_position_excess(p, m, i, mark1);
    real lowMark = mark1;
    real s = margin_position_slope(p, m, i, mark0);
    if (s != 0) {
        real mark = p->initialPrice[a] * exp(s > 0 ? least : greatest);
        real me = margin_position_excess(p, m, i, mark);
        if (me < low) {
            low = me;
            lowMark = mark;
        }
    }
    *barrier = barrier_price(mark0, m0, lowMark, low);
    return -low;
}
#endif
