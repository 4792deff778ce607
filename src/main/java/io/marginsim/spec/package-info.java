/**
 * Reading and writing specs: JSON files ({@link SpecReader}, {@link MarketReader}, {@link ScenarioReader}) and the
 * fluent {@link SpecBuilder} into an immutable, validated {@link Spec}. Every error names its JSON path, the value and
 * the rule ({@link SpecException}); {@link Checks} holds the argument checks and the ranges every field must keep.
 */
package io.marginsim.spec;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;
import io.marginsim.simulation.SpecBuilder;
