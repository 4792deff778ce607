package io.marginsim.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marginsim.check.SpecException;
import io.marginsim.result.OutputFile;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.List;

/**
 * The sweep's journal and its CSV. The JSONL file is the record of finished cells: each line is written to the
 * file before the cell counts as done, so a crash or Ctrl-C of the process loses at most a torn last line, and
 * {@code --resume} skips every cell on a complete line. Lines are forced to the disk at most every
 * {@link #FORCE_INTERVAL_NANOS}: only a crash of the whole machine can lose the lines since, and those cells are
 * then computed again, never twice in the file. The CSV is rebuilt from the journal on resume, then both grow one
 * line per finished cell. Public so that other runners of a plan (the Spark module) journal exactly as {@link Sweep}
 * does; one thread appends at a time.
 */
public final class SweepJournal implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A disk flush costs milliseconds; small cells finish faster than that, so flushes are grouped. */
    static final long FORCE_INTERVAL_NANOS = 250_000_000L;

    private final SweepPlan plan;
    private final SweepSettings settings;
    private final FileChannel journal;
    private final BufferedWriter csv;
    private final BitSet finished;
    private final long resumed;
    private final SweepLock lock;
    /** The files and folders this run made, removed again at close if no cell was added to them. */
    private final Created created;
    private long appended;
    private long lastForce = System.nanoTime();

    private SweepJournal(SweepPlan plan, SweepSettings settings, FileChannel journal, BufferedWriter csv,
                         BitSet finished, SweepLock lock, Created created) {
        this.plan = plan;
        this.settings = settings;
        this.journal = journal;
        this.csv = csv;
        this.finished = finished;
        this.resumed = finished.cardinality();
        this.lock = lock;
        this.created = created;
    }

    /**
     * Checks the prefix ({@link SweepOutputs#checkPrefix}), takes the prefix's lock, and opens or creates the journal
     * and the CSV. The lock is held until {@link #close}, so a second run on the prefix is refused rather than
     * computing every cell again into the same files.
     *
     * @param settings the run settings the rows are computed with; a resumed journal must have been written with
     *                 the same
     */
    public static SweepJournal open(SweepPlan plan, SweepSettings settings, Path prefix, boolean resume)
            throws IOException {
        SweepOutputs.checkPrefix(plan, prefix);
        Path jsonl = Sweep.journalFile(prefix);
        Path csvFile = Sweep.csvFile(prefix);
        Created created = new Created(jsonl.toAbsolutePath().getParent());
        SweepLock lock = null;
        try {
            lock = SweepLock.acquire(SweepOutputs.lockFile(prefix), prefix);
            return open(plan, settings, jsonl, csvFile, resume, lock, created);
        } catch (IOException | RuntimeException e) {
            SweepLock held = lock;
            // closed in reverse: the lock (deleting its file), then the emptied folders
            try (Closeable _ = created::removeFolders; held) {
                created.removeFiles();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static SweepJournal open(SweepPlan plan, SweepSettings settings, Path jsonl, Path csvFile, boolean resume,
                                     SweepLock lock, Created created) throws IOException {
        boolean exists = Files.exists(jsonl);
        if (exists && !resume) {
            throw new SpecException("--out", "would overwrite the sweep journal " + jsonl
                    + "; pass --resume to continue it or choose another prefix");
        }
        BitSet finished = new BitSet();
        if (exists) {
            long valid = readFinished(plan, settings, jsonl, finished);
            try (FileChannel channel = FileChannel.open(jsonl, StandardOpenOption.WRITE)) {
                channel.truncate(valid);
            }
        } else {
            Files.write(jsonl, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            created.files(jsonl, csvFile);
        }
        rebuildCsv(plan, jsonl, csvFile);
        FileChannel journal = FileChannel.open(jsonl, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            BufferedWriter csv = Files.newBufferedWriter(csvFile, StandardOpenOption.APPEND);
            return new SweepJournal(plan, settings, journal, csv, finished, lock, created);
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    public boolean isFinished(long cell) {
        return finished.get((int) cell);
    }

    /** Cells found finished in the journal when it was opened. */
    public long resumed() {
        return resumed;
    }

    public void append(SweepRow row) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((row.toJson(plan, settings) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            journal.write(line);
        }
        long now = System.nanoTime();
        if (now - lastForce >= FORCE_INTERVAL_NANOS) {
            journal.force(false);
            lastForce = now;
        }
        finished.set((int) row.cell());
        appended++;
        csv.write(row.csvLine());
        csv.flush();
    }

    /**
     * Closes the files and releases the prefix. A journal this run created that holds no cell (the run failed before
     * its first cell finished) goes, with the CSV and any folder made for them, so a failed start leaves nothing
     * behind to block the next plain run.
     */
    @Override
    public void close() throws IOException {
        boolean unused = appended == 0;
        // the lock is released after the files are closed (and removed), so no other run sees them in between;
        // new folders can go only once the lock's file has gone from them
        try (Closeable _ = () -> removeFoldersIf(unused); lock) {
            try (journal; csv) {
                journal.force(false);
                // both closed, the journal even if closing the CSV fails
            } finally {
                if (unused) {
                    created.removeFiles();
                }
            }
        }
    }

    private void removeFoldersIf(boolean unused) throws IOException {
        if (unused) {
            created.removeFolders();
        }
    }

    /** What {@link #open} made on disk: the journal and CSV if it created the journal, and missing folders. */
    private static final class Created {
        private final Path dir;
        /** The outermost folder that did not exist, or null when {@code dir} did. */
        private final Path firstNewDir;
        private List<Path> files = List.of();

        Created(Path dir) throws IOException {
            Path missing = null;
            for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
                missing = d;
            }
            this.dir = dir;
            this.firstNewDir = missing;
            Files.createDirectories(dir);
        }

        void files(Path... made) {
            files = List.of(made);
        }

        void removeFiles() throws IOException {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }

        /** Deletes the new folders from the inside out while they are empty. */
        void removeFolders() throws IOException {
            if (firstNewDir == null) {
                return;
            }
            for (Path d = dir; d != null && d.startsWith(firstNewDir); d = d.getParent()) {
                try {
                    Files.deleteIfExists(d);
                } catch (DirectoryNotEmptyException e) {
                    return; // something else was put there meanwhile: it stays, and so do the folders above it
                }
            }
        }
    }

    /** Marks the cells on complete lines and returns the byte length of those lines. */
    private static long readFinished(SweepPlan plan, SweepSettings settings, Path jsonl, BitSet finished)
            throws IOException {
        boolean endsWithNewline;
        try (RandomAccessFile file = new RandomAccessFile(jsonl.toFile(), "r")) {
            endsWithNewline = file.length() == 0 || lastByte(file) == '\n';
        }
        long valid = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(jsonl)) {
            String line;
            String pending = null;
            while ((line = reader.readLine()) != null) {
                if (pending != null) {
                    valid += accept(plan, settings, jsonl, pending, lineNumber, finished);
                }
                pending = line;
                lineNumber++;
            }
            // A last line without its newline was torn by a crash mid-write: drop it, the cell runs again.
            if (pending != null && endsWithNewline) {
                valid += accept(plan, settings, jsonl, pending, lineNumber, finished);
            }
        }
        return valid;
    }

    private static long accept(SweepPlan plan, SweepSettings settings, Path jsonl, String line, int lineNumber,
                               BitSet finished) {
        JsonNode row;
        try {
            row = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new SpecException("sweep journal " + jsonl, "is not valid JSON at line " + lineNumber
                    + "; it was not written by margin-sim sweep or was edited");
        }
        String fingerprint = row.path("sweep").asText();
        if (!fingerprint.equals(plan.fingerprint())) {
            throw new SpecException("sweep journal " + jsonl, "belongs to another sweep (fingerprint " + fingerprint
                    + " at line " + lineNumber + ", this sweep " + plan.fingerprint() + "); choose another --out");
        }
        String changed = settings.mismatch(row.get("run"));
        if (changed != null) {
            throw new SpecException("sweep journal " + jsonl, changed);
        }
        long cell = row.path("cell").asLong(-1);
        if (cell < 0 || cell >= plan.cells()) {
            throw new SpecException("sweep journal " + jsonl, "names cell " + cell + " at line " + lineNumber
                    + " but the sweep has cells 0 to " + (plan.cells() - 1));
        }
        finished.set((int) cell);
        return line.getBytes(StandardCharsets.UTF_8).length + 1;
    }

    /** Writes the CSV header and one line per journal row, to a temporary file moved into place. */
    private static void rebuildCsv(SweepPlan plan, Path jsonl, Path csvFile) throws IOException {
        OutputFile.write(csvFile, temp -> {
            try (BufferedWriter out = Files.newBufferedWriter(temp)) {
                out.write(SweepRow.csvHeader(plan));
                forEachRow(plan, jsonl, row -> out.write(row.csvLine()));
            }
        });
    }

    /** What to do with each row of a journal. */
    @FunctionalInterface
    interface RowAction {
        void accept(SweepRow row) throws IOException;
    }

    /** Streams the rows of a journal whose lines have been checked, one at a time. */
    static void forEachRow(SweepPlan plan, Path jsonl, RowAction action) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(jsonl)) {
            String line;
            while ((line = in.readLine()) != null) {
                action.accept(SweepRow.fromJson(JSON.readTree(line), plan));
            }
        }
    }

    private static int lastByte(RandomAccessFile file) throws IOException {
        file.seek(file.length() - 1);
        return file.read();
    }
}
