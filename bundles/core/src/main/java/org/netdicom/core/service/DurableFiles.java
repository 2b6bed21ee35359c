package org.netdicom.core.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.netdicom.core.dimse.ReceivedDataSet;

/**
 * Puts files in place so that a crash leaves either the old state or the complete new file: write
 * (or link) under a temporary name in the target's directory, force the bytes to disk, rename
 * atomically, then force the directory entry.
 */
final class DurableFiles {

    /** Writes the content of a file at once. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Temporary files are hidden and end in {@code .part}, as the storage plugin's: its
     * reconciliation deletes those a crash left in the storage folders.
     */
    private static final String TEMPORARY_SUFFIX = ".part";

    private DurableFiles() {
    }

    /** Writes {@code content} to {@code target} durably and atomically. */
    static void write(Path target, Content content) throws IOException {
        Path dir = directoryOf(target);
        Path temp = Files.createTempFile(dir, ".netdicom-", TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                BufferedOutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                content.writeTo(out);
                out.flush();
                channel.force(false); // fdatasync: the bytes and the size; a new file's entry is forced below
            }
            rename(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Makes the spooled file of {@code data} appear at {@code target}, forced to disk: by renaming
     * it when both are in one file system (the data set is then read from {@code target}); if it
     * was moved already, by a hard link; else by a copy.
     */
    static void place(ReceivedDataSet data, Path target) throws IOException {
        data.force();
        if (moveInto(data, target)) {
            forceDirectory(target.toAbsolutePath().getParent());
            return;
        }
        Path dir = directoryOf(target);
        Path source = data.file();
        Path temp = dir.resolve(".netdicom-" + Long.toHexString(System.nanoTime()) + "-"
                + Thread.currentThread().getId() + TEMPORARY_SUFFIX);
        try {
            try {
                Files.createLink(temp, source);
            } catch (UnsupportedOperationException | FileSystemException e) {
                write(target, out -> Files.copy(source, out));
                return;
            }
            rename(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Renames the spool file to {@code target}; its directory is made, and so looked for, only when
     * the rename finds it missing: one system call less for every instance stored.
     */
    private static boolean moveInto(ReceivedDataSet data, Path target) throws IOException {
        try {
            return data.moveTo(target);
        } catch (NoSuchFileException e) {
            directoryOf(target);
            return data.moveTo(target);
        }
    }

    /**
     * The folder of {@code target}, made if missing with every missing folder above it. Each folder
     * made is an entry of its parent and is forced like a file's: a file stored in a folder that a
     * crash loses is lost with it.
     */
    private static Path directoryOf(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(dir)) { // createDirectories throws and catches an exception when it exists
            return dir;
        }
        Path existing = dir.getParent();
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(dir);
        for (Path made = dir; made != null && !made.equals(existing); made = made.getParent()) {
            forceDirectory(made.getParent());
        }
        return dir;
    }

    private static void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Forces a directory's entries to disk. Where a directory cannot be opened (Windows) there is
     * nothing to force and the rename is still atomic; where it can, a failure to force is an error:
     * the file could vanish in a crash, so it must not be reported stored.
     */
    private static void forceDirectory(Path dir) throws IOException {
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
