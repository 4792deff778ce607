package io.marginsim.engine;

import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import io.marginsim.testing.SpecEdits;

import java.util.Locale;

/** Small specs for tests, written as JSON so they read like the user contract. */
public final class Specs {
    private Specs() {
    }

    public static Spec parse(String json) {
        return SpecReader.parse(json, "test spec", false);
    }

    /** {@code valid} with its one occurrence of a literal replaced, so an error case shows just what it breaks. */
    public static String breaking(String valid, String from, String to) {
        return SpecEdits.replace(valid, from, to);
    }

    /**
     * One asset at 100, one long (or short, {@code size < 0}) position entered at 100 with a flat mark-basis rate,
     * cross margined by {@code cash}.
     */
    public static Spec single(double vol, double drift, double size, double cash, double rate, int days, int stepsPerDay,
                              long paths, long seed) {
        return single(vol, drift, size, cash, rate, days, stepsPerDay, paths, seed, Monitoring.DEFAULT);
    }

    /** {@link #single} monitored as {@code monitoring} says. */
    public static Spec single(double vol, double drift, double size, double cash, double rate, int days, int stepsPerDay,
                              long paths, long seed, Monitoring monitoring) {
        return parse(String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 100, "volatility": %s, "drift": %s}],
                 "account": {"cash": %s, "positions": [{"asset": "X", "size": %s, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": %s}}]},
                 "horizonDays": %d, "stepsPerDay": %d, "paths": %d, "seed": %d, "engine": "scalar",
                 "monitoring": "%s"}""",
                vol, drift, cash, size, rate, days, stepsPerDay, paths, seed, monitoring.key()));
    }
}
