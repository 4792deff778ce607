package io.marginsim.analysis;

import io.marginsim.spec.SpecException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The exclusive right of one sweep run to a prefix: an operating-system lock on {@code PREFIX.lock}, held while the
 * run appends to its journal. The OS drops the lock when the process dies, so a lock file left by a killed run does
 * not block the next one. The file is deleted when the lock is released, and a run that locked a file deleted in the
 * meantime notices (the token it wrote is not in the file at the path) and tries again.
 */
final class SweepLock implements Closeable {
    /** Deletion races are rare and each retry finds a newer file; a bound keeps a pathological case from spinning. */
    private static final int ATTEMPTS = 100;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or refuses, naming the prefix, when another run (in any process) holds it. */
    static SweepLock acquire(Path file, Path prefix) throws IOException {
        String token = ProcessHandle.current().pid() + " " + UUID.randomUUID() + "\n";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    String holder = read(file);
                    String pid = holder == null ? "" : holder.strip().split(" ")[0];
                    throw new SpecException("--out", "\"" + prefix + "\" is in use by another running sweep"
                            + (pid.isEmpty() ? "" : " (process " + pid + ")") + ", which holds "
                            + file + "; wait for it to finish or choose another --out");
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
                if (token.equals(read(file))) {
                    return new SweepLock(file, channel, lock);
                }
                lock.release();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            channel.close();
        }
        throw new IOException("could not lock " + file + ": it was replaced " + ATTEMPTS + " times while locking it");
    }

    /** Null when another holder of this JVM or another process has the file locked. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Deletes the file while still holding the lock, so no run can lock it after it is released and keep it. */
    @Override
    public void close() throws IOException {
        try (channel) {
            Files.deleteIfExists(file);
            lock.release();
        }
    }
}
