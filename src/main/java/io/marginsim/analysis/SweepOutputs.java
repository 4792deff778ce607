package io.marginsim.analysis;

import io.marginsim.check.SpecException;
import io.marginsim.result.OutputPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files a sweep writes for its prefix ({@code PREFIX.csv}, {@code PREFIX.jsonl} and, while it runs,
 * {@code PREFIX.lock}) and the checks that keep them from landing somewhere unintended, made before anything is
 * written: bad output names are bad input and change nothing on disk.
 */
public final class SweepOutputs {
    private SweepOutputs() {
    }

    static Path lockFile(Path prefix) {
        return prefix.resolveSibling(prefix.getFileName() + ".lock");
    }

    /** The files written for {@code prefix}. */
    public static List<Path> files(Path prefix) {
        return List.of(Sweep.csvFile(prefix), Sweep.journalFile(prefix), lockFile(prefix));
    }

    /**
     * Refuses a prefix that names no file (empty, {@code .}), is a folder, lies under a file, or whose outputs would
     * be a folder or replace one of the sweep's inputs.
     */
    public static void checkPrefix(SweepPlan plan, Path prefix) {
        Path name = prefix.getFileName();
        if (name == null || name.toString().isEmpty() || name.toString().equals(".") || name.toString().equals("..")) {
            throw new SpecException("--out", "must be a file prefix such as results/grid (the sweep writes "
                    + "PREFIX.csv and PREFIX.jsonl) but was \"" + prefix + "\"");
        }
        if (Files.isDirectory(prefix)) {
            throw new SpecException("--out", "must be a file prefix, not a folder, but \"" + prefix + "\" is a folder; "
                    + "give a prefix inside it such as " + prefix.resolve("grid"));
        }
        Path file = OutputPaths.fileAbove(prefix);
        if (file != null) {
            throw new SpecException("--out", "must lie in a folder but \"" + prefix + "\" lies under " + file
                    + ", which is a file");
        }
        for (Path output : files(prefix)) {
            if (Files.isDirectory(output)) {
                throw new SpecException("--out", "\"" + prefix + "\" would write " + output
                        + ", which is a folder; choose another prefix");
            }
            refuseInput("--out", "\"" + prefix + "\" would write " + output, output, plan);
        }
    }

    /** Refuses a chart file that is one of the sweep's outputs or inputs. */
    public static void checkPlot(SweepPlan plan, Path prefix, Path plot) {
        for (Path output : files(prefix)) {
            if (sameFile(plot, output)) {
                throw new SpecException("--plot", "must not be one of the sweep's outputs but " + plot
                        + " is the file --out gives as " + output + "; choose another chart file");
            }
        }
        refuseInput("--plot", "would write " + plot, plot, plan);
    }

    private static void refuseInput(String option, String what, Path file, SweepPlan plan) {
        for (Path input : plan.inputs()) {
            if (sameFile(file, input)) {
                throw new SpecException(option, what + ", which is the sweep's input " + input
                        + "; outputs must not replace the sweep file, its base spec or a file the base spec reads");
            }
        }
    }

    /** The same file however spelled (relative, "..", linked folders), whether or not it exists yet. */
    private static boolean sameFile(Path a, Path b) {
        return OutputPaths.location(a).equals(OutputPaths.location(b));
    }
}
