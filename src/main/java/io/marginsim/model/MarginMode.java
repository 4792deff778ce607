package io.marginsim.model;

/** How positions share margin. */
public enum MarginMode {
    /** One pool: cash, collateral and every position's profit and loss back every requirement. */
    CROSS,
    /** Each position stands alone on its own margin; cash and collateral are not at risk. */
    ISOLATED
}
