package io.marginsim.engine.opencl;

/** The market buffer of {@code paths.cl} in order (see {@link ProblemBuffers}). */
enum MarketField implements LayoutField {
    /** Initial prices rather than log prices: the kernel keeps log prices relative to them. */
    INITIAL_PRICE(Width.ASSETS),
    LOG_DRIFT(Width.ASSETS),
    /** The shock loading, row-major. */
    LOADING(Width.ASSET_PAIRS);

    static final Layout<MarketField> LAYOUT = new Layout<>("MARKET_", MarketField.class,
            "market buffer (MarketField), written by ProblemBuffers");

    private final Width width;

    MarketField(Width width) {
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
