package io.marginsim.check;

/**
 * A number with its noun in English for messages and reports: "1 thread", "2 threads", "1 day", "2.5 days". Nouns
 * take a plain "s" in the plural (every noun these messages count does).
 */
public final class Counts {
    private Counts() {
    }

    public static String of(long count, String noun) {
        return of(Long.toString(count), count, noun);
    }

    /** {@code amount} is {@code value} as it should be printed, e.g. rounded. */
    public static String of(String amount, double value, String noun) {
        return amount + " " + (value == 1 ? noun : noun + "s");
    }
}
