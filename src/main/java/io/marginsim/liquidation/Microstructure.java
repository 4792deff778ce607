package io.marginsim.liquidation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The account-side mechanics a spec asks for beyond "breach = close at the breach price": liquidation terms,
 * funding per position and borrow rates per debt. {@link #NONE} reproduces the plain breach model exactly.
 *
 * @param liquidation null when the spec has no {@code liquidation} object
 * @param funding     per position, null entries for positions without funding (or an empty list: none at all)
 * @param borrowRate  per debt, annual simple rate (or an empty list: none at all)
 */
public record Microstructure(LiquidationTerms liquidation, List<Funding> funding, List<Double> borrowRate) {
    public static final Microstructure NONE = new Microstructure(null, List.of(), List.of());

    public Microstructure {
        // unmodifiable but null-tolerant: a position without funding is a null entry
        funding = Collections.unmodifiableList(new ArrayList<>(funding));
        borrowRate = List.copyOf(borrowRate);
    }

    /** Whether anything differs from the plain breach model. */
    public boolean isNone() {
        return liquidation == null && funding.stream().allMatch(f -> f == null || f.isZero())
                && borrowRate.stream().allMatch(r -> r == 0);
    }
}
