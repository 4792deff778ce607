package io.marginsim.engine.opencl;

/**
 * The account buffer of {@code paths.cl} in order (see {@link ProblemBuffers}). The portfolio-margin grid's minimum
 * and loss units take no room without scenarios.
 */
enum AccountField implements LayoutField {
    CASH(Width.ONE),
    VALUE_UNITS(Width.ASSETS),
    REQUIREMENT_UNITS(Width.ASSETS),
    SIZE(Width.POSITIONS),
    ENTRY(Width.POSITIONS),
    MARGIN(Width.POSITIONS),
    PORTFOLIO_MINIMUM(new Width("SCENARIOS > 0", s -> s.scenarios() > 0 ? 1 : 0, false)),
    /** The loss units of every scenario, row-major {@code SCENARIOS x ASSETS}. */
    SCENARIO_UNITS(new Width("SCENARIOS * ASSETS", s -> s.scenarios() * s.assets(), false));

    static final Layout<AccountField> LAYOUT = new Layout<>("ACCOUNT_", AccountField.class,
            "account buffer (AccountField), written by ProblemBuffers");

    private final Width width;

    AccountField(Width width) {
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
