package io.marginsim.liquidation;

import io.marginsim.spec.Checks;

/**
 * Perpetual funding at a constant rate per funding interval; a positive rate makes longs pay shorts. The payment
 * is accrued pro rata every simulation step on the position's value at the step's price,
 * {@code size * P * ratePerInterval * stepHours / intervalHours}, rather than charged at the venue's settlement
 * times, so the cost does not depend on where the horizon starts within an interval.
 */
public record Funding(double ratePerInterval, double intervalHours) {
    public Funding {
        Checks.finite("fundingRatePerInterval", ratePerInterval);
        Checks.positive("fundingIntervalHours", intervalHours);
    }

    /** Rate charged per simulation step of {@code stepDays}. */
    public double perStep(double stepDays) {
        return ratePerInterval * stepDays * 24 / intervalHours;
    }
}
