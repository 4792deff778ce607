package io.marginsim.engine.opencl;

/**
 * The real friction buffer of {@code account.cl} and {@code frictions.cl} in order (see {@link FrictionBuffer}).
 * {@code P} fields hold one value per position, {@code A} per asset, {@code C} per path-haircut entry.
 */
enum FrictionField implements LayoutField {
    LATENCY_FRACTION(Width.ONE),
    IMPACT_COEFFICIENT(Width.ONE),
    FUNDING(Width.POSITIONS),
    BORROW(Width.ASSETS),
    DEPTH(Width.POSITIONS),
    FEE_RATE(Width.POSITIONS),
    PARTIAL_FRACTION(Width.POSITIONS),
    PARTIAL_ABOVE(Width.POSITIONS),
    /** Premium-linked funding from here to {@link #STEP_SHARE}: the PremiumLink and the interval's rate. */
    BASIS_SENSITIVITY(Width.POSITIONS),
    CLAMP_BAND(Width.POSITIONS),
    RATE_CAP(Width.POSITIONS),
    RATE_FLOOR(Width.POSITIONS),
    INTEREST(Width.POSITIONS),
    /** The funding interval's share of a step. */
    STEP_SHARE(Width.POSITIONS),
    /** Per asset, the log price before the horizon (before any stress shock) relative to the initial one. */
    START_X(Width.ASSETS),
    HAIRCUT_AMOUNT(Width.HAIRCUT_ENTRIES),
    HAIRCUT_SCALE(Width.HAIRCUT_ENTRIES),
    HAIRCUT_CAP(Width.HAIRCUT_ENTRIES),
    HAIRCUT_COMPILED(Width.HAIRCUT_ENTRIES),
    HAIRCUT_REQUIRED_SHARE(Width.HAIRCUT_ENTRIES);

    static final Layout<FrictionField> LAYOUT = new Layout<>("FRICTION_", FrictionField.class,
            "real friction buffer (FrictionField), written by FrictionBuffer");

    private final Width width;

    FrictionField(Width width) {
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
