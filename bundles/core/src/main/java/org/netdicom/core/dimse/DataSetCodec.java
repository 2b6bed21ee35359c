package org.netdicom.core.dimse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * The data set of a DIMSE message (other than a C-STORE's, which streams) in the transfer syntax
 * of its presentation context: encoded into an array for sending, decoded from what was received.
 * A deflated syntax is raw deflate around Explicit VR Little Endian (PS3.5 A.5).
 */
public final class DataSetCodec {

    private DataSetCodec() {
    }

    /** {@code data} encoded in {@code transferSyntaxUid}. */
    public static byte[] encode(Dataset data, String transferSyntaxUid) throws IOException {
        TransferSyntax ts = UidRegistry.transferSyntaxOrUnknown(transferSyntaxUid);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        if (ts.isDeflated()) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            try {
                DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater, 8192);
                DicomWriter writer = new DicomWriter(deflated);
                writer.writeDataset(data, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                writer.flush();
                deflated.finish();
            } finally {
                deflater.end();
            }
        } else {
            DicomWriter writer = new DicomWriter(out);
            writer.writeDataset(data, ts);
            writer.flush();
        }
        return out.toByteArray();
    }

    /** The data set of a received message, decoded from {@code transferSyntaxUid}. */
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
