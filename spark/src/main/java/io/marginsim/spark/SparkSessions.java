package io.marginsim.spark;

import org.apache.spark.SparkConf;

import java.util.Map;

/** The Spark settings margin-sim starts from; the user's {@code --conf} pairs are applied over them. */
final class SparkSessions {
    private SparkSessions() {
    }

    static SparkConf conf(String master, String appName, Map<String, String> userConf) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName(appName)
                // the sweep prints its own progress (tasks, cells, path-steps/s); Spark's bar would interleave with it
                .set("spark.ui.showConsoleProgress", "false");
        userConf.forEach(conf::set);
        return conf;
    }
}
