package io.marginsim.spec;

/**
 * Invalid input, told in one sentence that names the field (as a JSON path where the input came from JSON),
 * the value and the rule it breaks.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field   the offending field, e.g. {@code volatility} or {@code assets[0].volatility}
     * @param problem the rest of the sentence, e.g. {@code must be >= 0 but was -0.2}
     */
    public SpecException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** The same error with {@code prefix} in front of the field, e.g. {@code assets[0]} + {@code price}. */
    public SpecException under(String prefix) {
        String joined = prefix.isEmpty() ? field : field.startsWith("[") ? prefix + field : prefix + "." + field;
        return new SpecException(joined, problem);
    }
}
