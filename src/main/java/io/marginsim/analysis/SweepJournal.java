package io.marginsim.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marginsim.result.OutputFile;
import io.marginsim.spec.SpecException;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

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
    private final FileChannel journal;
    private final BufferedWriter csv;
    private final BitSet finished;
    private final long resumed;
    private long lastForce = System.nanoTime();

    private SweepJournal(SweepPlan plan, FileChannel journal, BufferedWriter csv, BitSet finished) {
        this.plan = plan;
        this.journal = journal;
        this.csv = csv;
        this.finished = finished;
        this.resumed = finished.cardinality();
    }

    public static SweepJournal open(SweepPlan plan, Path jsonl, Path csvFile, boolean resume) throws IOException {
        boolean exists = Files.exists(jsonl);
        if (exists && !resume) {
            throw new SpecException("--out", "would overwrite the sweep journal " + jsonl
                    + "; pass --resume to continue it or choose another prefix");
        }
        BitSet finished = new BitSet();
        if (exists) {
            long valid = readFinished(plan, jsonl, finished);
            try (FileChannel channel = FileChannel.open(jsonl, StandardOpenOption.WRITE)) {
                channel.truncate(valid);
            }
        } else {
            Files.createDirectories(jsonl.toAbsolutePath().getParent());
            Files.write(jsonl, new byte[0]);
        }
        rebuildCsv(plan, jsonl, csvFile);
        FileChannel journal = FileChannel.open(jsonl, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        BufferedWriter csv = Files.newBufferedWriter(csvFile, StandardOpenOption.APPEND);
        return new SweepJournal(plan, journal, csv, finished);
    }

    public boolean isFinished(long cell) {
        return finished.get((int) cell);
    }

    /** Cells found finished in the journal when it was opened. */
    public long resumed() {
        return resumed;
    }

    public void append(SweepRow row) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((row.toJson(plan) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            journal.write(line);
        }
        long now = System.nanoTime();
        if (now - lastForce >= FORCE_INTERVAL_NANOS) {
            journal.force(false);
            lastForce = now;
        }
        finished.set((int) row.cell());
        csv.write(row.csvLine());
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        try (journal; csv) {
            journal.force(false);
            // both closed, the journal even if closing the CSV fails
        }
    }

    /** Marks the cells on complete lines and returns the byte length of those lines. */
    private static long readFinished(SweepPlan plan, Path jsonl, BitSet finished) throws IOException {
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
                    valid += accept(plan, jsonl, pending, lineNumber, finished);
                }
                pending = line;
                lineNumber++;
            }
            // A last line without its newline was torn by a crash mid-write: drop it, the cell runs again.
            if (pending != null && endsWithNewline) {
                valid += accept(plan, jsonl, pending, lineNumber, finished);
            }
        }
        return valid;
    }

    private static long accept(SweepPlan plan, Path jsonl, String line, int lineNumber, BitSet finished) {
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
