package org.netdicom.index.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.netdicom.data.Dataset;
import org.netdicom.data.Element;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomReader;
import org.netdicom.data.io.DicomWriter;

/**
 * The attributes of one entity as a column value: the data set encoded in Explicit VR Little
 * Endian, without file meta information, bulk data (pixel, overlay, waveform data and any value
 * longer than {@value #MAX_VALUE_LENGTH} bytes) or sequences of more than {@value #MAX_ITEMS}
 * items, so that a row stays small while return keys and matching keys the columns do not hold can
 * still be answered.
 */
final class DatasetBlob {

    static final int MAX_VALUE_LENGTH = 4096;
    static final int MAX_ITEMS = 64;
    private static final TransferSyntax SYNTAX = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    private DatasetBlob() {
    }

    /** The elements of {@code attributes} worth keeping in the index. */
    static boolean keeps(Element e) {
        int tag = e.tag();
        int group = tag >>> 16;
        if (group == 0x0002 || group == 0x7FE0 || group == 0xFFFA || tag == 0xFFFCFFFC) {
            return false;
        }
        if ((group & 0xFF01) == 0x6000 && (tag & 0xFFFF) == 0x3000) {
            return false; // overlay data
        }
        if (group == 0x5400 && (tag & 0xFFFF) == 0x1010) {
            return false; // waveform data
        }
        if (e.isSequence()) {
            return e.sequence().size() <= MAX_ITEMS;
        }
        return !e.isFragments() && e.bulkData() == null && e.length() <= MAX_VALUE_LENGTH;
    }

    static byte[] encode(Dataset attributes) {
        int[] keep = new int[attributes.size()];
        int n = 0;
        for (Element e : attributes) {
            if (keeps(e)) {
                keep[n++] = e.tag();
            }
        }
        int[] tags = java.util.Arrays.copyOf(keep, n);
        java.util.Arrays.sort(tags);
        Dataset kept = attributes.filter(t -> java.util.Arrays.binarySearch(tags, t) >= 0);
        Encoder encoder = ENCODER.get();
        try {
            encoder.writer.writeDataset(kept, SYNTAX);
            encoder.writer.flush();
            return encoder.out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            encoder.out.reset();
        }
    }

    /** A writer per thread: a DicomWriter's 64 KiB buffer is worth keeping between rows. */
    private static final ThreadLocal<Encoder> ENCODER = ThreadLocal.withInitial(Encoder::new);

    private static final class Encoder {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        final DicomWriter writer = new DicomWriter(out);
    }

    static Dataset decode(byte[] blob) {
        if (blob == null || blob.length == 0) {
            return new Dataset();
        }
        try {
            return new DicomReader(blob, 0, blob.length).readDataset(SYNTAX);
        } catch (IOException e) {
            throw new UncheckedIOException("index row holds an unreadable data set", e);
        }
    }
}
