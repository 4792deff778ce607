package io.marginsim.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on the loopback interface: one Master and some Workers, each its own JVM started from
 * the module's SPARK_HOME ({@code target/spark-home/jars}), as {@code start-master.sh} and {@code start-worker.sh}
 * would. Workers launch executors from the same SPARK_HOME with the JDK running the tests.
 */
final class LoopbackCluster implements AutoCloseable {
    static final Path SPARK_HOME = Path.of("target/spark-home").toAbsolutePath();
    private static final Path CLASSES = Path.of("target/classes").toAbsolutePath();

    private final Path dir;
    private final int port;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    LoopbackCluster(Path dir, int workerCount) throws IOException {
        this(dir, workerCount, List.of());
    }

    /** @param workerOptions JVM options of every Worker, e.g. {@code -Dspark.worker.resource.gpu.amount=1} */
    LoopbackCluster(Path dir, int workerCount, List<String> workerOptions) throws IOException {
        this.dir = dir;
        this.port = freePort();
        master = start("master", List.of(), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        for (int w = 0; w < workerCount; w++) {
            Path work = Files.createDirectories(dir.resolve("worker-" + w));
            workers.add(start("worker-" + w, workerOptions, "org.apache.spark.deploy.worker.Worker", "--host",
                    "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                    "--work-dir", work.toString(), masterUrl()));
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** Driver settings for this cluster: small executors (two must fit beside the tests), our classes on them. */
    Map<String, String> driverConf() {
        return Map.of("spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
                "spark.ui.enabled", "false", "spark.executor.memory", "512m", "spark.executor.cores", "1",
                "spark.executor.extraClassPath", CLASSES.toString());
    }

    /** Kills a worker and its executor at once, as the loss of its machine would. */
    void killWorker(int w) {
        Process worker = workers.get(w);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    private Process start(String name, List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("jvm-options").toAbsolutePath(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", SPARK_HOME.resolve("jars") + "/*:" + CLASSES, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().putAll(Map.of("SPARK_HOME", SPARK_HOME.toString(), "SPARK_SCALA_VERSION", "2.13",
                "SPARK_LOCAL_IP", "127.0.0.1", "JAVA_HOME", System.getProperty("java.home")));
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills the cluster's processes and waits for them a while; an interrupt ends the wait and stays set. */
    @Override
    public void close() {
        for (Process p : workers) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        master.destroyForcibly();
        try {
            for (Process p : workers) {
                p.waitFor(10, TimeUnit.SECONDS);
            }
            master.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
