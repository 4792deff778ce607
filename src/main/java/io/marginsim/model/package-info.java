/**
 * The portfolio as a user states it: assets, collateral holdings with haircuts, debts, positions (size, entry price,
 * side, isolated margin), the margin mode and the account cash. Plain immutable records, validated in their
 * constructors; nothing here knows about simulation.
 */
package io.marginsim.model;
