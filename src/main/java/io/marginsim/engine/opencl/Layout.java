package io.marginsim.engine.opencl;

import java.util.List;

/**
 * The layout of one packed buffer (or of a record within one), described once by an enum of {@link LayoutField}s
 * in buffer order: field k starts where field k - 1 ends. The Java packing asks it for offsets and the kernels read
 * the {@code #define}s of {@link #header}, which names each field's offset {@code PREFIX_FIELD} and the total
 * {@code PREFIX_FIELDS}, so that a field added, removed or widened moves both sides at once.
 */
final class Layout<E extends Enum<E> & LayoutField> {
    private final String prefix;
    private final String description;
    private final List<E> fields;

    /**
     * @param prefix      the start of every generated name, with its underscore ({@code "MODEL_"})
     * @param description what the buffer or record is, for the comment above its defines
     */
    Layout(String prefix, Class<E> type, String description) {
        this.prefix = prefix;
        this.description = description;
        this.fields = List.of(type.getEnumConstants());
    }

    List<E> fields() {
        return fields;
    }

    /** The generated name of {@code field}'s offset. */
    String name(E field) {
        return prefix + field.name();
    }

    /** The generated name of the layout's total width. */
    String lengthName() {
        return prefix + "FIELDS";
    }

    /** Where {@code field} starts for a problem of {@code shape}. */
    int offset(E field, LayoutShape shape) {
        int at = 0;
        for (E before : fields.subList(0, field.ordinal())) {
            at += before.width().of(shape);
        }
        return at;
    }

    /**
     * Where {@code field} starts in a record whose fields before it have fixed widths.
     *
     * @throws IllegalStateException when a field before it depends on the problem's shape
     */
    int offset(E field) {
        for (E before : fields.subList(0, field.ordinal())) {
            if (!before.width().fixed()) {
                throw new IllegalStateException(name(field) + " follows " + name(before)
                        + ", whose width depends on the problem's shape");
            }
        }
        return offset(field, null);
    }

    /** The total width for a problem of {@code shape}. */
    int length(LayoutShape shape) {
        return fields.isEmpty() ? 0 : offset(fields.getLast(), shape) + fields.getLast().width().of(shape);
    }

    /** The total width of a record of fixed-width fields. */
    int length() {
        E last = fields.getLast();
        return offset(last) + last.width().of(null);
    }

    /** The {@code #define}s of every field's offset and of the total width, each in terms of the one before. */
    String header() {
        StringBuilder out = new StringBuilder("/* ").append(description).append(" */\n");
        String previous = null;
        Width previousWidth = null;
        for (E field : fields) {
            out.append("#define ").append(name(field)).append(' ')
                    .append(previous == null ? "0" : "(" + previous + " + " + previousWidth.operand() + ")")
                    .append('\n');
            previous = name(field);
            previousWidth = field.width();
        }
        out.append("#define ").append(lengthName()).append(" (").append(previous).append(" + ")
                .append(previousWidth.operand()).append(")\n");
        return out.toString();
    }
}
