package io.marginsim.spark;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Stack;

/** {@code --spark [MASTER]} and {@code --conf}: where and how the commands that run on Apache Spark run. */
final class SparkOptions {
    @Option(names = "--spark", arity = "0..1", defaultValue = "local[*]", parameterConsumer = MasterUrl.class,
            paramLabel = "MASTER", description = "Spark master URL: local[N], local[*] (default), spark://host:7077, "
                    + "yarn, k8s://host:443; checked before Spark starts (a spark:// master must accept a "
                    + "connection within 3 s).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, e.g. "
            + "spark.executor.resource.gpu.amount=1 (repeatable; applied last, so it wins over margin-sim's).")
    Map<String, String> conf = new LinkedHashMap<>();

    /**
     * Takes the word after {@code --spark} as the master only when it is not an option: picocli would take any
     * word it does not know as an option (the plain sweep's {@code --plot}) for the master and then report
     * the word after it as unmatched.
     */
    static final class MasterUrl implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec option,
                                      CommandLine.Model.CommandSpec command) {
            boolean given = !args.isEmpty() && !args.peek().startsWith("-");
            option.setValue(given ? args.pop() : option.defaultValue());
        }
    }
}
