package io.marginsim.engine.opencl;

/**
 * One path's block in each per-position outcome buffer of {@link ScopeSlot} (first breach step, equity at close,
 * liquidation loss, bad debt), written by {@code paths.cl} and {@code frictions.cl}: path {@code p}'s block starts
 * at {@code p * SCOPE_FIELDS}.
 */
enum ScopeField implements LayoutField {
    /** The isolated positions' outcomes, in position order. */
    OUTCOME(Width.POSITIONS);

    static final Layout<ScopeField> LAYOUT = new Layout<>("SCOPE_", ScopeField.class,
            "per-path block of the per-position outcome buffers (ScopeField), read by ScopeSlot");

    private final Width width;

    ScopeField(Width width) {
        this.width = width;
    }

    @Override
    public Width width() {
        return width;
    }
}
