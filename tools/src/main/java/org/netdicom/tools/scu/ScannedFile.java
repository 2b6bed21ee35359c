package org.netdicom.tools.scu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.DicomFormatException;

/**
 * A Part 10 file to send, known by its header: SOP Class and Instance UIDs and transfer syntax
 * from the File Meta Information (PS3.10 7.1), or from the data set when the meta lacks them.
 *
 * @param size the file's size in bytes, for the MB/s of the progress
 */
record ScannedFile(Path path, String sopClassUid, String sopInstanceUid, String transferSyntaxUid, long size) {

    /** Stops parsing at (0008,0019), after SOP Instance UID: the pixel data are never read. */
    private static final int AFTER_SOP_INSTANCE_UID = 0x00080019;
    /** Media Storage Directory Storage: PS3.10 defines it for media; no network service stores it. */
    private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    /**
     * Reads the header of {@code path}.
     *
     * @throws DicomFormatException if the file is not a Part 10 file
     * @throws NotSendable          if it names no SOP class or instance, or is a DICOMDIR
     * @throws IOException          if it cannot be read
     */
    static ScannedFile scan(Path path) throws IOException {
        DicomFile file;
        try (InputStream in = Files.newInputStream(path)) { // unbuffered: the reader buffers
            file = DicomFile.read(in, false, AFTER_SOP_INSTANCE_UID);
        }
        Dataset meta = file.fileMeta();
        String sopClass = meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID);
        String sopInstance = meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID);
        if (sopClass == null) {
            sopClass = file.dataset().getString(Tag.SOP_CLASS_UID);
        }
        if (sopInstance == null) {
            sopInstance = file.dataset().getString(Tag.SOP_INSTANCE_UID);
        }
        if (sopClass == null || sopInstance == null) {
            throw new NotSendable("no SOP Class UID or SOP Instance UID");
        }
        if (sopClass.equals(MEDIA_STORAGE_DIRECTORY)) {
            throw new NotSendable("a DICOMDIR is for media only (PS3.10)");
        }
        return new ScannedFile(path, sopClass, sopInstance, file.transferSyntax().uid(), Files.size(path));
    }

    /** A Part 10 file that no C-STORE can carry. */
    static final class NotSendable extends IOException {
        private static final long serialVersionUID = 1L;

        NotSendable(String reason) {
            super(reason);
        }
    }
}
