package org.netdicom.core.dimse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.netdicom.data.Dataset;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.io.DicomReader;
import org.netdicom.data.io.DicomWriter;

/**
 * Encodes and decodes the small data sets of DIMSE messages (identifiers, attribute lists, status
 * details) in a presentation context's transfer syntax, Deflated Explicit VR Little Endian included
 * (PS3.5 A.5: raw deflate of the Explicit VR Little Endian encoding). Large instances take the
 * streaming paths of C-STORE instead.
 */
public final class DataSetCodec {

    private DataSetCodec() {
    }

    /**
     * The data set encoded in {@code transferSyntaxUid}, in memory.
     *
     * @throws IllegalArgumentException if the data set cannot be encoded in that syntax
     */
    public static OutgoingDataSet encode(Dataset dataSet, String transferSyntaxUid) {
        TransferSyntax ts = UidRegistry.transferSyntaxOrUnknown(transferSyntaxUid);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            if (ts.isDeflated()) {
                Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                try {
                    DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater);
                    DicomWriter writer = new DicomWriter(deflated);
                    writer.writeDataset(dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                    writer.flush();
                    deflated.finish();
                } finally {
                    deflater.end();
                }
            } else {
                DicomWriter writer = new DicomWriter(out);
                writer.writeDataset(dataSet, ts);
                writer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a data set did not encode in memory", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the data set cannot be encoded in " + ts.name() + ": " + e.getMessage(),
                    e);
        }
        return OutgoingDataSet.of(out.toByteArray());
    }

    /** Decodes a received data set encoded in {@code transferSyntaxUid}. */
    public static Dataset decode(ReceivedDataSet data, String transferSyntaxUid) throws IOException {
        TransferSyntax ts = UidRegistry.transferSyntaxOrUnknown(transferSyntaxUid);
        if (ts.isDeflated()) {
            Inflater inflater = new Inflater(true);
            try (InputStream in = new InflaterInputStream(data.open(), inflater)) {
                return new DicomReader(in).readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            } finally {
                inflater.end();
            }
        }
        if (data.isInMemory()) {
            return new DicomReader(data.array(), data.offset(), (int) data.length()).readDataset(ts);
        }
        try (InputStream in = data.open()) {
            return new DicomReader(in).readDataset(ts);
        }
    }
}
