package io.marginsim.engine.opencl;

/** One cell's integers in the {@code cells} buffer of {@code batch.cl} in order (see {@link BatchBuffers}). */
enum CellField implements LayoutField {
    /** Where the cell's tiers start in the batch's tier buffer. */
    TIER_OFFSET,
    TIER_COUNT,
    STEPS,
    /** 1 for isolated margin, 0 for cross. */
    ISOLATED,
    /** The seed's low and high words, the Philox key. */
    SEED_LOW,
    SEED_HIGH;

    static final Layout<CellField> LAYOUT = new Layout<>("CELL_", CellField.class,
            "one cell's integers in a batch (CellField), written by BatchBuffers");

    @Override
    public Width width() {
        return Width.ONE;
    }

    int at() {
        return LAYOUT.offset(this);
    }
}
