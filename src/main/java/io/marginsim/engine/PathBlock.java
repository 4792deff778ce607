package io.marginsim.engine;

/**
 * Per-path outcomes of a contiguous range of paths.
 *
 * <ul>
 *   <li>{@code firstBreachStep}: the first step (1-based) at which shortfall is positive, or {@link #NO_BREACH};</li>
 *   <li>{@code worstShortfall}: the largest shortfall (requirement minus equity) over all steps, counted as if
 *       nothing were liquidated, so adding that much cash removes the breach;</li>
 *   <li>{@code terminalEquity}: account equity at the horizon, with positions closed at the price of the step
 *       where they breached.</li>
 * </ul>
 */
public final class PathBlock {
    public static final int NO_BREACH = 0;

    public final int[] firstBreachStep;
    public final double[] worstShortfall;
    public final double[] terminalEquity;

    public PathBlock(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0 but was " + size);
        }
        firstBreachStep = new int[size];
        worstShortfall = new double[size];
        terminalEquity = new double[size];
    }

    public int size() {
        return firstBreachStep.length;
    }

    /** Fraction of paths in this block whose first-breach steps equal those of {@code other}. */
    public double breachStepAgreement(PathBlock other) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("blocks differ in size: " + size() + " vs " + other.size());
        }
        int same = 0;
        for (int i = 0; i < size(); i++) {
            if (firstBreachStep[i] == other.firstBreachStep[i]) {
                same++;
            }
        }
        return size() == 0 ? 1.0 : (double) same / size();
    }
}
