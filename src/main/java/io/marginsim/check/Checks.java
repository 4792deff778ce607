package io.marginsim.check;

/**
 * Argument checks that throw {@link SpecException} naming the field, the value and the rule. Comparisons are
 * written so that NaN fails every check.
 */
public final class Checks {
    /*
     * Sane ranges. The vector and OpenCL engines compute in float (largest value about 3.4e38) and every engine
     * takes exp of per-step moments, so inputs are bounded well inside what the arithmetic can hold: a value beyond
     * these is a typo or a unit mistake, and would otherwise come back as NaN or infinity in the report.
     */
    /** Prices and entry prices, in quote currency per unit. */
    public static final double MAX_PRICE = 1e12;
    /** Units of an asset held, owed or traded. */
    public static final double MAX_UNITS = 1e12;
    /** Amounts of quote currency: cash, isolated margin, book depth, notional thresholds. */
    public static final double MAX_MONEY = 1e15;
    /** Annualised volatility (1000% a year). */
    public static final double MAX_VOLATILITY = 10;
    /**
     * Annual drift either way. A zero-volatility path that crashes at a set speed needs a large drift over a short
     * horizon, so the drift itself is bounded loosely and its move over the horizon by {@link #MAX_DRIFT_MOVE}.
     */
    public static final double MAX_DRIFT = 1_000;
    /** Largest drift times horizon (in years), a log move: exp(50) is about 5e21. */
    public static final double MAX_DRIFT_MOVE = 50;
    /** Absolute log return of a stress shock or of a jump's mean and stdev: exp(10) is a move of 22,026 times. */
    public static final double MAX_LOG_RETURN = 10;
    /** Stress volatility multiplier. */
    public static final double MAX_VOLATILITY_MULTIPLIER = 10;
    /** Annual interest rates (1000% a year). */
    public static final double MAX_ANNUAL_RATE = 10;
    /** Funding rate per funding interval, either way (venues cap it at a few percent). */
    public static final double MAX_FUNDING_RATE = 0.1;
    /** Funding interval: from six minutes (a finite accrual at any step) to a week. */
    public static final double MIN_FUNDING_INTERVAL_HOURS = 0.1;
    public static final double MAX_FUNDING_INTERVAL_HOURS = 168;
    /** Time a venue needs to sell collateral, in a volatility-scaled haircut: a year. */
    public static final double MAX_LIQUIDATION_HORIZON_DAYS = 365;
    /** Horizon: a hundred years. */
    public static final double MAX_HORIZON_DAYS = 36_500;
    /** Dimensionless model scales: slippage coefficient and thinning, premium sensitivity, haircut k, jump betas. */
    public static final double MAX_SCALE = 1_000;

    private Checks() {
    }

    /** {@code value <= max}; NaN fails. */
    public static double atMost(String field, double value, double max) {
        if (!(value <= max)) {
            throw new SpecException(field, "must be at most " + show(max) + " but was " + value);
        }
        return value;
    }

    /** {@code min <= value <= max}; NaN fails. */
    public static double between(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new SpecException(field, "must be between " + show(min) + " and " + show(max) + " but was " + value);
        }
        return value;
    }

    /** {@code -max <= value <= max}; NaN fails. */
    public static double magnitudeAtMost(String field, double value, double max) {
        if (!(Math.abs(value) <= max)) {
            throw new SpecException(field, "must be between " + show(-max) + " and " + show(max) + " but was " + value);
        }
        return value;
    }

    /**
     * A signed position size: non-zero (negative for a short) and at most {@code max} in magnitude; {@code unit}
     * names what it counts when that is not plain units of the asset (empty for those).
     */
    public static double signedSize(String field, double value, double max, String unit) {
        magnitudeAtMost(field, value, max);
        if (value == 0) {
            throw new SpecException(field, "must be " + (unit.isEmpty() ? "non-zero" : "a non-zero number of " + unit)
                    + " (negative for a short) but was 0");
        }
        return value;
    }

    /** A limit as people write it: {@code 1e12}, {@code 36500}, {@code 0.1}. */
    public static String show(double limit) {
        double exponent = Math.log10(Math.abs(limit));
        if (Math.abs(limit) >= 1e6 && exponent == Math.rint(exponent)) {
            return (limit < 0 ? "-" : "") + "1e" + (long) exponent;
        }
        return java.math.BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new SpecException(field, "must be a finite number but was " + value);
        }
        return value;
    }

    public static double positive(String field, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new SpecException(field, "must be a finite number > 0 but was " + value);
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new SpecException(field, "must be a finite number >= 0 but was " + value);
        }
        return value;
    }

    public static double fraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new SpecException(field, "must be between 0 and 1 but was " + value);
        }
        return value;
    }

    /** A fraction strictly below one, for haircuts and rates where one would make the rule meaningless. */
    public static double fractionBelowOne(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new SpecException(field, "must be >= 0 and < 1 but was " + value);
        }
        return value;
    }

    public static long positive(String field, long value) {
        if (value <= 0) {
            throw new SpecException(field, "must be > 0 but was " + value);
        }
        return value;
    }

    public static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new SpecException(field, "must be a non-empty string but was " + (value == null ? "missing" : "\"" + value + "\""));
        }
        return value;
    }
}
