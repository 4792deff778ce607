package io.marginsim.rules;

import io.marginsim.check.SpecException;

/**
 * A maintenance rule stated in coin, as venues state it for inverse (coin-margined) contracts, and the one USD rule of
 * the contract's linear equivalent that gives the same requirement at every price.
 *
 * <p>For {@code n} contracts of face value {@code F} the position value in coin is {@code nF / P}. A rate on that
 * value ({@code basis: mark}: BitMEX, Deribit, Binance COIN-M, OKX) requires {@code rate x nF / P} coins, worth
 * {@code rate x nF} USD at any price: a constant, so the USD rule is an entry-basis rate on the linear position's
 * entry notional {@code nF}. A rate on the value at entry ({@code basis: entry}: Bybit's inverse formulas use
 * {@code Position Value = Contract Quantity / Average Entry Price}) requires a fixed number of coins {@code c}, worth
 * {@code c x P} USD: a mark-basis rate {@code c / |size|} on the linear position. The basis swaps, and nothing else
 * changes, so every engine evaluates inverse contracts with the tier arrays it already has.
 *
 * <p>Tier floors and maintenance amounts are in coin. Entry-basis brackets are chosen once by the coin value at
 * entry, which never moves. A mark-basis bracket with a maintenance amount {@code d > 0} requires
 * {@code rate x nF - d x P} USD, which is neither a constant nor a rate on one notional, and a bracket chosen by
 * {@code nF / P} moves the other way from a linear one's; both are refused rather than approximated.
 */
public final class CoinRule {
    private CoinRule() {
    }

    /**
     * The bracket of {@code rule} that applies to a position whose value in coin at entry is {@code entryCoinValue},
     * with the trigger fee in its rate: the only bracket an inverse contract uses.
     *
     * @throws SpecException naming {@code field} when the rule picks its bracket by the value at mark with more than
     *                       one bracket, or when a mark-basis bracket carries a maintenance amount
     */
    static TierTable bracket(String field, MaintenanceRule rule, double entryCoinValue) {
        TierTable coin = rule.tiers(entryCoinValue).plusRate(field + ".triggerFeeRate", rule.terms().triggerFeeRate());
        if (rule.basis() == Basis.MARK && rule.terms().bracketBasis() == Basis.MARK && coin.size() > 1) {
            throw new SpecException(field, "picks its bracket by the coin value at mark, which for an inverse contract "
                    + "grows as the price falls; give bracketBasis \"entry\" (the bracket at the entry value) or one tier");
        }
        TierTable one = coin.fixedAt(entryCoinValue);
        if (rule.basis() == Basis.MARK && one.deductions()[0] > 0) {
            throw new SpecException(field, "has a maintenance amount of " + one.deductions()[0] + " coin in the bracket"
                    + " of a " + entryCoinValue + "-coin position, which with basis \"mark\" on an inverse contract "
                    + "makes the USD requirement fall with the price and is not modelled; give basis \"entry\" or a "
                    + "position in a bracket without an amount");
        }
        return one;
    }

    /**
     * The rule as the venue states it, its brackets resolved for a position whose coin value at entry is
     * {@code entryCoinValue}: for a linear position on the dollar priced in coin, whose size is {@code n F} and whose
     * notional is the coin value, so that a size-scaled rate uses the coin size as the USD view does.
     */
    public static MaintenanceRule asStated(MaintenanceRule rule, double entryCoinValue) {
        return new MaintenanceRule.Tiered(rule.tiers(entryCoinValue), rule.terms());
    }

    /**
     * Maintenance requirement in coin at {@code price} of an inverse position of {@code usdNotional = |n| F} entered
     * with coin value {@code entryCoinValue = |n| F / E}: the venues' own formula, for checks and reports.
     */
    public static double coinRequirement(String field, MaintenanceRule rule, double usdNotional, double entryCoinValue,
                                         double price) {
        TierTable one = bracket(field, rule, entryCoinValue);
        double value = rule.basis() == Basis.MARK ? usdNotional / price : entryCoinValue;
        return value * one.rates()[0] - one.deductions()[0];
    }

    /**
     * The USD rule of the linear equivalent: a flat rate whose requirement equals the coin requirement's USD value at
     * every price, for a linear position of {@code |size| = linearAbsSize} whose entry notional is {@code usdNotional}
     * (the mapping keeps {@code |size| x entry = |n| F}).
     *
     * @throws SpecException naming {@code field} when the rule cannot be carried over (see {@link #bracket}) or the
     *                       equivalent rate would reach 1
     */
    public static MaintenanceRule usd(String field, MaintenanceRule rule, double usdNotional, double entryCoinValue,
                                      double linearAbsSize) {
        TierTable one = bracket(field, rule, entryCoinValue);
        if (rule.basis() == Basis.MARK) {
            return new MaintenanceRule.Flat(one.rates()[0], RuleTerms.on(Basis.ENTRY));
        }
        double coins = entryCoinValue * one.rates()[0] - one.deductions()[0];
        double rate = coins / linearAbsSize;
        if (!(rate < 1)) {
            throw new SpecException(field, "requires " + coins + " coin, which is not below the position's USD exposure"
                    + " of " + linearAbsSize + " coin (an isolated short margined with about its own value); the "
                    + "requirement cannot be carried as a rate");
        }
        return new MaintenanceRule.Flat(rate, RuleTerms.on(Basis.MARK));
    }
}
