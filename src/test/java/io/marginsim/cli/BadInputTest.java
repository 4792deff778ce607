package io.marginsim.cli;

import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad command lines: one line on standard error, exit code 2 (3 where the engine cannot run here), nothing on
 * standard output and nothing changed on disk. Arguments name files of the temporary folder by their placeholders:
 * SPEC (a valid spec), CSV (a price history), DIR (a folder), FILE (a regular file), OUT (a file not yet there).
 */
class BadInputTest extends CommandTestSupport {
    private static final Pattern PLACEHOLDER = Pattern.compile("SPEC|CSV|DIR|FILE|OUT");
    private Map<String, String> files;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("spec.json"), CommandLineTest.SPEC);
        Files.copy(Path.of("examples/prices-synthetic.csv"), dir.resolve("prices.csv"));
        Files.createDirectory(dir.resolve("folder"));
        Files.writeString(dir.resolve("notes.txt"), "kept");
        files = Map.of("SPEC", "spec.json", "CSV", "prices.csv", "DIR", "folder", "FILE", "notes.txt", "OUT", "out.png");
    }

    /** Runs {@code line} (words split on spaces, placeholders replaced) and checks the rules of bad input. */
    private String refused(int exitCode, String line) throws Exception {
        Map<Path, String> before = snapshot();
        List<String> args = new ArrayList<>();
        for (String word : line.split(" ")) {
            args.add(resolve(word));
        }
        int code = run(args.toArray(String[]::new));
        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(line + " -> " + error).isEqualTo(exitCode);
        assertThat(error).as(line).startsWith("error: ").endsWith(System.lineSeparator());
        assertThat(error.strip()).as(line).doesNotContain("\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).as(line).isEmpty();
        assertThat(snapshot()).as(line).isEqualTo(before);
        return error.strip();
    }

    private String resolve(String word) {
        StringBuilder s = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(word);
        while (m.find()) {
            m.appendReplacement(s, Matcher.quoteReplacement(dir.resolve(files.get(m.group())).toString()));
        }
        return m.appendTail(s).toString();
    }

    /** Every path under the folder with the content of its regular files. */
    private Map<Path, String> snapshot() throws Exception {
        Map<Path, String> state = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                state.put(p, Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return state;
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate SPEC --colour", "simulate SPEC --paths abc", "simulate",
            "simulate SPEC --engine gpu", "bench --repeat", "sweep", "simulate SPEC --format", "nosuchcommand"})
    void commandLineSyntaxIsOneLine(String line) throws Exception {
        assertThat(refused(2, line)).contains("--help");
    }

    @Test
    void syntaxErrorsNameTheOptionAndTheValue() throws Exception {
        assertThat(refused(2, "simulate SPEC --paths abc")).contains("--paths").contains("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate SPEC --device -1", "buffer SPEC --device -1", "bench --device -1 --engines scalar",
            "simulate SPEC --engine auto --device -2"})
    void aNegativeDeviceIsRefused(String line) throws Exception {
        assertThat(refused(2, line)).contains("--device").contains("-").contains(">= 0");
    }

    @Test
    void autoWithADeviceThatIsNotThereSaysHowManyThereAre() throws Exception {
        String error = refused(3, "simulate SPEC --engine auto --device 99");
        assertThat(error).startsWith("error: --device 99 ").containsPattern("(has \\d+ OpenCL device|none is present)");
    }

    @Test
    void richardsonNeedsEvenStepsAModelWithoutPerStepParametersAndNoScenarios() throws Exception {
        String spec = CommandLineTest.SPEC;
        Files.writeString(dir.resolve("spec.json"), edited(spec, "\"stepsPerDay\": 6", "\"stepsPerDay\": 3"));
        assertThat(refused(2, "simulate SPEC --richardson")).isEqualTo("error: --richardson halves stepsPerDay, so it "
                + "needs an even stepsPerDay, but the spec has 3");
        err.reset();
        Files.writeString(dir.resolve("spec.json"), edited(spec, "\"volatility\": 0.6",
                "\"volatility\": 0.6, \"garch\": {\"alpha\": 0.1, \"beta\": 0.8}"));
        assertThat(refused(2, "simulate SPEC --richardson")).isEqualTo("error: --richardson halves the steps, but "
                + "GARCH volatility has parameters per step, so half the steps would be another model; run without it");
        err.reset();
        Files.writeString(dir.resolve("spec.json"), edited(spec, "\"seed\": 5",
                "\"seed\": 5, \"scenarios\": [{\"name\": \"crash\", \"stress\": {\"shock\": [-0.1]}}]"));
        assertThat(refused(2, "simulate SPEC --richardson")).startsWith("error: --richardson checks the time step of "
                + "one run, so it needs a spec without scenarios");
    }

    private static String edited(String text, String from, String to) {
        return SpecEdits.replace(text, from, to);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate SPEC --engine vector --device 0", "buffer SPEC --engine scalar --device 0"})
    void aDeviceForAnEngineOnTheCpuIsRefusedNotIgnored(String line) throws Exception {
        assertThat(refused(2, line)).startsWith("error: --device 0 names an OpenCL device, but the ")
                .contains("engine runs on the CPU and would ignore it");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "simulate SPEC --out DIR", "simulate SPEC --out FILE/report.json", "simulate SPEC --out SPEC",
            "simulate SPEC --out DIR/../spec.json", "simulate SPEC --plot DIR", "simulate SPEC --plot SPEC",
            "simulate SPEC --plot-loss FILE/a/b.png", "simulate SPEC --out OUT --plot OUT",
            "simulate SPEC --plot OUT --plot-loss OUT", "buffer SPEC --out DIR", "buffer SPEC --out SPEC",
            "calibrate CSV --out CSV", "calibrate CSV --out DIR", "calibrate CSV --out FILE/fragment.json"})
    void outputTargetsAreCheckedBeforeTheRun(String line) throws Exception {
        assertThat(refused(2, line)).containsPattern("error: --(out|plot|plot-loss) ");
    }

    @Test
    void outputTargetRefusalsSayWhy() throws Exception {
        assertThat(refused(2, "simulate SPEC --out SPEC")).contains("input");
        err.reset();
        assertThat(refused(2, "simulate SPEC --out DIR")).contains("directory");
        err.reset();
        assertThat(refused(2, "simulate SPEC --out FILE/report.json")).contains("not a directory");
        err.reset();
        assertThat(refused(2, "simulate SPEC --out OUT --plot OUT")).contains("--out").contains("--plot");
    }
}
