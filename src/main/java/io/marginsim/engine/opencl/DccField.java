package io.marginsim.engine.opencl;

/** The DCC(1,1) record of {@code models.cl}, after the correlation factor (see {@link ModelBuffer}). */
enum DccField implements LayoutField {
    A(Width.ONE),
    B(Width.ONE),
    /** {@code 1 - a - b}, computed in double on the host as the reference computes it. */
    W(Width.ONE),
    /** {@code Cbar}, full and row-major. */
    TARGET(Width.ASSET_PAIRS),
    /**
     * {@code Cbar - (float) Cbar}, what rounding {@code Cbar} to float leaves: the float program adds it back, so that
     * a target near singularity keeps its {@code 1 - rho}; the double program reads {@link #TARGET} alone.
     */
    TARGET_LOW(Width.ASSET_PAIRS);

    static final Layout<DccField> LAYOUT = new Layout<>("DCC_", DccField.class,
            "DCC record (DccField): a, b, 1 - a - b, Cbar [ASSETS * ASSETS], Cbar's float residual [ASSETS * ASSETS]");
    static final Width RECORD = new Width(LAYOUT.lengthName(), LAYOUT::length, false);

    private final Width width;

    DccField(Width width) {
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
