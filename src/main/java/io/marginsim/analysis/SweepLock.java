package io.marginsim.analysis;

import io.marginsim.check.SpecException;

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
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The exclusive right of one sweep run to a prefix: an operating-system lock on {@code PREFIX.lock}, held while the
 * run appends to its journal. The OS drops the lock when the process dies, so a lock file left by a killed run does
 * not block the next one. The file is deleted when the lock is released, and a run that locked a file deleted in the
 * meantime notices (the path no longer names the file it locked) and tries again.
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
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BasicFileAttributes before = attributes(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    throw new SpecException("--out", "\"" + prefix + "\" is in use by another running sweep"
                            + holder(file) + ", which holds " + file + "; wait for it to finish or choose another --out");
                }
                // The file locked is the one at the path if the path names the same file as before opening it: the
                // open channel keeps its inode from being reused. Compared by file key because opening the file
                // again to check it would release this lock (POSIX locks belong to the process, per file, and go
                // when any of its descriptors of the file is closed).
                BasicFileAttributes now = attributes(file);
                if (before != null && now != null && Objects.equals(before.fileKey(), now.fileKey())) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                            .getBytes(StandardCharsets.UTF_8)), 0);
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

    /** Null when there is no file; a file system without file keys gives null keys, and those compare equal. */
    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** " (process N)" from the holder's lock file, or nothing when it has not written it yet. */
    private static String holder(Path file) throws IOException {
        try {
            String pid = Files.readString(file, StandardCharsets.UTF_8).strip();
            return pid.isEmpty() ? "" : " (process " + pid + ")";
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    /** Null when another holder of this JVM or another process has the file locked. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
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
