package io.marginsim.engine.opencl;

/**
 * The chi-square record of {@code models.cl}: the constants of {@link io.marginsim.market.ChiSquare} for one
 * {@code nu}, all zero for none (see {@link ModelBuffer}).
 */
enum ChiField implements LayoutField {
    /** {@code nu}; 0 where there is no chi-square mixing. */
    NU,
    /** {@code floor(nu)}. */
    WHOLE,
    /** {@code a = frac(nu) / 2}; 0 where {@code nu} is whole. */
    SHAPE,
    /** Marsaglia-Tsang's {@code d = a + 2/3}. */
    D,
    /** {@code 1 / sqrt(9 d)}. */
    C,
    /** {@code 1 / a}. */
    INV_SHAPE;

    static final Layout<ChiField> LAYOUT = new Layout<>("CHI_", ChiField.class,
            "chi-square record (ChiField): nu, floor(nu), a = frac(nu) / 2, d = a + 2/3, 1 / sqrt(9 d), 1 / a");
    static final Width RECORD = Width.record(LAYOUT.lengthName(), s -> LAYOUT.length());

    @Override
    public Width width() {
        return Width.ONE;
    }

    int at() {
        return LAYOUT.offset(this);
    }
}
