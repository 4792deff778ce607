package io.marginsim.liquidation;

import io.marginsim.check.Checks;

/**
 * Perpetual funding per funding interval; a positive rate makes longs pay shorts. The payment is accrued pro rata
 * every simulation step on the position's value at the step's price, {@code size * P * rate * stepHours /
 * intervalHours}, rather than charged at the venue's settlement times, so the cost does not depend on where the
 * horizon starts within an interval.
 *
 * <p>Without {@code premium} the rate is the constant {@code ratePerInterval}. With it the rate of each step is
 * {@link PremiumLink#rate} of the premium read from the path and the interest rate {@code ratePerInterval}: the
 * constant rate is the premium-linked one with a zero premium (a venue's baseline).
 *
 * @param premium null: constant rate. In a venue preset it holds the venue's published clamp only (its
 *                {@code basisSensitivity} is 0); a position turns premium-linked funding on with its own
 *                {@code premium} object.
 */
public record Funding(double ratePerInterval, double intervalHours, PremiumLink premium) {
    public Funding {
        Checks.magnitudeAtMost("fundingRatePerInterval", ratePerInterval, Checks.MAX_FUNDING_RATE);
        Checks.between("fundingIntervalHours", intervalHours, Checks.MIN_FUNDING_INTERVAL_HOURS,
                Checks.MAX_FUNDING_INTERVAL_HOURS);
    }

    /** Constant funding. */
    public Funding(double ratePerInterval, double intervalHours) {
        this(ratePerInterval, intervalHours, null);
    }

    /** Constant rate charged per simulation step of {@code stepDays}. */
    public double perStep(double stepDays) {
        return ratePerInterval * stepShare(stepDays);
    }

    /** The share of an interval one step of {@code stepDays} is. */
    public double stepShare(double stepDays) {
        return stepDays * 24 / intervalHours;
    }

    /** The trailing funding interval in whole steps of {@code stepDays}, rounded, at least one. */
    public int intervalSteps(double stepDays) {
        return (int) Math.max(1, Math.round(intervalHours / (stepDays * 24)));
    }

    /** Whether this funding never costs or pays anything: a constant rate of zero. */
    public boolean isZero() {
        return premium == null && ratePerInterval == 0;
    }
}
