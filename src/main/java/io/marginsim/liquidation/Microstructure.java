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
 * @param haircuts    per collateral entry, its haircut model or null for a fixed haircut (or an empty list: none
 *                    at all); a model's haircut is in the account already at the asset's constant volatility and
 *                    follows the path where the asset's volatility does (GARCH)
 */
public record Microstructure(LiquidationTerms liquidation, List<Funding> funding, List<Double> borrowRate,
                             List<HaircutModel> haircuts) {
    public static final Microstructure NONE = new Microstructure(null, List.of(), List.of());

    public Microstructure {
        // unmodifiable but null-tolerant: a position without funding is a null entry
        funding = Collections.unmodifiableList(new ArrayList<>(funding));
        borrowRate = List.copyOf(borrowRate);
        haircuts = Collections.unmodifiableList(new ArrayList<>(haircuts));
    }

    /** Without haircut models. */
    public Microstructure(LiquidationTerms liquidation, List<Funding> funding, List<Double> borrowRate) {
        this(liquidation, funding, borrowRate, List.of());
    }

    /** Whether anything may differ from the plain breach model. */
    public boolean isNone() {
        return liquidation == null && funding.stream().allMatch(f -> f == null || f.isZero())
                && borrowRate.stream().allMatch(r -> r == 0) && haircuts.stream().allMatch(h -> h == null);
    }
}
