package io.marginsim.engine.opencl;

/**
 * The jump record of {@code models.cl}: the constants of {@link io.marginsim.market.MertonJumps#logJump}, all zero
 * for no jumps (see {@link ModelBuffer}).
 */
enum JumpField implements LayoutField {
    /** The Poisson mean; 0 where there are no jumps. */
    MEAN,
    /** {@code exp(-mean)}, the probability of no jump. */
    P0,
    /** The most jumps a step counts. */
    CAP,
    LOG_MEAN,
    LOG_STDEV;

    static final Layout<JumpField> LAYOUT = new Layout<>("JUMP_", JumpField.class,
            "jump record (JumpField): Poisson mean, exp(-mean), cap, log-jump mean, log-jump stdev");
    static final Width RECORD = Width.record(LAYOUT.lengthName(), s -> LAYOUT.length());

    @Override
    public Width width() {
        return Width.ONE;
    }

    int at() {
        return LAYOUT.offset(this);
    }
}
