package io.marginsim.rules;

/** Which value of a position a maintenance rule applies its rate to; venues differ. */
public enum Basis {
    /** Size times the current mark price (Binance, Bybit, Hyperliquid). */
    MARK,
    /** Size times the entry price: the requirement stays fixed while the position is open. */
    ENTRY
}
