package io.marginsim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's AOT cache. When training fails, the command goes on without a cache, training says one line and is
 * not tried again for the same jar, and nothing is left behind; a jar that is not a jar makes training fail fast (and
 * the command after it, with the JVM's own message, which is not the launcher's to change). With the real jar (when
 * the build has made one), the cache is trained once, used, changes no result, and a rebuilt jar gets a fresh one.
 */
class LauncherAotCacheTest {
    private static final String TRAINING = "margin-sim: training the JVM's start-up cache";

    @TempDir
    Path home;

    @BeforeEach
    void layOutACheckoutWithABrokenJar() throws IOException {
        Files.copy(Path.of("margin-sim"), home.resolve("margin-sim"));
        Files.createDirectories(home.resolve("src/main"));
        Files.createDirectories(home.resolve("kernels"));
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Path jar = Files.writeString(Files.createDirectories(home.resolve("target")).resolve("margin-sim.jar"),
                "not a jar");
        // newer than every source, so the launcher does not try to build it
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    }

    @Test
    void aFailedTrainingSaysOneLineLeavesAMarkerAndIsNotRetried() throws Exception {
        String first = launch(Map.of(), "simulate", "spec.json");
        assertThat(first.lines().filter(l -> l.startsWith(TRAINING))).hasSize(1);
        assertThat(targetFiles()).singleElement().asString().matches("margin-sim-\\d+\\.aot\\.failed");

        String second = launch(Map.of(), "simulate", "spec.json");
        assertThat(second).doesNotContain(TRAINING);
        assertThat(targetFiles()).hasSize(1);
    }

    @Test
    void onlySimulatingCommandsTrainAndTheVariableTurnsItOff() throws Exception {
        assertThat(launch(Map.of(), "presets")).doesNotContain(TRAINING);
        assertThat(launch(Map.of("MARGIN_SIM_AOT", "off"), "bench")).doesNotContain(TRAINING);
        assertThat(targetFiles()).isEmpty();
    }

    @Test
    void theRealJarTrainsOnceUsesTheCacheAndARebuiltJarGetsAFreshOne() throws Exception {
        Path built = Path.of("target", "margin-sim.jar");
        assumeTrue(Files.isRegularFile(built), "no jar built yet (mvn package makes one)");
        Path jar = home.resolve("target/margin-sim.jar");
        Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        Path spec = Files.writeString(home.resolve("spec.json"), """
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}],
                 "account": {"cash": 6000, "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000,
                                                          "rules": {"type": "flat", "rate": 0.05}}]},
                 "horizonDays": 2, "stepsPerDay": 4, "paths": 2000, "seed": 5, "engine": "scalar"}
                """);
        Map<String, String> logCache = Map.of("JAVA_TOOL_OPTIONS", "-Xlog:aot=info");

        String trained = run(logCache, 0, "simulate", spec.toString(), "--format", "json");
        assertThat(trained.lines().filter(l -> l.startsWith(TRAINING))).hasSize(1);
        assertThat(trained).contains("Opened AOT cache");
        List<String> caches = targetFiles();
        assertThat(caches).singleElement().asString().matches("margin-sim-\\d+\\.aot");

        String withoutCache = run(Map.of("MARGIN_SIM_AOT", "off"), 0, "simulate", spec.toString(), "--format", "json");
        String withCache = run(Map.of(), 0, "simulate", spec.toString(), "--format", "json");
        assertThat(withCache).doesNotContain(TRAINING);
        assertThat(report(withCache)).contains("\"breachProbability\"").isEqualTo(report(withoutCache));

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(120)));
        assertThat(run(Map.of(), 0, "simulate", spec.toString())).contains(TRAINING);
        assertThat(targetFiles()).singleElement().isNotEqualTo(caches.getFirst());
    }

    /** The JSON report without the lines that differ between runs of the same spec (timings). */
    private static String report(String output) {
        return output.lines().filter(l -> l.startsWith(" ") || l.startsWith("{") || l.startsWith("}"))
                .filter(l -> !l.contains("\"elapsed") && !l.contains("Seconds\"") && !l.contains("PerSecond"))
                .collect(Collectors.joining("\n"));
    }

    /** Standard output and error of the launcher, which fails here (the jar is not one) after its cache step. */
    private String launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(env, 1, args);
    }

    /** Standard output and error of the launcher, whose exit code must be {@code 0} or, if {@code 1}, not 0. */
    private String run(Map<String, String> env, int exit, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("bash", home.resolve("margin-sim")
                .toString()), Stream.of(args)).toList()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (exit == 0) {
            assertThat(code).as(output).isZero();
        } else {
            assertThat(code).as(output).isNotZero();
        }
        return output;
    }

    /** What the launcher left in target/ besides the jar. */
    private List<String> targetFiles() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("target"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("margin-sim.jar")).sorted()
                    .toList();
        }
    }
}
