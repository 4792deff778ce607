package io.marginsim.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The contract every command keeps with hostile input ({@link HostileInputs}): exit 0, 2 (bad input) or 3 (engine
 * unavailable), never a crash; on 2 and 3 exactly one line on standard error and no stack trace; no NaN or
 * Infinity printed or written; a failed run leaves every file as it was; no run hangs.
 */
class HostileInputTest extends CommandTestSupport {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern LOG_HEADER = Pattern.compile("^[A-Z][a-z]{2} \\d{2}, \\d{4} .* io\\.marginsim\\.");

    @Test
    void generatesEnoughInputs() {
        assertThat(HostileInputs.all()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(HostileInputs.all().stream().map(c -> c.args().getFirst()).distinct())
                .contains("simulate", "liq-price", "buffer", "sweep", "calibrate", "backtest", "bench", "presets", "devices");
    }

    @TestFactory
    Stream<DynamicTest> everyCommandKeepsTheContract() {
        return HostileInputs.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(HostileInputs.Case c) throws IOException {
        Path caseDir = Files.createTempDirectory(dir, "case");
        for (var file : c.files().entrySet()) {
            Path target = caseDir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Map<String, String> before = snapshot(caseDir);
        String[] args = c.args().stream().map(a -> a.replace("{dir}", caseDir.toString())).toArray(String[]::new);
        out.reset();
        err.reset();
        int exit = assertTimeoutPreemptively(LIMIT, () -> run(args), () -> "hung: " + c);
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        String said = c + ": exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;

        assertThat(exit).as(said).isIn(0, 2, 3);
        // an error may quote the user's own "NaN"; what the tool computes and prints may not contain one
        assertThat(exit == 0 ? stdout + stderr : stdout).as(said).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(stderr).as(said).doesNotContain("\tat ").doesNotContain("Exception");
        Map<String, String> after = snapshot(caseDir);
        for (var file : after.entrySet()) {
            if (file.getValue().equals(before.get(file.getKey()))) {
                continue;
            }
            assertThat(file.getValue()).as("%s written by %s", file.getKey(), said).doesNotContain("NaN", "Infinity");
        }
        if (exit != 0) {
            assertThat(messages(stderr)).as(said).hasSize(1);
            assertThat(after).as("files after a failed run\n" + said).isEqualTo(before);
        } else {
            assertThat(after).as("input files after the run\n" + said).containsAllEntriesOf(before);
        }
    }

    /** Standard error without the engine log's records (a header line and a "LEVEL: message" line each). */
    private static List<String> messages(String stderr) {
        return stderr.lines()
                .filter(line -> !line.isBlank())
                .filter(line -> !LOG_HEADER.matcher(line).find() && !line.startsWith("INFO: "))
                .toList();
    }

    /** Every regular file under the folder with a digest of its bytes, and for text files the text itself. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    byte[] bytes = Files.readAllBytes(p);
                    String name = root.relativize(p).toString();
                    files.put(name, name.endsWith(".png") ? digest(bytes) : new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
