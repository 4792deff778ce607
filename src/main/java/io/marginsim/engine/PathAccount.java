package io.marginsim.engine;

import io.marginsim.problem.PathBlock;

/**
 * One path's account as an engine drives it step by step: started for a new path, then, after its steps, written
 * into the path block. The steps themselves differ by account ({@link LiquidatingAccount}, {@link ContinuousAccount}).
 */
public interface PathAccount {
    /** Resets the account for a new path. */
    void start();

    /** Writes the path's outcome into {@code out} at {@code slot}, with {@code price} the path's last prices. */
    void write(double[] price, PathBlock out, int slot);
}
