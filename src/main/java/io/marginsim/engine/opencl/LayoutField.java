package io.marginsim.engine.opencl;

/** One field of a packed host-to-kernel buffer: the constants of an enum, in buffer order, form a {@link Layout}. */
interface LayoutField {
    Width width();
}
