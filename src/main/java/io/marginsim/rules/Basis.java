package io.marginsim.rules;

/** Which value of a position a maintenance rule applies its rate to, or chooses its bracket by; venues differ. */
public enum Basis {
    /** Size times the current mark price (Binance, Bybit, Hyperliquid). */
    MARK,
    /** Size times the entry price: the requirement stays fixed while the position is open. */
    ENTRY;

    /** The name specs and presets use. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
