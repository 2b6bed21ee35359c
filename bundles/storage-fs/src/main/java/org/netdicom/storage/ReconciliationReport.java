package org.netdicom.storage;

import java.time.Duration;

/**
 * What one reconciliation of the storage root with the index did.
 *
 * @param filesSeen         DICOM files found below the root
 * @param filesIndexed      files that had no index row, or one older than the file, and got one
 * @param rowsRemoved       index rows whose file was gone, removed
 * @param tempFilesDeleted  temporary files left by an interrupted store, deleted
 * @param duplicatesSkipped files of an instance whose indexed file exists elsewhere (older copies
 *                          kept by {@link DuplicatePolicy#KEEP_BOTH}), left unindexed
 * @param unreadableFiles   files that are not DICOM Part 10 files (or fail to parse), left alone
 * @param failures          files or rows the index refused or that could not be deleted, and a
 *                          removal of rows held back because the storage was not there (logged)
 * @param took              how long it ran
 */
public record ReconciliationReport(long filesSeen, long filesIndexed, long rowsRemoved, long tempFilesDeleted,
        long duplicatesSkipped, long unreadableFiles, long failures, Duration took) {

    /** Whether the index and the files were already in line (nothing indexed, removed or deleted). */
    public boolean wasConsistent() {
        return filesIndexed == 0 && rowsRemoved == 0 && tempFilesDeleted == 0;
    }

    @Override
    public String toString() {
        return String.format("%d files seen, %d indexed, %d rows without file removed, %d temporary files deleted, "
                + "%d older duplicates left unindexed, %d not DICOM, %d failures, in %d ms", filesSeen, filesIndexed,
                rowsRemoved, tempFilesDeleted, duplicatesSkipped, unreadableFiles, failures, took.toMillis());
    }
}
