package io.marginsim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's AOT cache when training fails: the command goes on without a cache, training says one line and is
 * not tried again for the same jar, and nothing is left behind. A jar that is not a jar makes training fail fast (and
 * the command after it, with the JVM's own message, which is not the launcher's to change).
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

    /** Standard output and error of the launcher, which fails here (the jar is not one) after its cache step. */
    private String launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("bash", home.resolve("margin-sim")
                .toString()), Stream.of(args)).toList()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isNotZero();
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
