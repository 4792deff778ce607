package io.marginsim.engine.opencl;

/** One asset's record in the market-model buffer of {@code models.cl} (see {@link ModelBuffer}). */
enum ModelField implements LayoutField {
    /** The asset's Student-t mixing. */
    CHI(ChiField.RECORD),
    /** The asset's own jumps. */
    JUMP(JumpField.RECORD),
    /** The asset's loading on the common jump. */
    COMMON_BETA(Width.ONE),
    /** {@code volatilityMultiplier * stepVolatility}, or {@code volatilityMultiplier} alone for a GARCH asset. */
    DIFFUSION_SCALE(Width.ONE),
    /** 1 for a GARCH asset, else 0. */
    GARCH_ON(Width.ONE),
    GARCH_OMEGA(Width.ONE),
    GARCH_ALPHA(Width.ONE),
    GARCH_BETA(Width.ONE),
    /** The initial variance. */
    GARCH_START(Width.ONE),
    AR1_PHI(Width.ONE),
    /** {@code sqrt(1 - phi^2)}, computed in double on the host. */
    AR1_SCALE(Width.ONE);

    static final Layout<ModelField> LAYOUT = new Layout<>("MODEL_", ModelField.class,
            "per-asset model record (ModelField)");
    static final Width RECORD = Width.record(LAYOUT.lengthName(), s -> LAYOUT.length());

    private final Width width;

    ModelField(Width width) {
        this.width = width;
    }

    @Override
    public Width width() {
        return width;
    }

    int at() {
        return LAYOUT.offset(this);
    }
}
