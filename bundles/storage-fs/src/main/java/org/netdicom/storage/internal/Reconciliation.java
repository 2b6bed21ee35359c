package org.netdicom.storage.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.io.DicomFile;
import org.netdicom.index.IndexException;
import org.netdicom.index.InstanceIndex;
import org.netdicom.index.StoredInstance;
import org.netdicom.storage.ReconciliationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index and the files below the storage root back in line after a crash, a failed
 * index or files copied in by hand:
 * <ol>
 * <li>temporary files of an interrupted store ({@link DurableFiles#isTemporary}) not being written
 *     now (by this process; by others: not modified within the grace period) are deleted;</li>
 * <li>a Part 10 file whose SOP Instance UID has no row, or whose row names a file that is gone, is
 *     indexed from its File Meta Information and attributes (Pixel Data is not read); a file of an
 *     instance indexed at another existing file is left alone; a file newer than its row (replaced
 *     in place by a store that stopped before its row) is indexed again;</li>
 * <li>rows whose file is gone are removed.</li>
 * </ol>
 * A file at a path the index names is taken as that row's without being read, so checking a
 * consistent archive costs one pass over the index and one over the folders.
 * Each instance is handled under the same claim the store takes ({@link InstanceClaims}), so it
 * runs safely while instances arrive. Files that are not DICOM are logged and never deleted. Hidden files and folders (a spool
 * directory {@code .incoming} on the storage volume) are not ours and are skipped.
 */
public final class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    /**
     * The engine's own temporary files ({@code CStoreEvent.storePart10} of a data set kept in
     * memory, or a copy across volumes) are not in the store's in-flight set: one written to since
     * this JVM started may belong to a store still running, and is left to the next start.
     */
    private static final String ENGINE_TEMPORARY_PREFIX = ".netdicom-";
    private static final Instant JVM_START = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    /**
     * A row is written after its file: one older than its file by more than this describes an
     * earlier copy. Generous, since a shared file system stamps files with its server's clock and
     * the row has the node's: a skew must not make every file look newer than its row.
     */
    private static final Duration NEWER_SLACK = Duration.ofSeconds(60);
    /** An index of at least this many rows whose files are all missing is taken for an unmounted volume. */
    public static final int ALL_MISSING_MINIMUM = 20;

    private final Path root;
    private final InstanceIndex index;
    private final DurableFiles files;
    private final InstanceClaims claims;
    private final Duration tempFileGrace;
    /** 64-bit hashes of the paths the index names, sorted: files there are not read again. */
    private long[] indexedPaths = new long[0];
    /** Paths of rows older than their file (by more than {@link #NEWER_SLACK}) when the index was read. */
    private final List<String> rowsOlderThanFile = new ArrayList<>();
    /** SOP Instance UIDs of rows whose file was missing when the index was read. */
    private final List<String> rowsWithoutFile = new ArrayList<>();
    /** Rows in the index when it was read. */
    private long rows;
    private long seen;
    private long indexed;
    private long removed;
    private long tempDeleted;
    private long duplicates;
    private long unreadable;
    private long failures;

    /**
     * @param tempFileGrace a temporary file this process is not writing is deleted once it is this
     *                      old: zero for a root of its own; longer than the longest store when other
     *                      nodes write below the same root
     */
    public Reconciliation(Path root, InstanceIndex index, DurableFiles files, InstanceClaims claims,
            Duration tempFileGrace) {
        this.root = root;
        this.tempFileGrace = tempFileGrace;
        this.index = index;
        this.files = files;
        this.claims = claims;
    }

    /** Runs once over the whole root. */
    public ReconciliationReport run() throws IOException {
        long start = System.nanoTime();
        readIndex();
        if (Files.isDirectory(root)) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    // the store never makes hidden folders: one is someone else's, e.g. a spool directory
                    boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (Thread.currentThread().isInterrupted()) {
                        return FileVisitResult.TERMINATE; // the component is going away
                    }
                    if (attributes.isRegularFile()) {
                        visit(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    LOG.warn("reconciliation: cannot read {}: {}", file, e.toString());
                    failures++;
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        for (String relative : rowsOlderThanFile) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            reindex(root.resolve(relative), relative, true);
        }
        if (!Thread.currentThread().isInterrupted() && storageIsThere()) {
            removeRowsWithoutFiles();
        }
        return new ReconciliationReport(seen, indexed, removed, tempDeleted, duplicates, unreadable, failures,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private void visit(Path file) {
        String name = file.getFileName().toString();
        if (DurableFiles.isTemporary(name)) {
            if (!files.inFlight(file) && oldEnough(file)) {
                try {
                    files.delete(file);
                    tempDeleted++;
                } catch (IOException e) {
                    LOG.warn("reconciliation: temporary file {} not deleted: {}", file, e.toString());
                    failures++;
                }
            }
            return;
        }
        if (name.startsWith(".")) {
            return; // not ours (the store never makes hidden files)
        }
        String relative = relative(file);
        if (Arrays.binarySearch(indexedPaths, hash(relative)) >= 0) {
            seen++; // a row names this file: taken as that row's, without reading it (unless newer)
            return;
        }
        reindex(file, relative, false);
    }

    /**
     * Indexes {@code file} from its header: a file no row names ({@code refresh} false), or the
     * file of a row older than it ({@code refresh} true: a store that replaced the file in place
     * and stopped, or failed, before its row was written, so the row describes the earlier copy).
     */
    private void reindex(Path file, String relative, boolean refresh) {
        DicomFile dicom;
        try {
            dicom = InstanceAttributes.readFile(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("reconciliation: {} is not a readable DICOM file, left alone: {}", file, e.toString());
            unreadable++;
            return;
        }
        Dataset attributes = dicom.dataset();
        String uid = attributes.getString(Tag.SOP_INSTANCE_UID);
        if (!InstanceAttributes.hasArchiveUids(attributes)) {
            LOG.warn("reconciliation: {} lacks SOP Class, SOP Instance, Study or Series UID; not indexed", file);
            unreadable++;
            return;
        }
        if (!refresh) {
            seen++;
        }
        InstanceClaims.Claim claim = claim(uid);
        if (claim == null) {
            return;
        }
        try {
            Optional<StoredInstance> row = index.get(uid);
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            if (row.isPresent() && row.get().path().equals(relative)
                    && !(refresh && modified.isAfter(row.get().received().plus(NEWER_SLACK)))) {
                return;
            }
            if (refresh && row.isEmpty()) {
                return; // removed meanwhile, with its file or to be stored again
            }
            if (!refresh && row.isPresent() && Files.exists(root.resolve(row.get().path()))) {
                duplicates++;
                return;
            }
            index.put(new StoredInstance(attributes, relative, Files.size(file), dicom.transferSyntax().uid(), modified));
            indexed++;
        } catch (NoSuchFileException e) {
            // replaced or removed meanwhile
        } catch (IOException e) {
            LOG.warn("reconciliation: {} not indexed: {}", file, e.toString());
            failures++;
        } finally {
            claim.close();
        }
    }

    /** The instance, once no store or retry works on it; null if interrupted (the walk then stops). */
    private InstanceClaims.Claim claim(String uid) {
        try {
            return claims.claim(uid);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private boolean oldEnough(Path temp) {
        boolean engines = temp.getFileName().toString().startsWith(ENGINE_TEMPORARY_PREFIX);
        if (tempFileGrace.isZero() && !engines) {
            return true;
        }
        try {
            Instant modified = Files.getLastModifiedTime(temp).toInstant();
            if (engines && !modified.isBefore(JVM_START)) {
                return false;
            }
            return modified.plus(tempFileGrace).isBefore(Instant.now());
        } catch (IOException e) {
            return false; // gone meanwhile: renamed into place by its writer
        }
    }

    /**
     * Whether the rows whose files were not found may go: not when the root is no folder, or when
     * none of the files of an index of some size is there. A storage volume that is not mounted
     * (yet), or an empty mount point in its place, looks like that, and removing every row would
     * take the whole archive out of the index until a re-index.
     */
    private boolean storageIsThere() {
        if (rowsWithoutFile.isEmpty()) {
            return true;
        }
        if (!Files.isDirectory(root)) {
            LOG.warn("reconciliation: the storage root {} is not a folder; none of the {} rows whose file is"
                    + " missing is removed", root, rowsWithoutFile.size());
            failures++;
            return false;
        }
        if (rowsWithoutFile.size() == rows && rows >= ALL_MISSING_MINIMUM) {
            LOG.error("reconciliation: none of the {} files the index names is below {}: taken for a storage"
                    + " volume that is not mounted, and no row is removed (re-index once the files are there)",
                    rows, root);
            failures++;
            return false;
        }
        return true;
    }

    /**
     * One pass over the index: the paths it names (so that a consistent archive is checked without
     * opening its files) and the rows whose file is missing.
     */
    private void readIndex() throws IndexException {
        long[][] paths = {new long[1024]};
        int[] count = {0};
        index.forEach(row -> {
            if (count[0] == paths[0].length) {
                paths[0] = Arrays.copyOf(paths[0], count[0] * 2);
            }
            paths[0][count[0]++] = hash(row.path());
            try {
                Instant modified = Files.getLastModifiedTime(root.resolve(row.path())).toInstant();
                if (modified.isAfter(row.received().plus(NEWER_SLACK))) {
                    rowsOlderThanFile.add(row.path());
                }
            } catch (NoSuchFileException e) {
                rowsWithoutFile.add(row.sopInstanceUid()); // known to be absent
            } catch (IOException e) {
                // cannot be looked at (permissions, I/O): not missing
            }
        });
        rows = count[0];
        indexedPaths = Arrays.copyOf(paths[0], count[0]);
        Arrays.sort(indexedPaths);
    }

    /** FNV-1a, 64 bits: two different paths sharing a hash among an archive's is not to be expected. */
    private static long hash(String path) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < path.length(); i++) {
            h ^= path.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private void removeRowsWithoutFiles() {
        for (String uid : rowsWithoutFile) {
            InstanceClaims.Claim claim = claim(uid);
            if (claim == null) {
                return;
            }
            try {
                Optional<StoredInstance> row = index.get(uid); // again: a store may have moved it meanwhile
                if (row.isPresent() && Files.notExists(root.resolve(row.get().path())) && index.remove(uid)) {
                    removed++;
                }
            } catch (IndexException e) {
                LOG.warn("reconciliation: row of {} not removed: {}", uid, e.toString());
                failures++;
            } finally {
                claim.close();
            }
        }
    }

    private String relative(Path file) {
        Path rel = root.relativize(file.toAbsolutePath().normalize());
        StringBuilder path = new StringBuilder();
        for (Path name : rel) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(name);
        }
        return path.toString();
    }
}
