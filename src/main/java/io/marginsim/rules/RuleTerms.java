package io.marginsim.rules;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;

import java.util.Objects;

/**
 * How a venue applies its maintenance rates, beyond the rates themselves.
 *
 * @param basis          the value the rate is applied to
 * @param bracketBasis   the value that chooses the bracket: {@link Basis#MARK} re-chooses it as the price moves,
 *                       {@link Basis#ENTRY} fixes it at the entry value for the life of the position. A requirement on
 *                       the entry value is fixed, bracket included, so it has no mark-chosen bracket.
 * @param triggerFeeRate a fee rate on the same value added to the maintenance rate in the liquidation trigger
 *                       (Gate and OKX liquidate when equity reaches maintenance margin plus the taker fee of closing);
 *                       kept apart from the rates so that a preset states the venue's own numbers
 */
public record RuleTerms(Basis basis, Basis bracketBasis, double triggerFeeRate) {

    public RuleTerms {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(bracketBasis, "bracketBasis");
        Checks.fractionBelowOne("triggerFeeRate", triggerFeeRate);
        if (basis == Basis.ENTRY && bracketBasis == Basis.MARK) {
            throw new SpecException("bracketBasis", "must be \"entry\" when basis is \"entry\" (a requirement on the "
                    + "entry value is fixed, bracket included) but was \"mark\"");
        }
    }

    /** The bracket chosen on the same value the rate applies to, and no fee in the trigger. */
    public static RuleTerms on(Basis basis) {
        return new RuleTerms(basis, basis, 0);
    }
}
