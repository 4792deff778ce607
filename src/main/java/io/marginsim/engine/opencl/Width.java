package io.marginsim.engine.opencl;

import java.util.function.ToIntFunction;

/**
 * How many values one field of a packed buffer takes: as OpenCL C text over the build options (for the generated
 * header) and as a count for a given {@link LayoutShape} (for the Java packing), so that the two cannot disagree.
 *
 * @param macro the C expression of the count, in terms of build options and other layouts' {@code _FIELDS}
 * @param count the same count for a problem's shape
 * @param fixed whether the count is the same for every shape (a record of constant width)
 */
record Width(String macro, ToIntFunction<LayoutShape> count, boolean fixed) {
    static final Width ONE = new Width("1", s -> 1, true);
    static final Width ASSETS = new Width("ASSETS", LayoutShape::assets, false);
    static final Width POSITIONS = new Width("POSITIONS", LayoutShape::positions, false);
    static final Width ASSET_PAIRS = new Width("ASSETS * ASSETS", s -> s.assets() * s.assets(), false);
    static final Width HAIRCUT_ENTRIES = new Width("HAIRCUT_ENTRIES", LayoutShape::haircutEntries, false);

    /** One whole record of {@code layout} (of fixed width) in place. */
    static Width record(String lengthName, ToIntFunction<LayoutShape> length) {
        return new Width(lengthName, length, true);
    }

    int of(LayoutShape shape) {
        return count.applyAsInt(shape);
    }

    /** The macro as an operand: bracketed unless it is one name or number. */
    String operand() {
        return macro.matches("\\w+") ? macro : "(" + macro + ")";
    }
}
