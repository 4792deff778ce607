package io.marginsim.testing;

/**
 * Literal edits of spec JSON in tests. Each fails when it would change nothing, so a base spec that drifts away
 * from an edit makes the test fail instead of quietly running the unedited spec; an edit meant for one place fails
 * as well when the text is in several.
 */
public final class SpecEdits {
    private SpecEdits() {
    }

    /** {@code json} with its one occurrence of {@code from} replaced by {@code to}. */
    public static String replace(String json, String from, String to) {
        int count = occurrences(json, from);
        if (count != 1) {
            throw new AssertionError(count == 0 ? absent(from)
                    : "spec edit expects \"" + from + "\" once but finds it " + count
                    + " times; call replaceAll to edit every one");
        }
        return json.replace(from, to);
    }

    /** {@code json} with every occurrence of {@code from} replaced by {@code to}; there must be at least one. */
    public static String replaceAll(String json, String from, String to) {
        if (occurrences(json, from) == 0) {
            throw new AssertionError(absent(from));
        }
        return json.replace(from, to);
    }

    private static String absent(String from) {
        return "spec edit expects \"" + from + "\" but the spec does not contain it";
    }

    private static int occurrences(String text, String part) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("spec edit needs non-empty text to replace");
        }
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
