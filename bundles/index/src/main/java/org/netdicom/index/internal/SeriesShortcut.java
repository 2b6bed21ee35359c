package org.netdicom.index.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The series each thread indexed an instance into last, with the patient, study and series
 * attributes it wrote or found there. The next instance of that series with the same attributes
 * above it (every instance after the first of a series that a peer sends, as {@code storescu}
 * does) needs none of the work on the levels above: {@link IndexWriter} then counts it into the
 * series row and inserts its row, two statements instead of the full path's six (a loop on H2:
 * 36-42 us a put against 50-56 us before this and the study and patient rows stopped counting
 * instances; on PostgreSQL over a network each statement is a round trip).
 * <p>
 * What another writer changed meanwhile is found, not assumed: a series row that is gone (its
 * instances removed) or was made again under a new key updates no row, nor does one whose study no
 * longer lists the instance's SOP class (another node removed the class's last instance), and an
 * instance that is indexed already fails its unique key; each sends the instance down the full
 * path. A removal in this index invalidates every thread's entry too (the SOP Classes in Study it
 * knew may have lost a class). The study row is read, not locked: a removal committing while the
 * shortcut runs can still leave the class out of the study's list (locking the row would cost the
 * shortcut a statement, a round trip on PostgreSQL). A correction of the patient or study attributes by another writer, between two instances
 * of the series this thread sends, is not looked for: its instances then go where the rows are,
 * as they would had the correction come just before them.
 */
final class SeriesShortcut {

    /** What a thread's last put left above its instance; {@code generation}: of the removals it saw. */
    private record Known(String patientId, byte[] patientBlob, String studyUid, byte[] studyBlob,
            Set<String> sopClasses, String seriesUid, byte[] seriesBlob, long seriesPk, long generation) {
    }

    private final ThreadLocal<Known> known = new ThreadLocal<>();
    private final AtomicLong removals = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();

    /**
     * The key of the series row to count an instance into, when this thread's last put left the
     * levels above it with exactly these values (and the study lists its SOP Class); else -1.
     */
    long seriesPk(String patientId, byte[] patientBlob, String studyUid, byte[] studyBlob, String sopClass,
            String seriesUid, byte[] seriesBlob) {
        Known k = known.get();
        if (k == null || k.generation != removals.get() || !k.seriesUid.equals(seriesUid)
                || !k.studyUid.equals(studyUid) || !k.patientId.equals(patientId) || !k.sopClasses.contains(sopClass)
                || !Arrays.equals(k.seriesBlob, seriesBlob) || !Arrays.equals(k.studyBlob, studyBlob)
                || !Arrays.equals(k.patientBlob, patientBlob)) {
            return -1;
        }
        return k.seriesPk;
    }

    /** The count of removals so far: read it before the put whose outcome is {@linkplain #remember remembered}. */
    long removals() {
        return removals.get();
    }

    /**
     * Records what this thread's put (committed) left above its instance; {@code removalsBefore}:
     * {@link #removals()} before that put began, so that a removal during it voids the entry.
     */
    void remember(String patientId, byte[] patientBlob, String studyUid, byte[] studyBlob, Set<String> sopClasses,
            String seriesUid, byte[] seriesBlob, long seriesPk, long removalsBefore) {
        known.set(new Known(patientId, patientBlob, studyUid, studyBlob, Set.copyOf(sopClasses), seriesUid, seriesBlob,
                seriesPk, removalsBefore));
    }

    /** Forgets this thread's entry: its series is not as it was. */
    void forget() {
        known.remove();
    }

    /** An instance went in by the shortcut. */
    void took() {
        taken.incrementAndGet();
    }

    /** How many instances went in by the shortcut. */
    long taken() {
        return taken.get();
    }

    /** Rows were removed: no thread's entry is trusted any more. */
    void removed() {
        removals.incrementAndGet();
    }
}
