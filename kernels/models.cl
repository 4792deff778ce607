/*
 * The market models beyond GBM ("Market models" on io.marginsim.problem.CompiledProblem): Student-t innovations
 * and the t copula as chi-square mixtures, Merton jumps (per asset and one common factor), GARCH(1,1) variance
 * and AR(1) returns. Every draw comes from the counters the scalar reference (io.marginsim.engine.MarketPath)
 * uses, so a path is the same path on every engine.
 *
 * Built after paths.cl, and only with -DMODELS; then MODEL_T, COPULA_T, ASSET_JUMPS, COMMON_JUMP, MODEL_GARCH,
 * MODEL_AR1, MODEL_DCC (DCC(1,1) correlation, io.marginsim.market.DynamicCorrelation) and MODEL_HISTORY (filtered
 * historical simulation) compile in just the parts the problem uses, so that no model costs what another one
 * needs. Plain GBM programs leave all of this out and run exactly the GBM step of paths.cl.
 *
 * Parameters (written by io.marginsim.engine.opencl.ModelBuffer, in the engine's precision; counts and flags
 * are small whole numbers, exact as reals):
 *   models = copula chi-square [CHI_FIELDS], common jump [JUMP_FIELDS],
 *            per asset [MODEL_FIELDS] (its chi-square, its jumps, then the fields of ModelField),
 *            correlation factor [ASSETS * ASSETS] (lower-triangular, unit scale),
 *            with MODEL_DCC: a, b, 1 - a - b, Cbar [ASSETS * ASSETS] (full, row-major), and what rounding Cbar to
 *            the engine's precision left of it [ASSETS * ASSETS] (read by the float program only)
 * With MODEL_HISTORY the kernel also gets the standardised residuals, historyRows x ASSETS row-major, in a global
 * buffer of their own (uploaded once per problem; it can be far larger than constant memory).
 *
 * Per-path state (ModelState, paths.cl): GARCH variances, AR(1) returns and, with MODEL_DCC, the lower triangles
 * of Q (in dcc_real: double where the device has it) and of the Cholesky factor of R, packed row by row (TRI), so
 * 16 assets take 136 entries each.
 */
#ifdef MODELS

#define COPULA_MIXING_STREAM 1u
#define JUMPS_STREAM 2u
#define COMMON_JUMP_STREAM 3u
#define BOOTSTRAP_STREAM 4u
#define ASSET_MIXING_STREAM 16u
/* io.marginsim.market.ChiSquare.FRACTION_BLOCK */
#define FRACTION_BLOCK 65536u

/*
 * The layout of `models` is generated (io.marginsim.engine.opencl.KernelLayouts): MODELS_* are the offsets of its
 * sections (ModelSection); CHI_*, JUMP_* and DCC_* those within the chi-square, jump and DCC records; MODEL_ and a
 * field of ModelField (MODEL_GARCH_OMEGA, not the build option MODEL_GARCH) those within an asset's record.
 */
/* io.marginsim.market.DynamicCorrelation.PIVOT_TOLERANCE */
#define DCC_PIVOT_TOLERANCE 1e-12

uint4 model_block(uint step, uint path, uint block, uint stream, uint k0, uint k1) {
    return philox4x32_10((uint4)(step, path, block, stream), k0, k1);
}

/* One normal of a Box-Muller pair: cosine (first) or sine (second). */
real pair_normal(uint w0, uint w1, int second) {
    real a = box_muller_half_turns(w1);
    return box_muller_radius(w0) * (second ? sinpi(a) : cospi(a));
}

/*
 * io.marginsim.market.ChiSquare#sample. The squares of a whole Box-Muller pair sum to its squared radius,
 * -2 log u, so whole pairs need no trigonometry; only an odd last normal is formed.
 */
