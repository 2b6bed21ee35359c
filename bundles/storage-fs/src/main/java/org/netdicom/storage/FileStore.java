package org.netdicom.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipException;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CStoreEvent;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.io.DicomFormatException;
import org.netdicom.index.IndexException;
import org.netdicom.index.InstanceIndex;
import org.netdicom.index.StoredInstance;
import org.netdicom.storage.internal.DurableFiles;
import org.netdicom.storage.internal.InstanceAttributes;
import org.netdicom.storage.internal.Part10Content;
import org.netdicom.storage.internal.PathPattern;
import org.netdicom.storage.internal.Reconciliation;
import org.netdicom.storage.internal.InstanceClaims;
import org.netdicom.storage.internal.UidLocks;
import org.netdicom.storage.internal.UnindexedInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's C-STORE handler: each instance becomes a Part 10 file below the storage root, at
 * the path the pattern gives, written durably (temporary file, fsync, atomic rename, folder fsync;
 * or, when it is kept in the syntax it came in, the engine's spool file, which already is that
 * Part 10 file, forced and renamed into place), then a row of the {@link InstanceIndex}. Success
 * is answered only once the file is durable. A new instance's row is written right after the
 * response, on the association's thread, so before the association reads its next message (a
 * store of the same instance from another association waits for it): once the peer has released an association, everything it
 * stored is indexed; a crash in between leaves a file without a row, which the reconciliation
 * indexes. A duplicate's row, and every row with {@link StorageSettings#indexBeforeResponse}, is
 * written before the response. Plain Java: bind it to a server
 * ({@code EventBindings.of(EVT_C_STORE, fileStore)}) or let the OSGi component register it.
 * <p>
 * Statuses (PS3.4 B.2.3; the Error Comment says which case):
 * <ul>
 * <li>0000 stored (also a duplicate kept or replaced by the {@link DuplicatePolicy});</li>
 * <li>A700 the file could not be written (disk full, permissions, I/O error): nothing is left;</li>
 * <li>{@value #INDEX_FAILED_HEX} the index could not be read (the duplicate check), or could not
 *     record the row written before the response: the file is removed again (a row written after
 *     the response that fails is written again by {@link #indexPending});</li>
 * <li>A900 the data set does not match the request (SOP Class or Instance UID differ from the
 *     command's) or lacks a UID the archive files it by (SOP Class, SOP Instance, Study, Series);</li>
 * <li>C000 the data set does not parse;</li>
 * <li>0111 a duplicate under {@link DuplicatePolicy#REJECT}.</li>
 * </ul>
 */
public final class FileStore implements CStoreHandler, StorageMaintenance {

    /** PS3.4 B.2.3 A7xx: Refused, out of resources: the file could not be written. */
    public static final int WRITE_FAILED = 0xA700;
    /** PS3.4 B.2.3 A7xx: Refused, out of resources: the index did not take the instance. */
    public static final int INDEX_FAILED = 0xA710;
    static final String INDEX_FAILED_HEX = "A710";
    /** PS3.4 B.2.3 A9xx: Error, data set does not match SOP Class. */
    public static final int DOES_NOT_MATCH = 0xA900;
    /** PS3.4 B.2.3 Cxxx: Error, cannot understand. */
    public static final int CANNOT_UNDERSTAND = 0xC000;
    /** PS3.7 C.5.7: Duplicate SOP Instance. */
    public static final int DUPLICATE = 0x0111;

    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);

    private final StorageSettings settings;
    private final Path root;
    private final PathPattern pattern;
    private final InstanceIndex index;
    private final DurableFiles files;
    /** Per SOP Instance UID: one store (until its row is written), retry or reconciliation at a time. */
    private final InstanceClaims claims = new InstanceClaims();
    /** Acknowledged instances whose row the index did not take after the response. */
    private final UnindexedInstances unindexed = new UnindexedInstances(10_000);
    /** How long a store waits for another store of its instance (whose row may follow its response). */
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(60);
    /** A row the index refuses while it takes others goes to the reconciliation after this many tries. */
    static final int MAX_FAILED_TRIES = 5;
    private static final Duration RETRY_WARNING_INTERVAL = Duration.ofMinutes(1);
    private volatile long lastRetryWarning = System.nanoTime() - RETRY_WARNING_INTERVAL.toNanos() - 1;
    /** By the path the pattern gives (before a free name is chosen next to it); taken after the UID's claim. */
    private final UidLocks pathLocks = new UidLocks(64);

    public FileStore(StorageSettings settings, InstanceIndex index) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.index = Objects.requireNonNull(index, "index");
        this.root = settings.root().toAbsolutePath().normalize();
        this.pattern = PathPattern.parse(settings.pattern());
        this.files = new DurableFiles(settings.fsync());
    }

    public StorageSettings settings() {
        return settings;
    }

    /**
     * Stores the instance and answers with the status; a failure is logged with its reason, which
     * also goes to the peer as the response's Error Comment.
     */
    @Override
    public Status onCStore(CStoreEvent event) {
        StoreResult result = store(event);
        if (!result.status().isSuccess()) {
            LOG.warn("C-STORE of {} from {}: {} {}", event.sopInstanceUid(), peer(event), result.status(),
                    result.errorComment());
            event.errorComment(result.errorComment());
        }
        return result.status();
    }

    private static String peer(CStoreEvent event) {
        return event.association() == null ? "?" : event.association().callingAeTitle();
    }

    /** Stores the instance of {@code event}: see the class comment for what each status means. */
    public StoreResult store(CStoreEvent event) {
        TransferSyntax received = UidRegistry.transferSyntaxOrUnknown(event.transferSyntaxUid());
        Dataset attributes;
        try {
            attributes = InstanceAttributes.read(event.encodedDataSet(), received);
        } catch (DicomFormatException e) {
            return StoreResult.failed(CANNOT_UNDERSTAND, "data set does not parse: " + e.getMessage());
        } catch (IOException e) {
            return StoreResult.failed(WRITE_FAILED, "data set not readable: " + e.getMessage());
        } catch (RuntimeException e) { // the reader refused something it has no checked exception for
            return StoreResult.failed(CANNOT_UNDERSTAND, "data set does not parse: " + e);
        }
        String mismatch = mismatch(event, attributes);
        if (mismatch != null) {
            return StoreResult.failed(DOES_NOT_MATCH, mismatch);
        }
        TransferSyntax stored = storedSyntax(received);
        String relative = pattern.resolve(attributes);
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) { // cannot happen with safe names; a second guard
            return StoreResult.failed(CANNOT_UNDERSTAND, "path outside the storage root: " + relative);
        }
        String uid = attributes.getString(Tag.SOP_INSTANCE_UID);
        InstanceClaims.Claim claim = claim(uid);
        if (claim == null) {
            return StoreResult.failed(WRITE_FAILED, "another store of the instance still in progress");
        }
        // Two instances whose values make the same safe name (UIDs 1.2/3 and 1.2_3) would both
        // find the path free: their stores take its lock too, always after the UID's claim.
        ReentrantLock pathLock = pathLocks.of(relative);
        Placement placement;
        try {
            pathLock.lock();
            try {
                placement = place(event, attributes, stored, relative, uid);
            } finally {
                pathLock.unlock();
            }
        } catch (RuntimeException | Error e) {
            claim.close();
            throw e;
        }
        letGo(claim, placement, event);
        return placement.result();
    }

    /** The instance, once no other store, retry or reconciliation works on it; null after {@link #CLAIM_WAIT}. */
    private InstanceClaims.Claim claim(String uid) {
        try {
            InstanceClaims.Claim claim = claims.claim(uid, CLAIM_WAIT);
            if (claim == null) {
                LOG.warn("{}: another store of it has been in progress for {} s", uid, CLAIM_WAIT.toSeconds());
            }
            return claim;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Lets the claim go now, or once the row left for after the response is written, wherever the
     * engine runs that; an event that cannot defer it gets the row now.
     */
    private static void letGo(InstanceClaims.Claim claim, Placement placement, CStoreEvent event) {
        if (placement.indexLater() == null) {
            claim.close();
            return;
        }
        AtomicBoolean ran = new AtomicBoolean();
        Runnable indexLater = () -> {
            if (ran.compareAndSet(false, true)) {
                try {
                    placement.indexLater().run();
                } finally {
                    claim.close();
                }
            }
        };
        boolean handedOver = false;
        try {
            event.afterResponse(indexLater);
            handedOver = true;
        } finally {
            if (!handedOver) {
                indexLater.run();
            }
        }
    }

    /** What {@code place} did, and the index write it left for after the response, or null. */
    private record Placement(StoreResult result, Runnable indexLater) {

        static Placement done(StoreResult result) {
            return new Placement(result, null);
        }
    }

    /** Why the data set does not go with the request, or null. */
    private static String mismatch(CStoreEvent event, Dataset attributes) {
        String sopClass = attributes.getString(Tag.SOP_CLASS_UID);
        String sopInstance = attributes.getString(Tag.SOP_INSTANCE_UID);
        if (sopClass == null || sopInstance == null) {
            return "data set lacks SOP Class or SOP Instance UID";
        }
        if (!sopClass.equals(uid(event.sopClassUid()))) {
            return "SOP Class UID " + sopClass + " differs from the request's";
        }
        if (!sopInstance.equals(uid(event.sopInstanceUid()))) {
            return "SOP Instance UID " + sopInstance + " differs from the request's";
        }
        if (!InstanceAttributes.hasArchiveUids(attributes)) {
            return "data set lacks Study or Series Instance UID";
        }
        return null;
    }

    /** A UID without the padding a peer may have left on it (PS3.5 9.1: a trailing NUL). */
    private static String uid(String value) {
        if (value == null) {
            return null;
        }
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == 0 || value.charAt(end - 1) == ' ')) {
            end--;
        }
        return value.substring(0, end).strip();
    }

    private TransferSyntax storedSyntax(TransferSyntax received) {
        if (settings.transferSyntax() == null || !StorageSettings.isUncompressed(received)) {
            return received;
        }
        return UidRegistry.transferSyntaxOrUnknown(settings.transferSyntax());
    }

    /**
     * Under the instance's claim and its path's lock: applies the duplicate policy, writes the
     * file, indexes it; or, for a new instance unless {@link StorageSettings#indexBeforeResponse},
     * leaves the index write for after the response.
     */
    private Placement place(CStoreEvent event, Dataset attributes, TransferSyntax stored, String relative,
            String uid) {
        Optional<String> existing; // the path of the instance's file, when it is indexed (or waits to be) and there
        try {
            existing = index.pathOf(uid).or(() -> unindexed.pathOf(uid))
                    .filter(path -> Files.exists(resolve(path)));
        } catch (IndexException e) {
            return Placement.done(StoreResult.failed(INDEX_FAILED, "index not readable: " + e.getMessage()));
        }
        if (existing.isPresent()) {
            switch (settings.duplicates()) {
                case KEEP_FIRST -> {
                    LOG.info("C-STORE of {} from {}: already stored as {}, kept (duplicates=keep-first)", uid,
                            peer(event), existing.get());
                    return Placement.done(StoreResult.stored(existing.get()));
                }
                case REJECT -> {
                    return Placement.done(StoreResult.failed(DUPLICATE, "SOP Instance " + uid + " is already stored"));
                }
                case KEEP_BOTH -> relative = Files.exists(resolve(relative)) ? unusedName(relative) : relative;
                case OVERWRITE -> {
                    // the new file replaces the old one at its path, or goes to its own path (then the old one is deleted)
                }
            }
        }
        Target placed = notAnotherInstancesFile(relative, uid, existing);
        relative = placed.relative();
        Path target = resolve(relative);
        try {
            if (stored.uid().equals(event.transferSyntaxUid()) && settings.fsync()) {
                // the engine spooled the data set as it arrived, behind this file's header: a rename
                // (forced, like ours) stores it without writing its bytes a second time
                event.storePart10(target);
            } else {
                files.write(target, new Part10Content(event, stored));
            }
        } catch (DicomFormatException | ZipException e) { // converting: malformed past the header, or a bad deflate stream
            return Placement.done(StoreResult.failed(CANNOT_UNDERSTAND, "data set does not convert: " + e.getMessage()));
        } catch (IOException e) {
            if (!placed.replaces()) {
                // renamed into a free path, then not forced (the folder's fsync failed): the peer is
                // told it failed, so the file goes too
                deleteQuietly(target, uid);
            }
            return Placement.done(StoreResult.failed(WRITE_FAILED, "file not written: " + describe(e)));
        } catch (RuntimeException e) { // a data set the converter cannot handle; the temporary file is gone
            LOG.error("{}: file not written", uid, e);
            return Placement.done(StoreResult.failed(CANNOT_UNDERSTAND, "file not written: " + e));
        }
        if (existing.isEmpty() && !settings.indexBeforeResponse()) {
            // durably stored: Success may go; the row follows on this thread before the association's next message
            String path = relative;
            return new Placement(StoreResult.stored(relative),
                    () -> indexAfterResponse(target, attributes, path, stored.uid()));
        }
        Object placedFile = null; // the file's identity (inode), to delete only ours if indexing fails
        StoredInstance row = null;
        try {
            BasicFileAttributes written = Files.readAttributes(target, BasicFileAttributes.class);
            placedFile = written.fileKey();
            row = new StoredInstance(attributes, relative, written.size(), stored.uid(), Instant.now());
            index.put(row);
        } catch (IOException | RuntimeException e) { // IndexException, a broken index, or the file is gone
            unplace(target, uid, placed.replaces(), placedFile, relative);
            if (placed.replaces() && row != null) {
                // the file that stays replaced an acknowledged one: its row is tried again
                unindexed.add(new UnindexedInstances.Entry(row, placedFile));
            }
            if (e instanceof RuntimeException) {
                LOG.error("{}: the index failed", uid, e);
            }
            return Placement.done(StoreResult.failed(INDEX_FAILED, "not indexed: " + e.getMessage()));
        }
        if (existing.isPresent() && settings.duplicates() == DuplicatePolicy.OVERWRITE
                && !existing.get().equals(relative)) {
            try {
                files.delete(resolve(existing.get()));
            } catch (IOException e) {
                LOG.warn("{}: replaced by {}, but the old file {} could not be deleted: {}", uid, relative,
                        existing.get(), e.toString());
            }
        }
        return Placement.done(StoreResult.stored(relative));
    }

    /**
     * After the response: the row of an instance the peer was told is stored (another store of
     * the instance waits for it: the store's claim lasts until now). If the index fails now, the
     * file stays (it is stored durably, and the peer knows it is) and its row waits for
     * {@link #indexPending}, or for the reconciliation; the duplicate check sees it meanwhile.
     */
    private void indexAfterResponse(Path file, Dataset attributes, String relative, String transferSyntaxUid) {
        BasicFileAttributes written;
        try {
            // its size and identity, read here rather than before the response
            written = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            LOG.error("{}: stored as {} and acknowledged, but gone before its row was written: {}",
                    attributes.getString(Tag.SOP_INSTANCE_UID), relative, e.toString());
            return;
        }
        StoredInstance row = new StoredInstance(attributes, relative, written.size(), transferSyntaxUid, Instant.now());
        try {
            index.put(row);
        } catch (IndexException | RuntimeException e) {
            boolean kept = unindexed.add(new UnindexedInstances.Entry(row, written.fileKey()));
            LOG.error("{}: stored as {} and acknowledged, but not indexed ({}); {}", row.sopInstanceUid(), row.path(),
                    e.getMessage(), kept ? "indexed again later" : "too many waiting: the reconciliation will index it");
        }
    }

    /**
     * Tries again to index the instances whose row could not be written after their response,
     * each under its claim; an entry leaves the queue only once it is indexed or dropped, so the
     * duplicate check sees it until then. Dropped: an entry whose file was stored again (another
     * identity) or removed since, or whose instance the index has by now at another path whose
     * file is there (a later store of it, or the reconciliation, wrote that row). A row the index
     * cannot even be read for waits (the database is away); a row whose write fails while others go
     * in, or failed so before, is one the index refuses, and goes to the reconciliation after
     * {@value #MAX_FAILED_TRIES} such tries. The warning is logged once a minute at most.
     *
     * @return how many were indexed
     */
    public int indexPending() {
        List<UnindexedInstances.Entry> entries = unindexed.snapshot();
        List<UnindexedInstances.Entry> refused = new ArrayList<>(); // read the index, then the row failed
        int indexed = 0;
        int failed = 0;
        String lastError = null;
        for (UnindexedInstances.Entry entry : entries) {
            StoredInstance row = entry.row();
            InstanceClaims.Claim claim;
            try {
                claim = claims.claim(row.sopInstanceUid());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            boolean read = false;
            try {
                if (stale(entry)) {
                    unindexed.remove(entry);
                    continue;
                }
                read = true;
                index.put(row);
                unindexed.remove(entry);
                indexed++;
            } catch (IndexException | RuntimeException e) {
                failed++;
                lastError = e.getMessage();
                if (read) {
                    refused.add(entry);
                }
            } finally {
                claim.close();
            }
        }
        int givenUp = 0;
        for (UnindexedInstances.Entry entry : refused) {
            // a row fails for itself when others went in, or when it did so before; else the index may be full
            if (indexed == 0 && entry.failedTries() == 0) {
                continue;
            }
            int tries = entry.failedTries() + 1;
            if (tries < MAX_FAILED_TRIES) {
                unindexed.update(entry, new UnindexedInstances.Entry(entry.row(), entry.fileKey(), tries));
            } else {
                unindexed.remove(entry);
                givenUp++;
                LOG.error("{}: stored as {}, its row refused {} times; left to the reconciliation",
                        entry.row().sopInstanceUid(), entry.row().path(), tries);
            }
        }
        if (failed > givenUp && System.nanoTime() - lastRetryWarning > RETRY_WARNING_INTERVAL.toNanos()) {
            lastRetryWarning = System.nanoTime();
            LOG.warn("{} stored instance(s) still not indexed: {}", failed - givenUp, lastError);
        }
        return indexed;
    }

    /** Whether a waiting row no longer describes the instance's stored file (see {@link #indexPending}). */
    private boolean stale(UnindexedInstances.Entry entry) throws IndexException {
        StoredInstance row = entry.row();
        Path file = resolve(row.path());
        if (!Files.exists(file) || entry.fileKey() != null && !entry.fileKey().equals(fileKeyOf(file))) {
            LOG.info("{}: {} was stored again or removed since its index write failed", row.sopInstanceUid(),
                    row.path());
            return true;
        }
        Optional<String> indexed = index.pathOf(row.sopInstanceUid());
        return indexed.isPresent() && !indexed.get().equals(row.path()) && Files.exists(resolve(indexed.get()));
    }

    /** How many stored instances wait for their index row ({@link #indexPending}). */
    public int pendingIndexWrites() {
        return unindexed.size();
    }

    /**
     * The index did not take the instance: its file goes, so that nothing unindexed stays behind;
     * unless it replaced the instance's earlier file at the same path (overwrite). That file is
     * gone already, and its row, if it has one, names this one: both stay, so that an instance the
     * peer was once told is stored stays stored and found (its row keeps the earlier attributes
     * until the peer sends it again, as it will after the failure status; a file without a row is
     * indexed by the reconciliation).
     */
    private void unplace(Path target, String uid, boolean replaced, Object placedFile, String relative) {
        if (replaced) {
            LOG.warn("{}: replaced {} in place but not indexed again; the row keeps the earlier attributes", uid,
                    relative);
            return;
        }
        if (placedFile != null && !placedFile.equals(fileKeyOf(target))) {
            // another node sharing the root stored the instance at this path meanwhile: its file
            LOG.warn("{}: not indexed; {} now holds another node's copy, left alone", uid, relative);
            return;
        }
        deleteQuietly(target, uid);
    }

    private static Object fileKeyOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Where the file goes, and whether it replaces a file of this instance there (else the path
     * was free).
     */
    private record Target(String relative, boolean replaces) {
    }

    /**
     * {@code relative}, or a free name next to it if a file there holds another instance (two
     * values that made the same safe name).
     */
    private Target notAnotherInstancesFile(String relative, String uid, Optional<String> existing) {
        if (existing.isPresent() && existing.get().equals(relative)) {
            return new Target(relative, true);
        }
        Path target = resolve(relative);
        if (!Files.exists(target)) {
            return new Target(relative, false);
        }
        try {
            String there = InstanceAttributes.readFile(target).fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID);
            if (uid.equals(there)) {
                return new Target(relative, true);
            }
        } catch (NoSuchFileException e) {
            return new Target(relative, false);
        } catch (IOException e) {
            // not readable as DICOM: not ours, do not overwrite it
        }
        return new Target(unusedName(relative), false);
    }

    private void deleteQuietly(Path file, String uid) {
        try {
            files.delete(file);
        } catch (IOException e) {
            LOG.warn("{}: {} not deleted after the failed store ({}); the reconciliation will index it", uid, file,
                    e.toString());
        }
    }

    /** {@code a/b/name.dcm} -> the first of {@code a/b/name_2.dcm}, {@code a/b/name_3.dcm}, ... not taken. */
    private String unusedName(String relative) {
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        int cut = dot > slash + 1 ? dot : relative.length();
        String stem = relative.substring(0, cut);
        String extension = relative.substring(cut);
        for (int n = 2; ; n++) {
            String candidate = stem + "_" + n + extension;
            if (!Files.exists(resolve(candidate))) {
                return candidate;
            }
        }
    }

    private Path resolve(String relative) {
        return root.resolve(relative);
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.contains("No space left") ? "disk full" : message;
    }

    @Override
    public ReconciliationReport reconcile() throws IOException {
        return new Reconciliation(root, index, files, claims, settings.tempFileGrace()).run();
    }

    @Override
    public Path root() {
        return root;
    }
}
