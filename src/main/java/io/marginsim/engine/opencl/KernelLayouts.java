package io.marginsim.engine.opencl;

import java.util.List;

/**
 * The generated header of every host-to-kernel layout, put before the kernel sources of each program
 * ({@link KernelProgram#build}): the kernels read packed buffers only at the offsets named here, and the Java
 * packing writes them at the offsets of the same {@link Layout}s, so a field added on one side is on both.
 * The defines are expressions over the build options ({@code ASSETS}, {@code POSITIONS}, {@code SCENARIOS},
 * {@code HAIRCUT_ENTRIES}), which the preprocessor expands where they are used, so they stay compile-time
 * constants.
 */
final class KernelLayouts {
    /** Every layout, each after the records its widths name. */
    static final List<Layout<?>> ALL = List.of(ChiField.LAYOUT, JumpField.LAYOUT, ModelField.LAYOUT, DccField.LAYOUT,
            ModelSection.LAYOUT, MarketField.LAYOUT, AccountField.LAYOUT, PositionField.LAYOUT, FrictionField.LAYOUT,
            FrictionIntField.LAYOUT, ScopeField.LAYOUT, CellField.LAYOUT);
    /** Name of the header among the program's sources, for build logs and tests. */
    static final String NAME = "layouts.h";

    private static final String HEADER = generate();

    private KernelLayouts() {
    }

    static String header() {
        return HEADER;
    }

    private static String generate() {
        StringBuilder out = new StringBuilder("/* " + NAME + ": generated from io.marginsim.engine.opencl."
                + "KernelLayouts; offsets into the packed buffers */\n");
        for (Layout<?> layout : ALL) {
            out.append(layout.header());
        }
        return out.toString();
    }
}
