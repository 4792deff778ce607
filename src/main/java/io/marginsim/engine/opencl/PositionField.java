package io.marginsim.engine.opencl;

/** The int layout buffer of {@code paths.cl} in order: the positions' indices (see {@link ProblemBuffers}). */
enum PositionField implements LayoutField {
    ASSET(Width.POSITIONS),
    /** 1 where the position's notional follows the mark price, 0 where it is fixed at entry. */
    MARK_BASIS(Width.POSITIONS),
    /** Each position's first tier, then the end of the last one. */
    TIER_START(new Width("POSITIONS + 1", s -> s.positions() + 1, false));

    static final Layout<PositionField> LAYOUT = new Layout<>("LAYOUT_", PositionField.class,
            "layout buffer (PositionField), written by ProblemBuffers");

    private final Width width;

    PositionField(Width width) {
        this.width = width;
    }

    @Override
    public Width width() {
        return width;
    }

    int at(LayoutShape shape) {
        return LAYOUT.offset(this, shape);
    }
}
