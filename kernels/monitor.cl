/*
 * Continuous monitoring for the plain kernel: the port of io.marginsim.engine.ContinuousMonitor, whose class javadoc
 * is the definition, and of io.marginsim.engine.BridgeCrossing (the bridge's extremes and crossing time). Built after
 * paths.cl and models.cl; its code is compiled only with CONTINUOUS. The step covariance is plain GBM's L L^T
 * every step, or the per-path, per-step one of models.cl's model_step_covariance (paths.cl's STEP_COVARIANCE).
 */
#ifdef CONTINUOUS
#define MONITORING_STREAM 5u

uint4 monitoring_words(uint step, uint path, uint block, uint k0, uint k1) {
    return philox4x32_10((uint4)(step, path, block, MONITORING_STREAM), k0, k1);
}

/* BridgeCrossing.minimum, -log U from philox.cl's minus_log_uniform */
real bridge_minimum(real x0, real x1, real v, uint w) {
    real d = x1 - x0;
    return (real) 0.5 * (x0 + x1 - sqrt(d * d + (real) 2.0 * v * minus_log_uniform(w)));
}

real bridge_maximum(real x0, real x1, real v, uint w) {
    return -bridge_minimum(-x0, -x1, v, w);
}

/*
 * BridgeCrossing.crossingTime: Michael-Schucany-Haas inverse Gaussian for s = t / (1 - t). The smaller root
 * mean (1 + r - sqrt(r^2 + 2 r)), r = mean y / (2 shape), is written mean / (1 + r + sqrt(r^2 + 2 r)): the same
 * number, without the cancellation that costs a float most of its digits when r is large (a small crossing variance
 * against a large move, as after a jump).
 */
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

/* Valuation.positionExcessSlope */
real position_excess_slope(const Problem *p, int i, real mark) {
    real size = p->size[i];
    if (!p->markBasis[i]) {
        return size;
    }
    return size - fabs(size) * p->tierRate[tier_bracket(p, i, fabs(size) * mark)];
}

/* ContinuousMonitor.barrierPrice */
real barrier_price(real from, real m0, real to, real low) {
    if (!(m0 > 0) || !(low < 0)) {
        return m0 > 0 ? to : from;
    }
    return from + (to - from) * m0 / (m0 - low);
}

real cross_excess(const Problem *p, const real *price) {
    return cross_equity(p, price) - cross_requirement(p, price);
}

/* ContinuousMonitor.crossShortfall; log prices relative to the initial ones, as the kernel keeps them */
real cross_shortfall(const Problem *p, uint step, uint path, uint k0, uint k1, const real *price0, const real *x0,
                     const real *price1, const real *x1, const real *cov, real *crossing) {
    real m0 = cross_excess(p, price0);
    real m1 = cross_excess(p, price1);
    real slope[ASSETS];
    for (int a = 0; a < ASSETS; a++) {
        slope[a] = p->valueUnits[a] - p->requirementUnits[a];
    }
    for (int i = 0; i < POSITIONS; i++) {
        slope[p->asset[i]] += position_excess_slope(p, i, price0[p->asset[i]]);
    }
    int moving = -1;
    int count = 0;
    for (int a = 0; a < ASSETS; a++) {
        crossing[a] = price1[a];
        if (slope[a] != 0) {
            moving = a;
            count++;
        }
    }
    if (count == 0) {
        return -m1;
    }
    if (count == 1) {
        int a = moving;
        uint4 w = monitoring_words(step - 1, path, (uint) a, k0, k1);
        real v = cov[a * ASSETS + a];
        real x = slope[a] > 0 ? bridge_minimum(x0[a], x1[a], v, w.s0) : bridge_maximum(x0[a], x1[a], v, w.s1);
        real extreme = p->initialPrice[a] * exp(x);
        crossing[a] = extreme;
        real me = cross_excess(p, crossing);
        real low = fmin(me, m1);
        crossing[a] = barrier_price(price0[a], m0, low == me ? extreme : price1[a], low);
        return -low;
    }
    real covDelta[ASSETS];
    real v = 0;
    for (int i = 0; i < ASSETS; i++) {
        real c = 0;
        for (int j = 0; j < ASSETS; j++) {
            c += cov[i * ASSETS + j] * slope[j] * price0[j];
        }
        covDelta[i] = c;
        v += slope[i] * price0[i] * c;
    }
    uint4 w = monitoring_words(step - 1, path, (uint) ASSETS, k0, k1);
    real me = bridge_minimum(m0, m1, v, w.s0);
    real low = fmin(me, m1);
    if (low < 0) {
        if (!(m0 > 0) || !(v > 0)) {
            for (int a = 0; a < ASSETS; a++) {
                crossing[a] = price0[a];
            }
        } else {
            real g = box_muller_radius(w.s1) * cospi(box_muller_half_turns(w.s2));
            real tau = bridge_crossing_time(m0, m1, v, g, uniform_open01(w.s3));
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

/* ContinuousMonitor.drawExtremes */
void draw_extremes(uint step, uint path, uint k0, uint k1, const real *x0, const real *x1, const real *cov,
                   real *least, real *greatest) {
    for (int a = 0; a < ASSETS; a++) {
        uint4 w = monitoring_words(step - 1, path, (uint) a, k0, k1);
        real v = cov[a * ASSETS + a];
        least[a] = bridge_minimum(x0[a], x1[a], v, w.s0);
        greatest[a] = bridge_maximum(x0[a], x1[a], v, w.s1);
    }
}

real position_excess(const Problem *p, int i, real mark) {
    return p->margin[i] + p->size[i] * (mark - p->entry[i]) - position_requirement(p, i, mark);
}

/* ContinuousMonitor.positionShortfall; *barrier receives the price where the position's excess reached zero */
real position_shortfall(const Problem *p, int i, real mark0, real mark1, const real *least, const real *greatest,
                        real *barrier) {
    int a = p->asset[i];
    real m0 = position_excess(p, i, mark0);
    real low = position_excess(p, i, mark1);
    real lowMark = mark1;
    real s = position_excess_slope(p, i, mark0);
    if (s != 0) {
        real mark = p->initialPrice[a] * exp(s > 0 ? least[a] : greatest[a]);
        real me = position_excess(p, i, mark);
        if (me < low) {
            low = me;
            lowMark = mark;
        }
    }
    *barrier = barrier_price(mark0, m0, lowMark, low);
    return -low;
}
#endif
