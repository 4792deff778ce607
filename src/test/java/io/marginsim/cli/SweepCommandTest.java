package io.marginsim.cli;

import io.marginsim.engine.opencl.OpenClTestEngines;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep command's refusals: each is one sentence on standard error, exit code 2 or 3, and leaves the disk as it was. */
class SweepCommandTest extends CommandTestSupport {
    private static final String SPEC = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}],
             "account": {"cash": 6000, "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000,
                         "venue": "binance-usdm", "symbol": "BTCUSDT"}]},
             "monitoring": "discrete", "horizonDays": 2, "stepsPerDay": 6, "paths": 300, "seed": 5, "engine": "scalar"}""";
    private static final String CASH_AXIS = """
            {"base": "spec.json", "axes": [{"path": "account.cash", "values": [3000, 6000]}]}""";

    private Path sweep(String json) throws IOException {
        Files.writeString(dir.resolve("spec.json"), SPEC);
        Path file = dir.resolve("sweep.json");
        Files.writeString(file, json);
        return file;
    }

    /** Every file under the test folder with its content, to show that a refused run changed nothing. */
    private Map<Path, String> disk() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                files.put(p, Files.isRegularFile(p) ? Files.readString(p) : "(folder)");
            }
        }
        return files;
    }

    /**
     * Runs a sweep that must be refused: exit code, one error line naming the problem (progress lines may come
     * before it), nothing changed on disk.
     */
    private String refused(int exitCode, String... args) throws IOException {
        Map<Path, String> before = disk();
        err.reset();
        assertThat(run(args)).as(stderr()).isEqualTo(exitCode);
        List<String> errors = stderr().lines().filter(line -> !line.startsWith("sweep: ")).toList();
        assertThat(errors).hasSize(1);
        assertThat(disk()).isEqualTo(before);
        return errors.getFirst();
    }

    @Test
    void resumeRefusesAJournalComputedWithOtherSettingsAndNamesTheSetting() throws Exception {
        String sweep = sweep(CASH_AXIS).toString();
        String prefix = dir.resolve("grid").toString();
        assertThat(run("sweep", sweep, "--paths", "200", "--out", prefix)).isZero();
        String journal = dir.resolve("grid.jsonl").toString();

        assertThat(refused(2, "sweep", sweep, "--paths", "300", "--out", prefix, "--resume")).isEqualTo("error: sweep "
                + "journal " + journal + " was written with --paths 200 but this run has --paths 300; a resumed sweep "
                + "must keep every setting that changes its results, so resume with --paths 200 or choose another --out");
        assertThat(refused(2, "sweep", sweep, "--paths", "200", "--seed", "6", "--out", prefix, "--resume"))
                .contains("was written with --seed 5 but this run has --seed 6");
        assertThat(refused(2, "sweep", sweep, "--paths", "200", "--engine", "vector", "--out", prefix, "--resume"))
                .contains("was written with --engine scalar but this run has --engine vector");
        assertThat(refused(2, "sweep", sweep, "--paths", "200", "--precision", "double", "--out", prefix, "--resume"))
                .contains("was written with --precision float but this run has --precision double");
        assertThat(refused(2, "sweep", sweep, "--paths", "200", "--device", "0", "--out", prefix, "--resume"))
                .contains("was written with no --device but this run has --device 0");

        // the thread count does not change results, and a setting equal to the spec's is the same setting
        err.reset();
        assertThat(run("sweep", sweep, "--paths", "200", "--seed", "5", "--threads", "1", "--out", prefix,
                "--resume")).isZero();
        assertThat(stderr()).contains("(2 cells: 0 computed now, 2 from the journal)");
    }

    @Test
    void anOverrideOfAKeyThatAnAxisSetsIsRefused() throws Exception {
        String sweep = sweep("""
                {"base": "spec.json", "axes": [{"path": "seed", "values": [1, 2]},
                                               {"path": "paths", "values": [200, 300]}]}""").toString();
        String prefix = dir.resolve("grid").toString();
        assertThat(refused(2, "sweep", sweep, "--seed", "99", "--out", prefix)).isEqualTo("error: --seed 99 cannot be "
                + "given because axes[0] sweeps seed, and every cell would then run with 99; drop --seed or that axis");
        assertThat(refused(2, "sweep", sweep, "--paths", "100", "--out", prefix))
                .startsWith("error: --paths 100 cannot be given because axes[1] sweeps paths");
        Files.writeString(dir.resolve("sweep.json"), """
                {"base": "spec.json", "axes": [{"path": "engine", "values": ["scalar", "vector"]}]}""");
        assertThat(refused(2, "sweep", sweep, "--engine", "scalar", "--out", prefix))
                .startsWith("error: --engine scalar cannot be given because axes[0] sweeps engine");
    }

    @Test
    void aSecondRunIsRefusedWhileAnotherHoldsThePrefixAndAStaleLockFileDoesNotBlock() throws Exception {
        String sweep = sweep(CASH_AXIS).toString();
        String prefix = dir.resolve("grid").toString();
        Path lockFile = dir.resolve("grid.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertThat(held.isValid()).isTrue();
            assertThat(refused(2, "sweep", sweep, "--out", prefix)).isEqualTo("error: --out \"" + prefix + "\" is in "
                    + "use by another running sweep, which holds " + lockFile
                    + "; wait for it to finish or choose another --out");
            assertThat(refused(2, "sweep", sweep, "--out", prefix, "--resume")).contains("is in use by another");
        }
        // the file of a run that died: no process holds its lock any more
        Files.writeString(lockFile, "12345 stale\n");
        assertThat(run("sweep", sweep, "--out", prefix)).isZero();
        assertThat(Files.readAllLines(dir.resolve("grid.jsonl"))).hasSize(2);
        assertThat(lockFile).doesNotExist();
    }

    @Test
    void aRunInAnotherProcessHoldsThePrefixUntilItIsKilled() throws Exception {
        Files.writeString(dir.resolve("spec.json"), SpecEdits.replace(SPEC, "\"paths\": 300", "\"paths\": 200000"));
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {"base": "spec.json", "axes": [{"path": "account.cash", "range": {"from": 100, "to": 8000, "step": 100}}]}""");
        Path lockFile = dir.resolve("grid.lock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), MarginSim.class.getName(), "sweep", sweep.toString(), "--out",
                dir.resolve("grid").toString(), "--threads", "1").redirectErrorStream(true)
                .redirectOutput(dir.resolve("other.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!(Files.exists(lockFile) && !Files.readString(lockFile).isBlank()) && other.isAlive()) {
                assertThat(System.nanoTime()).as("the other run takes its lock").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(other.isAlive()).as(Files.readString(dir.resolve("other.log"))).isTrue();
            assertThat(run("sweep", sweep.toString(), "--out", dir.resolve("grid").toString(), "--resume"))
                    .isEqualTo(2);
            assertThat(stderr().strip()).isEqualTo("error: --out \"" + dir.resolve("grid") + "\" is in use by "
                    + "another running sweep (process " + other.pid() + "), which holds " + lockFile
                    + "; wait for it to finish or choose another --out");
        } finally {
            other.destroyForcibly().waitFor();
        }
        // killed, it left its lock file and journal, but its lock died with it: the next run gets past the lock
        // to the journal check (and takes the lock file away with it)
        assertThat(lockFile).exists();
        err.reset();
        assertThat(run("sweep", sweep.toString(), "--out", dir.resolve("grid").toString())).isEqualTo(2);
        assertThat(stderr()).startsWith("error: --out would overwrite the sweep journal");
        assertThat(lockFile).doesNotExist();
    }

    @Test
    void repeatedOrOverlappingAxisPathsAndRepeatedOrEmptyTargetsAreRefused() throws Exception {
        String sweep = sweep("""
                {"base": "spec.json", "axes": [{"path": "account.cash", "values": [3000]},
                                               {"path": "account.cash", "values": [6000]}]}""").toString();
        String prefix = dir.resolve("grid").toString();
        assertThat(refused(2, "sweep", sweep, "--out", prefix)).isEqualTo("error: axes[1].path \"account.cash\" repeats "
                + "axes[0].path \"account.cash\"; an axis path may be set by one axis only, or one axis's values would "
                + "overwrite the other's");
        Files.writeString(dir.resolve("sweep.json"), """
                {"base": "spec.json", "axes": [{"path": "account.positions[0].size", "values": [1]},
                                               {"path": "account.positions[0]", "values": [{}]}]}""");
        assertThat(refused(2, "sweep", sweep, "--out", prefix))
                .startsWith("error: axes[1].path \"account.positions[0]\" contains axes[0].path");
        Files.writeString(dir.resolve("sweep.json"), """
                {"base": "spec.json", "axes": [{"path": "account.cash", "values": [3000]}], "targets": [0.01, 0.05, 0.01]}""");
        assertThat(refused(2, "sweep", sweep, "--out", prefix)).isEqualTo("error: targets[2] repeats targets[0] = 0.01; "
                + "each target names one buffer column");
        Files.writeString(dir.resolve("sweep.json"), """
                {"base": "spec.json", "axes": [{"path": "account.cash", "values": [3000]}], "targets": []}""");
        assertThat(refused(2, "sweep", sweep, "--out", prefix)).isEqualTo("error: targets must list at least one breach "
                + "probability but was empty; leave targets out for the default [0.01]");
    }

    @Test
    void anEngineThatCannotRunACellIsExitCodeThreeAndKeepsTheCellsThatFinished() throws Exception {
        // the vector engine computes in float only, so with --precision double the second cell cannot run while the
        // first (scalar) is still running beside it
        String sweep = sweep("""
                {"base": "spec.json", "axes": [{"path": "engine", "values": ["scalar", "vector"]}]}""").toString();
        String prefix = dir.resolve("grid").toString();
        assertThat(run("sweep", sweep, "--precision", "double", "--threads", "2", "--out", prefix)).isEqualTo(3);
        assertThat(stderr().lines().filter(line -> line.startsWith("error")))
                .containsExactly("error: The vector engine computes in float precision only; the scalar engine runs "
                        + "in double precision.");
        assertThat(Files.readAllLines(dir.resolve("grid.jsonl"))).hasSize(1).first().asString().contains("\"cell\":0");
        assertThat(Files.readAllLines(dir.resolve("grid.csv"))).hasSize(2);
        assertThat(dir.resolve("grid.lock")).doesNotExist();
    }

    @Test
    void aCellTheOpenClEngineCannotRunIsExitCodeThreeInOneSentenceNamingTheCell() throws Exception {
        OpenClTestEngines.assumePlatform();
        // five-minute steps: a week-long funding interval needs more past prices than the kernel keeps, 8 hours does not
        Files.writeString(dir.resolve("spec.json"), SpecEdits.replace(SpecEdits.replace(SPEC,
                "\"symbol\": \"BTCUSDT\"", "\"symbol\": \"BTCUSDT\", "
                + "\"funding\": {\"fundingRatePerInterval\": 0.0001, \"fundingIntervalHours\": 8, "
                + "\"premium\": {\"basisSensitivity\": 0.5}}"), "\"stepsPerDay\": 6", "\"stepsPerDay\": 288"));
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {"base": "spec.json",
                 "axes": [{"path": "account.positions[0].funding.fundingIntervalHours", "values": [8, 168]}]}""");
        String prefix = dir.resolve("grid").toString();
        assertThat(run("sweep", sweep.toString(), "--engine", "opencl", "--threads", "2", "--out", prefix)).isEqualTo(3);
        assertThat(stderr().lines().filter(line -> line.startsWith("error"))).singleElement().asString()
                .startsWith("error: cell 1 (account.positions[0].funding.fundingIntervalHours = 168) cannot run: the "
                        + "opencl engine does not implement premium-linked funding over 2016 steps")
                .endsWith("; run with --engine scalar or --engine auto.");
        assertThat(Files.readAllLines(dir.resolve("grid.jsonl"))).hasSize(1).first().asString().contains("\"cell\":0");
    }

    @Test
    void aSweepThatFailsAtStartLeavesNothingBehindAndARerunIsNotBlocked() throws Exception {
        String sweep = sweep(CASH_AXIS).toString();
        String prefix = dir.resolve("out/deeper/grid").toString();
        assertThat(refused(3, "sweep", sweep, "--engine", "vector", "--precision", "double", "--out", prefix))
                .isEqualTo("error: The vector engine computes in float precision only; the scalar engine runs in "
                        + "double precision.");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(run("sweep", sweep, "--out", prefix)).isZero();
        assertThat(Files.readAllLines(Path.of(prefix + ".csv"))).hasSize(3);
    }

    @Test
    void outputNamesThatWouldMisplaceOrReplaceFilesAreRefusedBeforeAnythingRuns() throws Exception {
        String sweep = sweep(CASH_AXIS).toString();
        assertThat(refused(2, "sweep", sweep, "--out", "")).isEqualTo("error: --out must be a file prefix such as "
                + "results/grid (the sweep writes PREFIX.csv and PREFIX.jsonl) but was \"\"");
        Files.createDirectory(dir.resolve("results"));
        assertThat(refused(2, "sweep", sweep, "--out", dir.resolve("results").toString()))
                .isEqualTo("error: --out must be a file prefix, not a folder, but \"" + dir.resolve("results")
                        + "\" is a folder; give a prefix inside it such as " + dir.resolve("results/grid"));
        assertThat(refused(2, "sweep", sweep, "--out", dir.resolve("spec.json/grid").toString()))
                .isEqualTo("error: --out must lie in a folder but \"" + dir.resolve("spec.json/grid") + "\" lies under "
                        + dir.resolve("spec.json") + ", which is a file");
        // a base spec whose name ends like an output: the prefix "base" would replace it
        Files.writeString(dir.resolve("base.jsonl"), SPEC);
        Files.writeString(dir.resolve("sweep.json"), SpecEdits.replace(CASH_AXIS, "spec.json", "base.jsonl"));
        assertThat(refused(2, "sweep", sweep, "--out", dir.resolve("base").toString()))
                .isEqualTo("error: --out \"" + dir.resolve("base") + "\" would write " + dir.resolve("base.jsonl")
                        + ", which is the sweep's input " + dir.resolve("base.jsonl")
                        + "; outputs must not replace the sweep file, its base spec or a file the base spec reads");
        // a file the base spec reads (its scenarios file) is an input too
        Files.writeString(dir.resolve("crashes.jsonl"), "[]");
        Files.writeString(dir.resolve("base.jsonl"), SPEC.replaceFirst("\\{", "{\"scenarios\": \"crashes.jsonl\", "));
        assertThat(refused(2, "sweep", sweep, "--out", dir.resolve("crashes").toString()))
                .isEqualTo("error: --out \"" + dir.resolve("crashes") + "\" would write " + dir.resolve("crashes.jsonl")
                        + ", which is the sweep's input " + dir.resolve("crashes.jsonl")
                        + "; outputs must not replace the sweep file, its base spec or a file the base spec reads");
        String prefix = dir.resolve("grid").toString();
        assertThat(refused(2, "sweep", sweep, "--out", prefix, "--plot", prefix + ".csv"))
                .isEqualTo("error: --plot must not be one of the sweep's outputs but " + prefix + ".csv is the file "
                        + "--out gives as " + prefix + ".csv; choose another chart file");
        assertThat(refused(2, "sweep", sweep, "--out", prefix, "--plot", sweep))
                .startsWith("error: --plot would write " + sweep + ", which is the sweep's input " + sweep);
    }
}