real chi_square(PARAM real *chi, uint step, uint path, uint stream, uint k0, uint k1) {
    int whole = (int) chi[CHI_WHOLE];
    real sum = 0;
    for (int k = 0; k < whole; k += 4) {
        uint4 w = model_block(step, path, (uint) (k / 4), stream, k0, k1);
        int left = whole - k;
        if (left >= 2) {
            sum += (real) 2 * minus_log_uniform(w.x);
        } else {
            real z = pair_normal(w.x, w.y, 0);
            sum += z * z;
        }
        if (left >= 4) {
            sum += (real) 2 * minus_log_uniform(w.z);
        } else if (left == 3) {
            real z = pair_normal(w.z, w.w, 0);
            sum += z * z;
        }
    }
    real shape = chi[CHI_SHAPE];
    if (shape > 0) {
        /* Gamma(shape + 1) by Marsaglia-Tsang on exactly four candidates, the first accepted one winning */
        real d = chi[CHI_D];
        real c = chi[CHI_C];
        real g[4];
        vstore4(normals4_of(model_block(step, path, FRACTION_BLOCK + 1, stream, k0, k1), 4), 0, g);
        uint4 uw = model_block(step, path, FRACTION_BLOCK, stream, k0, k1);
        uint u[4] = {uw.x, uw.y, uw.z, uw.w};
        real gamma = d;
        for (int k = 3; k >= 0; k--) {
            real v = 1 + c * g[k];
            v = v * v * v;
            if (v > 0 && -minus_log_uniform(u[k]) < (real) 0.5 * g[k] * g[k] + d - d * v + d * log(v)) {
                gamma = d * v;
            }
        }
        uint wv = model_block(step, path, FRACTION_BLOCK + 2, stream, k0, k1).x;
#ifdef REAL_DOUBLE
        real power = pow(uniform_open01(wv), chi[CHI_INV_SHAPE]);
#else
        /* u^(1/a) through -log u, which keeps its digits for u near 1 in float */
        real power = exp(-minus_log_uniform(wv) * chi[CHI_INV_SHAPE]);
#endif
        sum += 2 * (gamma * power);
    }
    return sum;
}

/* io.marginsim.market.StudentMixing#factor: sqrt((nu - 2) / W), W ~ chi-square(nu). */
real student_factor(PARAM real *chi, uint step, uint path, uint stream, uint k0, uint k1) {
    return sqrt((chi[CHI_NU] - 2) / chi_square(chi, step, path, stream, k0, k1));
}

/* io.marginsim.market.MertonJumps#logJump: capped Poisson inversion, then one normal for the sum of sizes. */
real log_jump(PARAM real *jump, uint4 w) {
    real mean = jump[JUMP_MEAN];
    real prob = jump[JUMP_P0];
    int cap = (int) jump[JUMP_CAP];
    real u = uniform_open01(w.x);
    real cdf = prob;
    int n = 0;
    while (n < cap && u > cdf) {
        n++;
        prob *= mean / n;
        cdf += prob;
    }
    if (n == 0) {
        return 0;
    }
    return n * jump[JUMP_LOG_MEAN] + sqrt((real) n) * jump[JUMP_LOG_STDEV] * pair_normal(w.z, w.w, 0);
}

#ifdef MODEL_DCC
/*
 * Cbar's entry e (row-major) in dcc_real: the float program adds back the residual its rounding to float left
 * (DCC_TARGET_LOW), so that a target near singularity keeps the reference's 1 - rho; the double program reads it as
 * it is.
 */
dcc_real dcc_target(PARAM real *dcc, int e) {
#ifdef REAL_DOUBLE
    return dcc[DCC_TARGET + e];
#else
    return (dcc_real) dcc[DCC_TARGET + e] + (dcc_real) dcc[DCC_TARGET_LOW + e];
#endif
}
#endif

void start_models(PARAM real *models, ModelState *s) {
    for (int a = 0; a < ASSETS; a++) {
        s->variance[a] = models[MODELS_PER_ASSET + a * MODEL_FIELDS + MODEL_GARCH_START];
        s->previous[a] = 0;
    }
#ifdef MODEL_DCC
    /* Q_1 = Cbar and L_1 = the compiled factor of Cbar, as they are */
    PARAM real *dcc = models + MODELS_DCC;
    PARAM real *factor = models + MODELS_FACTOR;
    for (int i = 0; i < ASSETS; i++) {
        for (int j = 0; j <= i; j++) {
            s->q[TRI(i, j)] = dcc_target(dcc, i * ASSETS + j);
            s->factor[TRI(i, j)] = factor[i * ASSETS + j];
        }
    }
#endif
}

