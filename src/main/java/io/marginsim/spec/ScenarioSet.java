package io.marginsim.spec;

import io.marginsim.check.SpecException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A spec and its named scenarios. Each scenario replaces the baseline's {@code market.stress} as a whole rather than
 * composing with it, so a scenario means the same thing whatever the baseline's overlay is, and a scenario equals the
 * spec with that {@code stress} written into {@code market}.
 *
 * @param baseline  the spec as written (its own {@code market.stress}, if any, applies to the baseline only)
 * @param scenarios in the order of the spec; empty for a spec without {@code scenarios}
 */
public record ScenarioSet(Spec baseline, List<Scenario> scenarios) {
    public ScenarioSet {
        Objects.requireNonNull(baseline, "baseline");
        scenarios = List.copyOf(scenarios);
    }

    /** The spec of one scenario: the baseline with the scenario's overlays in place of its own. */
    public Spec spec(Scenario scenario) {
        return baseline.withStress(scenario.stress());
    }

    /** The same scenarios over a baseline with other run settings (command-line overrides of paths, seed, engine). */
    public ScenarioSet withBaseline(UnaryOperator<Spec> change) {
        return new ScenarioSet(change.apply(baseline), scenarios);
    }

    /**
     * The scenarios named in {@code names}, in the spec's order; every scenario when {@code names} is empty.
     *
     * @param option how the names were given, for the error (e.g. {@code --scenario})
     */
    public List<Scenario> select(List<String> names, String option) {
        if (names.isEmpty()) {
            return scenarios;
        }
        List<String> known = scenarios.stream().map(Scenario::name).toList();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new SpecException(option, scenarios.isEmpty()
                        ? "needs a spec with scenarios but the spec has none, and it was \"" + name + "\""
                        : "must name one of the spec's scenarios " + known + " but was \"" + name + "\"");
            }
        }
        List<Scenario> chosen = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (names.contains(s.name())) {
                chosen.add(s);
            }
        }
        return chosen;
    }
}
