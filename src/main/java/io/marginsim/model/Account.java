package io.marginsim.model;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;
import io.marginsim.rules.ScenarioGrid;

import java.util.List;

/**
 * The margin account: cash in the quote currency (negative when it is a stable-coin debt), collateral,
 * debts and positions, and optionally one portfolio-margin grid that is the requirement of every position.
 *
 * @param portfolioMargin the scenario grid of a portfolio-margined cross account, or null: each position then has
 *                        the requirement of its own rule
 */
public record Account(MarginMode mode, double cash, List<Collateral> collateral, List<Debt> debts,
                      List<Position> positions, ScenarioGrid portfolioMargin) {
    /** An account whose positions are margined by their own rules. */
    public Account(MarginMode mode, double cash, List<Collateral> collateral, List<Debt> debts,
                   List<Position> positions) {
        this(mode, cash, collateral, debts, positions, null);
    }

    public Account {
        if (portfolioMargin != null && mode == MarginMode.ISOLATED) {
            throw new SpecException("portfolioMargin", "applies to cross mode only (one requirement on the whole "
                    + "account's scenario loss) but the mode is isolated");
        }
        Checks.magnitudeAtMost("cash", cash, Checks.MAX_MONEY);
        collateral = List.copyOf(collateral);
        debts = List.copyOf(debts);
        positions = List.copyOf(positions);
        if (mode == MarginMode.ISOLATED) {
            for (int i = 0; i < collateral.size(); i++) {
                if (collateral.get(i).liquidationThreshold() < 1) {
                    throw new SpecException("collateral[" + i + "].liquidationThreshold",
                            "applies to cross mode only (lending accounts are one pool) but the mode is isolated");
                }
            }
        }
        if (positions.isEmpty() && debts.isEmpty() && collateral.isEmpty()) {
            throw new SpecException("positions", "must hold at least one position (or the account collateral or debt) "
                    + "but the account holds nothing");
        }
    }
}