#ifdef MODEL_DCC
/*
 * io.marginsim.market.DynamicCorrelation#advance: Q = (1 - a - b) Cbar + a u u' + b Q, then the lower Cholesky
 * factor of R = diag(Q)^-1/2 Q diag(Q)^-1/2 column by column, a pivot at most 1e-12 zeroing its column. Both in
 * dcc_real (paths.cl), from this step's innovations widened; the factor is rounded to real once, for the next step.
 */
void dcc_advance(PARAM real *dcc, ModelState *s, const real *u) {
    dcc_real a = dcc[DCC_A];
    dcc_real b = dcc[DCC_B];
    dcc_real w = dcc[DCC_W];
    for (int i = 0; i < ASSETS; i++) {
        dcc_real ui = u[i];
        for (int j = 0; j <= i; j++) {
            s->q[TRI(i, j)] = w * dcc_target(dcc, i * ASSETS + j) + a * ui * (dcc_real) u[j] + b * s->q[TRI(i, j)];
        }
    }
    dcc_real l[ASSETS * (ASSETS + 1) / 2];
    for (int j = 0; j < ASSETS; j++) {
        dcc_real pivot = 1;
        for (int k = 0; k < j; k++) {
            pivot -= l[TRI(j, k)] * l[TRI(j, k)];
        }
        if (pivot <= (dcc_real) DCC_PIVOT_TOLERANCE) {
            for (int i = j; i < ASSETS; i++) {
                l[TRI(i, j)] = 0;
            }
            continue;
        }
        dcc_real diagonal = sqrt(pivot);
        l[TRI(j, j)] = diagonal;
        dcc_real qjj = s->q[TRI(j, j)];
        for (int i = j + 1; i < ASSETS; i++) {
            dcc_real sum = s->q[TRI(i, j)] / sqrt(s->q[TRI(i, i)] * qjj);
            for (int k = 0; k < j; k++) {
                sum -= l[TRI(i, k)] * l[TRI(j, k)];
            }
            l[TRI(i, j)] = sum / diagonal;
        }
    }
    for (int e = 0; e < ASSETS * (ASSETS + 1) / 2; e++) {
        s->factor[e] = (real) l[e];
    }
}
#endif

#ifdef CONTINUOUS
/*
 * io.marginsim.engine.MarketPath#stepCovariance beyond GBM, from the state before step `step` (1-based) moves it on:
 * D F F^T D with F the step's correlation factor (DCC: the path's own) and D each asset's stressed step volatility
 * (GARCH: the path's own conditional one), times sqrt(1 - phi^2) from step 2 on (MODEL_AR1_SCALE is 1 where phi is 0).
 * Student-t and copula mixing and bootstrapped rows have unit variance, so they add no term; jumps fall at step ends.
 */
void model_step_covariance(PARAM real *models, const ModelState *s, int step, real *cov) {
    real scale[ASSETS];
    for (int a = 0; a < ASSETS; a++) {
        PARAM real *q = models + MODELS_PER_ASSET + a * MODEL_FIELDS;
        scale[a] = q[MODEL_DIFFUSION_SCALE];
#ifdef MODEL_GARCH
        if (q[MODEL_GARCH_ON] != 0) {
            scale[a] *= sqrt(s->variance[a]);
        }
#endif
#ifdef MODEL_AR1
        if (step > 1) {
            scale[a] *= q[MODEL_AR1_SCALE];
        }
#endif
    }
#ifndef MODEL_DCC
    PARAM real *factor = models + MODELS_FACTOR;
#endif
    for (int i = 0; i < ASSETS; i++) {
        for (int j = 0; j <= i; j++) {
            real c = 0;
            for (int k = 0; k <= j; k++) {
#ifdef MODEL_DCC
                c += s->factor[TRI(i, k)] * s->factor[TRI(j, k)];
#else
                c += factor[i * ASSETS + k] * factor[j * ASSETS + k];
#endif
            }
            c *= scale[i] * scale[j];
            cov[i * ASSETS + j] = c;
            cov[j * ASSETS + i] = c;
        }
    }
}
#endif

#ifdef MODEL_HISTORY
/*
 * io.marginsim.market.HistoricalResiduals#row: min(floor(uniform(w) rows), rows - 1). In double the same
 * operations as the reference; in float, where uniform(w) would round, the exact floor of (2w + 1) rows / 2^33 in
 * integers, which is the reference's double result for every history up to 2^20 rows (the product is never an
 * integer and lies at least 2^-33 from one, beyond the double's rounding there).
 */
