package io.marginsim.engine.opencl;

/** The int friction buffer of {@code account.cl} and {@code frictions.cl} in order (see {@link FrictionBuffer}). */
enum FrictionIntField implements LayoutField {
    /** Whole steps of latency, capped at {@code steps + 1}. */
    LATENCY_WHOLE(Width.ONE),
    /** The ordinal of {@link io.marginsim.liquidation.PartialPolicy.Mode}. */
    PARTIAL_MODE(Width.POSITIONS),
    /** 1 where the position's fee is at most its scope's remaining equity, else 0. */
    FEE_CAPPED(Width.POSITIONS),
    /** The premium interval in steps; 0 where the rate is constant. */
    PREMIUM_STEPS(Width.POSITIONS),
    /** The asset of each path-haircut entry. */
    HAIRCUT_ASSET(Width.HAIRCUT_ENTRIES);

    static final Layout<FrictionIntField> LAYOUT = new Layout<>("FRICTION_INT_", FrictionIntField.class,
            "int friction buffer (FrictionIntField), written by FrictionBuffer");

    private final Width width;

    FrictionIntField(Width width) {
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
