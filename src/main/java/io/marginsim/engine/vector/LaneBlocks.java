package io.marginsim.engine.vector;

import io.marginsim.problem.PathBlock;

/**
 * A simulation that runs {@link Lanes#COUNT} paths at a time and fills a block one padded vector after another:
 * the last vector's extra lanes simulate the next path indices and are discarded, so every path goes through the
 * same float operations wherever it falls in a block.
 */
interface LaneBlocks {
    /** Simulates paths {@code firstPath ..} into {@code out}, a padded vector of lanes at a time. */
    default void simulate(long firstPath, PathBlock out) {
        int size = out.size();
        for (int slot = 0; slot < size; slot += Lanes.COUNT) {
            simulateLanes(firstPath + slot, out, slot, Math.min(Lanes.COUNT, size - slot));
        }
    }

    /** The first {@code count} lanes of one vector of paths from {@code firstPath}, written from {@code slot} on. */
    void simulateLanes(long firstPath, PathBlock out, int slot, int count);
}
