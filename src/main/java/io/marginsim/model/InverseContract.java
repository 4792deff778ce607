package io.marginsim.model;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;
import io.marginsim.rules.CoinRule;
import io.marginsim.rules.MaintenanceRule;

import java.util.Objects;

/**
 * An inverse (coin-margined) contract as BitMEX, Deribit, Binance COIN-M, Bybit and OKX state it: {@code contracts}
 * of {@code faceValue} USD each (negative is short), entered at {@code entryPrice} USD, margined and settled in the
 * asset itself. Its profit in coin is {@code n F (1/E - 1/P)}; its rule states rates on the position value in coin
 * ({@link CoinRule}); in isolated mode {@code coinMargin} is the margin assigned to it, in coin.
 *
 * <p>In USD an inverse position is exactly a linear one: {@code n F (1/E - 1/P) x P = (n F / E)(P - E)}, the profit
 * of {@code q = n F / E} coins entered at {@code E}. Cross-mode collateral in the coin is a collateral holding of the
 * same asset. So {@link #linear} compiles the contract to the {@link Position} every engine already simulates, and
 * the engines need no inverse code: breach, equity and loss are the same numbers in USD.
 */
public record InverseContract(String asset, double contracts, double faceValue, double entryPrice,
                              MaintenanceRule coinRule, double coinMargin) {
    public InverseContract {
        Checks.nonBlank("asset", asset);
        Checks.signedSize("size", contracts, Checks.MAX_UNITS, "contracts");
        Checks.atMost("faceValue", Checks.positive("faceValue", faceValue), Checks.MAX_PRICE);
        Checks.atMost("entryPrice", Checks.positive("entryPrice", entryPrice), Checks.MAX_PRICE);
        Objects.requireNonNull(coinRule, "coinRule");
        Checks.atMost("margin", Checks.nonNegative("margin", coinMargin), Checks.MAX_UNITS);
        // the record's fields are not set yet in this constructor, so the products are written out
        double usd = Math.abs(contracts) * faceValue;
        if (!(usd <= Checks.MAX_MONEY)) {
            throw new SpecException("size", "times faceValue must be at most " + Checks.show(Checks.MAX_MONEY)
                    + " USD but was " + contracts + " x " + faceValue + " = " + usd);
        }
        if (!(usd / entryPrice <= Checks.MAX_UNITS)) {
            throw new SpecException("size", "times faceValue / entryPrice (the position in coin) must be at most "
                    + Checks.show(Checks.MAX_UNITS) + " but was " + usd + " / " + entryPrice + " = " + usd / entryPrice);
        }
    }

    /** {@code |n| F}: the contracts' value in USD, fixed whatever the price. */
    public double usdNotional() {
        return Math.abs(contracts) * faceValue;
    }

    /** {@code |n| F / E}: the position value in coin at entry, the size of the linear equivalent. */
    public double entryCoinValue() {
        return usdNotional() / entryPrice;
    }

    /** The same contract with {@code factor} times as many contracts, its coin margin kept. */
    public InverseContract scaled(double factor) {
        return new InverseContract(asset, contracts * factor, faceValue, entryPrice, coinRule, coinMargin);
    }

    /** Profit or loss in coin at {@code price}: {@code n F (1/E - 1/P)}. */
    public double coinPnl(double price) {
        return contracts * faceValue * (1 / entryPrice - 1 / price);
    }

    /** The maintenance requirement in coin at mark {@code price}, by the venue's own formula. */
    public double coinRequirement(double price) {
        return CoinRule.coinRequirement("rules", coinRule, usdNotional(), entryCoinValue(), price);
    }

    /**
     * The linear position with the same USD equity and requirement at every price. In cross mode that is
     * {@code q = n F / E} coins at {@code E} with the rule's USD form. In isolated mode the margin is coin, worth
     * {@code M x P}, so the position's equity {@code M P + q (P - E)} moves with {@code q + M} coins: the linear
     * position has that size, with entry {@code n F / |q + M|} and a USD margin (0, or {@code 2 n F} for a short
     * margined beyond its own value) chosen so that equity and requirement match exactly.
     *
     * @throws SpecException when an isolated short is margined with exactly its own value (its USD equity is then
     *                       fixed and there is nothing to simulate) or the rule cannot be carried over
     */
    public Position linear(MarginMode mode) {
        double q = Math.signum(contracts) * entryCoinValue();
        if (mode == MarginMode.CROSS) {
            if (coinMargin != 0) {
                throw new SpecException("margin", "applies to isolated mode only; in cross mode the coin is held as "
                        + "collateral, but was " + coinMargin);
            }
            return new Position(asset, q, entryPrice,
                    CoinRule.usd("rules", coinRule, usdNotional(), entryCoinValue(), Math.abs(q)), 0, this);
        }
        double size = q + coinMargin;
        if (size == 0) {
            throw new SpecException("margin", "of " + coinMargin + " coin equals the short's value at entry, so its USD "
                    + "equity is fixed at " + usdNotional() + " and it cannot breach; nothing to simulate");
        }
        double entry = usdNotional() / Math.abs(size);
        double margin = usdNotional() * (Math.signum(size) - Math.signum(q));
        return new Position(asset, size, entry,
                CoinRule.usd("rules", coinRule, usdNotional(), entryCoinValue(), Math.abs(size)), margin, this);
    }
}
