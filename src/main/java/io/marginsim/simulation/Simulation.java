package io.marginsim.simulation;

import io.marginsim.result.Report;
import io.marginsim.stats.PathStats;

/**
 * One simulation's report with the {@link PathStats} it came from, for analyses that need quantiles at levels
 * the report does not carry (a buffer for any target). The statistics hold one value per path, possibly in
 * device memory, so callers keep one of these at a time and close it when done.
 */
public record Simulation(PathStats stats, Report report) implements AutoCloseable {
    @Override
    public void close() {
        stats.close();
    }
}
