package org.netdicom.index;

import java.time.Instant;
import java.util.Objects;

import org.netdicom.data.Dataset;

/**
 * A stored instance as the index records it.
 *
 * @param attributes        the instance's data set without bulk data (pixel data left out): the
 *                          index keeps the patient, study, series and instance attributes it
 *                          matches on; the SOP Instance UID (0008,0018), SOP Class UID (0008,0016),
 *                          Study (0020,000D) and Series Instance UID (0020,000E) must be present
 * @param path              where the file is, relative to the storage root (forward slashes)
 * @param size              the file's size in bytes
 * @param transferSyntaxUid the transfer syntax of the file's data set
 * @param received          when the instance was stored
 */
public record StoredInstance(Dataset attributes, String path, long size, String transferSyntaxUid, Instant received) {

    public StoredInstance {
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        Objects.requireNonNull(received, "received");
    }

    public String sopInstanceUid() {
        return attributes.getString(0x00080018);
    }

    public String sopClassUid() {
        return attributes.getString(0x00080016);
    }

    public String studyInstanceUid() {
        return attributes.getString(0x0020000D);
    }

    public String seriesInstanceUid() {
        return attributes.getString(0x0020000E);
    }
}
