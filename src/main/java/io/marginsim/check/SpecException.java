package io.marginsim.check;

/**
 * Invalid input, told in one sentence that names the field (as a JSON path where the input came from JSON),
 * the value and the rule it breaks.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;
    /** The field is already a full JSON path: prefixing it again would name the wrong place. */
    private final boolean rooted;

    /**
     * @param field   the offending field, e.g. {@code volatility} or {@code assets[0].volatility}
     * @param problem the rest of the sentence, e.g. {@code must be >= 0 but was -0.2}
     */
    public SpecException(String field, String problem) {
        this(field, problem, false);
    }

    private SpecException(String field, String problem, boolean rooted) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
        this.rooted = rooted;
    }

    /** An error whose field is already the full JSON path from the document's root. */
    public static SpecException atPath(String path, String problem) {
        return new SpecException(path, problem, true);
    }

    public String field() {
        return field;
    }

    /** The same error with where it was found added at the end, e.g. the file a part of the spec came from. */
    public SpecException in(String where) {
        return new SpecException(field, problem + " (in " + where + ")", rooted);
    }

    /** The same error with {@code prefix} in front of the field, e.g. {@code assets[0]} + {@code price}. */
    public SpecException under(String prefix) {
        if (rooted) {
            return this;
        }
        String joined = prefix.isEmpty() ? field : field.startsWith("[") ? prefix + field : prefix + "." + field;
        return new SpecException(joined, problem, prefix.isEmpty());
    }
}
