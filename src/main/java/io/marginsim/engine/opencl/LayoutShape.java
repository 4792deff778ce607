package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;

/**
 * The counts a packed buffer's layout depends on, the numbers behind the build options {@code ASSETS},
 * {@code POSITIONS}, {@code HAIRCUT_ENTRIES} and {@code SCENARIOS} that the generated layout header names.
 */
record LayoutShape(int assets, int positions, int haircutEntries, int scenarios) {
    static LayoutShape of(CompiledProblem p) {
        int haircutEntries = p.frictions.haircuts() == null ? 0 : p.frictions.haircuts().asset().length();
        return new LayoutShape(p.assets, p.positions, haircutEntries, p.scenarios);
    }
}
