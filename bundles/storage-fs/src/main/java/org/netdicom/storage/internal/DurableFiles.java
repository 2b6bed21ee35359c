package org.netdicom.storage.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Puts a file in place so that a crash at any moment leaves either what was there before or the
 * complete new file, never part of one: the content goes to a temporary file in the target's own
 * folder ({@code .<name>.<random>.part}: hidden, same file system), is forced to disk, renamed
 * atomically over the target, and the folder's entry is forced too. A failure deletes the
 * temporary file. After a crash, only temporary files can be left; {@link #isTemporary} names them
 * for the reconciliation, and {@link #inFlight} tells which ones are still being written.
 */
public final class DurableFiles {

    /** Writes the whole content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String SUFFIX = ".part";

    private final boolean fsync;
    private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();

    /** @param fsync force data and folder entries to disk (off only for tests and scratch storage) */
    public DurableFiles(boolean fsync) {
        this.fsync = fsync;
    }

    /** Whether {@code fileName} is a temporary file of this class. */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(SUFFIX);
    }

    /** Whether {@code temp} is being written by this object now. */
    public boolean inFlight(Path temp) {
        return inFlight.contains(temp.toAbsolutePath().normalize());
    }

    /**
     * Writes {@code content} to {@code target} durably and atomically, replacing a file there.
     * On failure nothing is left of the new content and a file that was at {@code target} is untouched.
     */
    public void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + SUFFIX).normalize();
        inFlight.add(temp);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                content.writeTo(out);
                out.flush();
                if (fsync) {
                    // fdatasync: the bytes and what is needed to read them back (the size); the
                    // timestamps are not worth a second metadata write per instance
                    channel.force(false);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (fsync) {
                forceDirectory(dir);
            }
        } finally {
            try {
                Files.deleteIfExists(temp);
            } finally {
                inFlight.remove(temp);
            }
        }
    }

    /** Deletes {@code file} and forces its folder's entry, so that the deletion survives a crash. */
    public void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file) && fsync) {
            forceDirectory(file.toAbsolutePath().getParent());
        }
    }

    /**
     * Makes the folders up to {@code dir}; with fsync, forces the entry of each folder made: a new
     * folder is an entry of its parent, which must be on disk before a file in it is called stored.
     */
    private void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path existing = dir;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(dir);
        if (fsync) {
            for (Path made = dir; made != null && !made.equals(existing); made = made.getParent()) {
                forceDirectory(made.getParent());
            }
        }
    }

    /**
     * Forces a folder's entries to disk. Where a folder cannot be opened (Windows) there is nothing
     * to force and the rename is still atomic; where it can, a failure to force is an error: the file
     * could vanish in a crash, so it must not be reported stored.
     */
    static void forceDirectory(Path dir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }
}
