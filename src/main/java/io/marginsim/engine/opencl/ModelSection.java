package io.marginsim.engine.opencl;

/**
 * The parts of the market-model buffer of {@code models.cl} in order (see {@link ModelBuffer}); the DCC record
 * is there only for a DCC problem.
 */
enum ModelSection implements LayoutField {
    /** The t copula's chi-square mixing. */
    COPULA(ChiField.RECORD),
    COMMON_JUMP(JumpField.RECORD),
    /** One {@link ModelField} record per asset. */
    PER_ASSET(new Width("ASSETS * " + ModelField.LAYOUT.lengthName(),
            s -> s.assets() * ModelField.LAYOUT.length(), false)),
    /** The correlation factor, lower-triangular at unit scale, row-major. */
    FACTOR(Width.ASSET_PAIRS),
    DCC(DccField.RECORD);

    static final Layout<ModelSection> LAYOUT = new Layout<>("MODELS_", ModelSection.class,
            "market-model buffer (ModelSection), written by ModelBuffer");

    private final Width width;

    ModelSection(Width width) {
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
