package io.marginsim.spark;

import org.apache.spark.SparkConf;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** The Spark settings margin-sim starts from; the user's {@code --conf} pairs are applied over them. */
final class SparkSessions {
    private SparkSessions() {
    }

    static SparkConf conf(String master, String appName, Map<String, String> userConf) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName(appName)
                // the sweep prints its own progress (tasks, cells, path-steps/s); Spark's bar would interleave with it
                .set("spark.ui.showConsoleProgress", "false")
                // split cells send their ranges' samples (16 bytes a path) to the driver, which merges and drops them
                // as tasks finish: the job's total can pass the 1g default while the driver holds only cells in flight
                .set("spark.driver.maxResultSize", "0");
        // Workers' SPARK_HOME holds Spark and margin-sim but not this module, whose task classes change with every
        // build: the driver serves its own jar to the executors, so workers never run stale task code.
        Path self = ownJar();
        if (self != null && !master.startsWith("local")) {
            conf.set("spark.jars", self.toString());
        }
        userConf.forEach(conf::set);
        return conf;
    }

    /** The jar these classes were loaded from, or null when they come from a directory (tests, an IDE). */
    private static Path ownJar() {
        try {
            Path location = Path.of(SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
