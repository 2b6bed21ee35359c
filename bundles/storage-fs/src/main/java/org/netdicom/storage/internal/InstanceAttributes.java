package org.netdicom.storage.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.BulkDataSink;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.DicomFormatException;
import org.netdicom.data.io.DicomReader;
import org.netdicom.data.io.ReadOptions;

/**
 * The attributes of an instance that the path pattern and the index need: the data set up to Pixel
 * Data, without large binary values (overlays, icons, waveforms are left out), so a data set of any
 * size is read in a few kilobytes of heap. Reading it also checks that the data set parses.
 */
public final class InstanceAttributes {

    /** Binary values this large or larger are not read. */
    private static final long BULK_THRESHOLD = 1024;
    /** Leaves a large value out of the data set without reading it (the reader skips it). */
    private static final BulkDataSink DROP = (tag, vr, offset, length, bigEndian, value) -> null;

    /** Study Instance UID (0020,000D). */
    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    /** Series Instance UID (0020,000E). */
    public static final int SERIES_INSTANCE_UID = 0x0020000E;

    private InstanceAttributes() {
    }

    /**
     * Whether {@code attributes} have the UIDs the archive files an instance by (SOP Class, SOP
     * Instance, Study and Series Instance UID: Type 1 in every composite IOD, PS3.3 C.12.1, C.7.2.1,
     * C.7.3.1).
     */
    public static boolean hasArchiveUids(Dataset attributes) {
        return attributes.getString(Tag.SOP_CLASS_UID) != null && attributes.getString(Tag.SOP_INSTANCE_UID) != null
                && attributes.getString(STUDY_INSTANCE_UID) != null && attributes.getString(SERIES_INSTANCE_UID) != null;
    }

    /**
     * The attributes of the data set encoded in {@code ts} in {@code encoded} (closed here).
     *
     * @throws org.netdicom.data.io.DicomFormatException if it does not parse
     */
    public static Dataset read(InputStream encoded, TransferSyntax ts) throws IOException {
        DicomReader reader = null;
        try (InputStream in = ts.isDeflated() ? new InflaterInputStream(encoded, new Inflater(true)) : encoded) {
            reader = new DicomReader(in).stopBefore(Tag.PIXEL_DATA).bulkData(BULK_THRESHOLD, DROP);
            return reader.readDataset(ts.isDeflated() ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : ts);
        } catch (ZipException | EOFException e) {
            // a corrupt or cut deflated stream (PS3.5 A.5), or a data set that ends early: bad data, not bad disk
            throw new DicomFormatException("data set is corrupt or ends early: " + e.getMessage(),
                    reader == null ? 0 : reader.offset(), e);
        }
    }

    /** The File Meta Information and attributes of the Part 10 file {@code file}. */
    public static DicomFile readFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DicomFile.read(in, ReadOptions.DEFAULT.stopBefore(Tag.PIXEL_DATA).bulkData(BULK_THRESHOLD, DROP));
        }
    }
}
