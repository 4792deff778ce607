/*
 * Many small problems of one shape (one program: the same ASSETS, POSITIONS and model options) in one launch.
 * Work-item g of the launch is path g - cellStart[c] of cell c, the cell whose range [cellStart[c],
 * cellStart[c + 1]) holds g; cells differ only in numbers, which come from per-cell blocks of fixed stride in the
 * parameter arrays, and in the integers of `cells` (CELL_FIELDS a cell, at the generated offsets CELL_*). Each
 * path is simulated by calling simulate_path (paths.cl, the body of the simulate_paths kernel) with the cell's
 * blocks, so a cell's paths are exactly those of a launch of its own: the same Philox counters and the same
 * arithmetic. Built after philox.cl, paths.cl and models.cl, always with PARAM_GLOBAL, since a batch's parameters
 * outgrow constant memory.
 */

/* The strides of the per-cell blocks are the generated lengths MARKET_FIELDS, ACCOUNT_FIELDS and LAYOUT_FIELDS. */

/* The cell holding work-item g: the last c with cellStart[c] <= g. */
int cell_of(__global const uint *cellStart, int cellCount, uint g) {
    int lo = 0;
    int hi = cellCount - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) >> 1;
        if (cellStart[mid] <= g) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

/* `models` holds modelReals reals a cell (ModelBuffer); `history` is the placeholder of problems without one. */
__kernel void simulate_batch(PARAM real *market, PARAM real *account, PARAM real *tiers, PARAM int *layout,
                             PARAM real *models, int modelReals, __global const real *history,
                             __global const int *cells, __global const uint *cellStart, int cellCount,
                             __global int *firstBreachOut, __global real *worstOut, __global real *terminalOut) {
    uint g = get_global_id(0);
    if (g >= cellStart[cellCount]) {
        return;
    }
    int c = cell_of(cellStart, cellCount, g);
    __global const int *cell = cells + c * CELL_FIELDS;
    uint start = cellStart[c];
    /* Path g - start of the cell: simulate_path computes firstPath + g, here modulo 2^64. */
    simulate_path(market + c * MARKET_FIELDS, account + c * ACCOUNT_FIELDS, tiers + cell[CELL_TIER_OFFSET],
                   layout + c * LAYOUT_FIELDS, models + c * modelReals, history, 0,
                   cell[CELL_TIER_COUNT], cell[CELL_STEPS], cell[CELL_ISOLATED], (uint) cell[CELL_SEED_LOW],
                   (uint) cell[CELL_SEED_HIGH],
                   (ulong) 0 - (ulong) start, cellStart[c + 1],
                   firstBreachOut, worstOut, terminalOut, 0, 0);
}

/*
 * First-breach histograms of every cell: work-group c counts the paths of cell c into bins binStart[c] ..
 * binStart[c] + steps * BREACH_BINS of `histogram` (cleared by the host), one for each breach slot (paths.cl's
 * breach_slot). One group per cell, so its atomics meet only those of its own work-items.
 */
__kernel void batch_histograms(__global const int *firstBreach, __global const uint *cellStart,
                               __global const uint *binStart, __global uint *histogram) {
    int c = get_group_id(0);
    __global uint *bins = histogram + binStart[c];
    uint end = cellStart[c + 1];
    for (uint i = cellStart[c] + get_local_id(0); i < end; i += get_local_size(0)) {
        int step = firstBreach[i];
        if (step != 0) {
            atomic_inc(&bins[step]);
        }
    }
}
