/**
 * The bottom layer: argument checks with the ranges every input field must keep ({@link Checks}), the one error a
 * user sees for bad input ({@link SpecException}: the field, the value and the rule in one sentence), and counted
 * nouns for messages ({@link Counts}). Every other package may use it; it uses none of them.
 */
package io.marginsim.check;
