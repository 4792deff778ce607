package io.marginsim.spec;

/**
 * Argument checks that throw {@link SpecException} naming the field, the value and the rule. Comparisons are
 * written so that NaN fails every check.
 */
public final class Checks {
    private Checks() {
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