uint history_row(uint w, int rows) {
#ifdef REAL_DOUBLE
    return (uint) min((int) (uniform_open01(w) * (double) rows), rows - 1);
#else
    return (uint) min((((ulong) w * 2ul + 1ul) * (ulong) rows) >> 33, (ulong) (rows - 1));
#endif
}
#endif

/* One step of io.marginsim.engine.MarketPath#step (counter step `step`, 0-based) added to the log prices. */
void advance_models(const Problem *p, PARAM real *models, __global const real *history, int historyRows,
                    ModelState *s, uint step, uint path, uint k0, uint k1, real *x, real *price) {
#ifdef MODEL_HISTORY
    /* one whole residual row per (step, path); no normals are drawn */
    uint w0 = model_block(step, path, 0, BOOTSTRAP_STREAM, k0, k1).x;
    __global const real *row = history + (size_t) history_row(w0, historyRows) * ASSETS;
#else
    real z[4 * ((ASSETS + 3) / 4)];
    price_normals(step, path, k0, k1, z);
#endif
#ifdef MODEL_DCC
    /* this step's innovations, which drive the next step's Q */
    real innovation[ASSETS];
#elif !defined(MODEL_HISTORY)
    PARAM real *factor = models + MODELS_FACTOR;
#endif
#ifdef COPULA_T
    real common = student_factor(models + MODELS_COPULA, step, path, COPULA_MIXING_STREAM, k0, k1);
#else
    real common = 1;
#endif
#ifdef COMMON_JUMP
    real commonJump = log_jump(models + MODELS_COMMON_JUMP, model_block(step, path, 0, COMMON_JUMP_STREAM, k0, k1));
#endif
    for (int a = 0; a < ASSETS; a++) {
        PARAM real *q = models + MODELS_PER_ASSET + a * MODEL_FIELDS;
#ifdef MODEL_HISTORY
        real u = row[a];
#else
        real eps = 0;
        for (int b = 0; b <= a; b++) {
#ifdef MODEL_DCC
            eps += s->factor[TRI(a, b)] * z[b];
#else
            eps += factor[a * ASSETS + b] * z[b];
#endif
        }
        real u = eps * common;
#ifdef MODEL_T
        if (q[MODEL_CHI + CHI_NU] > 0) {
            u *= student_factor(q + MODEL_CHI, step, path, ASSET_MIXING_STREAM + (uint) a, k0, k1);
        }
#endif
#endif
#ifdef MODEL_DCC
        innovation[a] = u;
#endif
        real scale = q[MODEL_DIFFUSION_SCALE];
        real drift = p->logDrift[a];
#ifdef MODEL_GARCH
        bool garch = q[MODEL_GARCH_ON] != 0;
        if (garch) {
            /* half the step's own variance (m^2 h), GarchVariance.logDrift; logDrift has no variance term here */
            drift -= (real) 0.5 * scale * scale * s->variance[a];
            scale *= sqrt(s->variance[a]);
        }
#endif
        real diffusion = scale * u;
#ifdef MODEL_AR1
        if (step > 0) {
            diffusion = q[MODEL_AR1_PHI] * s->previous[a] + q[MODEL_AR1_SCALE] * diffusion;
        }
        s->previous[a] = diffusion;
#endif
        real logReturn = drift + diffusion;
#ifdef ASSET_JUMPS
        if (q[MODEL_JUMP + JUMP_MEAN] > 0) {
            logReturn += log_jump(q + MODEL_JUMP, model_block(step, path, (uint) a, JUMPS_STREAM, k0, k1));
        }
#endif
#ifdef COMMON_JUMP
        logReturn += q[MODEL_COMMON_BETA] * commonJump;
#endif
        x[a] += logReturn;
        price[a] = p->initialPrice[a] * exp(x[a]);
#ifdef MODEL_GARCH
        if (garch) {
            s->variance[a] = q[MODEL_GARCH_OMEGA]
                    + (q[MODEL_GARCH_ALPHA] * u * u + q[MODEL_GARCH_BETA]) * s->variance[a];
        }
#endif
    }
#ifdef MODEL_DCC
    dcc_advance(models + MODELS_DCC, s, innovation);
#endif
}

#endif
