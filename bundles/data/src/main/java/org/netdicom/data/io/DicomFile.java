package org.netdicom.data.io;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.dict.Uids;

/**
 * A DICOM Part 10 file (PS3.10 7.1): 128-byte preamble, {@code DICM}, File Meta Information
 * (group 0002, always Explicit VR Little Endian, PS3.10 7.1), then the data set in the transfer
 * syntax the meta information names (deflated when it says so).
 *
 * <p>Reading also accepts files without preamble (starting with the meta group) and, when
 * {@link #read(InputStream, boolean) asked to}, bare data sets without meta information, whose
 * transfer syntax is then guessed from the first element (Explicit or Implicit VR Little Endian).
 *
 * @param fileMeta the group 0002 elements (including the group length as read)
 * @param dataset the data set
 * @param transferSyntax the transfer syntax of the data set
 */
public record DicomFile(Dataset fileMeta, Dataset dataset, TransferSyntax transferSyntax) {
    private static final int PREAMBLE = 128;

    /** File Meta Information is a few hundred bytes: its writer needs no 64 KiB buffer. */
    private static final int META_WRITER_BUFFER = 1024;

    /** Reads a whole Part 10 file. */
    public static DicomFile read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, false);
        }
    }

    /**
     * Reads a Part 10 file leaving values of at least {@code bulkThreshold} bytes (Pixel Data and
     * other OB/OW/OF/OD/OL/OV/UN values) on disk: the data set holds {@link org.netdicom.data.BulkData}
     * references into the file, so an instance of any size is read in a few kilobytes of heap.
     * Values of a deflated data set have no place in the file to refer to: they are copied to
     * temporary files (owned by the caller) by {@link BulkDataSink#spool}.
     */
    public static DicomFile read(Path path, long bulkThreshold) throws IOException {
        BulkDataSink reference = BulkDataSink.reference(path);
        BulkDataSink spool = BulkDataSink.spool(Path.of(System.getProperty("java.io.tmpdir")));
        BulkDataSink sink = (tag, vr, offset, length, bigEndian, value) -> value instanceof InflatedValue
                ? spool.accept(tag, vr, offset, length, bigEndian, value)
                : reference.accept(tag, vr, offset, length, bigEndian, value);
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, ReadOptions.DEFAULT.bulkData(bulkThreshold, sink));
        }
    }

    /** Reads a Part 10 stream; with {@code allowBareDataset}, a stream without meta information too. */
    public static DicomFile read(InputStream in, boolean allowBareDataset) throws IOException {
        return read(in, allowBareDataset, -1);
    }

    /**
     * Reads a Part 10 stream and stops before the first top-level element whose tag is
     * {@code stopBefore} or greater (-1: read everything), e.g. {@link Tag#PIXEL_DATA} to parse the
     * header only; the rest of the stream is not read.
     */
    public static DicomFile read(InputStream in, boolean allowBareDataset, int stopBefore) throws IOException {
        return read(in, ReadOptions.DEFAULT.allowBareDataset(allowBareDataset).stopBefore(stopBefore));
    }

    /**
     * Reads a Part 10 stream as {@code options} say. Offsets given to a bulk data sink count from
     * the first byte of {@code in}; for a deflated data set, from the first inflated byte.
     */
    public static DicomFile read(InputStream in, ReadOptions options) throws IOException {
        return read(new ByteSource(in, 0), options);
    }

    /**
     * Reads a Part 10 file that is already in memory, as {@code options} say. Faster than a stream
     * over the same bytes (values are copied once, straight from {@code bytes}); the data set does
     * not share {@code bytes}.
     */
    public static DicomFile read(byte[] bytes, ReadOptions options) throws IOException {
        return read(new ByteSource(bytes, 0, bytes.length), options);
    }

    private static DicomFile read(ByteSource src, ReadOptions options) throws IOException {
        boolean allowBareDataset = options.allowBareDataset();
        int stopBefore = options.stopBefore();
        DicomReader reader = new DicomReader(src);
        Dataset meta;
        reader.strict(options.strict());
        if (options.bulkDataSink() != null) {
            reader.bulkData(options.bulkDataThreshold(), options.bulkDataSink());
        }
        if (src.ensure(PREAMBLE + 4) && isDicm(src, PREAMBLE)) {
            src.skip(PREAMBLE + 4);
            meta = readMeta(reader);
        } else if (src.ensure(6) && src.u16(0, false) == 0x0002 && VR.of(src.u8(4), src.u8(5)) != null) {
            meta = readMeta(reader); // no preamble: the file starts with the meta group
        } else if (allowBareDataset) {
            if (!src.ensure(8)) {
                throw new DicomFormatException("too short for a DICOM data set", src.offset());
            }
            TransferSyntax ts = VR.of(src.u8(4), src.u8(5)) != null
                    ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
            return new DicomFile(new Dataset(), readBody(reader, src, ts, stopBefore), ts);
        } else {
            throw new DicomFormatException("no DICM prefix after the 128-byte preamble: not a Part 10 file", PREAMBLE);
        }
        String tsUid = meta.getString(Tag.TRANSFER_SYNTAX_UID);
        if (tsUid == null) {
            throw new DicomFormatException("file meta information lacks Transfer Syntax UID (0002,0010)", src.offset());
        }
        TransferSyntax ts = UidRegistry.transferSyntaxOrUnknown(tsUid);
        return new DicomFile(meta, readBody(reader, src, ts, stopBefore), ts);
    }

    private static boolean isDicm(ByteSource src, int at) {
        return src.u8(at) == 'D' && src.u8(at + 1) == 'I' && src.u8(at + 2) == 'C' && src.u8(at + 3) == 'M';
    }

    private static Dataset readMeta(DicomReader reader) throws IOException {
        reader.stopBefore(0x00030000);
        Dataset meta = new Dataset(8);
        reader.readInto(meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return meta;
    }

    private static Dataset readBody(DicomReader reader, ByteSource src, TransferSyntax ts, int stopBefore)
            throws IOException {
        Dataset d = new Dataset(64);
        if (ts.isDeflated()) {
            InputStream inflated = new InflaterInputStream(src.remaining(), new Inflater(true));
            DicomReader r = new DicomReader(new ByteSource(inflated, 0)).stopBefore(stopBefore).strict(reader.isStrict());
            BulkDataSink sink = reader.bulkDataSink();
            if (sink != null) {
                r.bulkData(reader.bulkDataThreshold(), (tag, vr, offset, length, big, value) ->
                        sink.accept(tag, vr, offset, length, big, new InflatedValue(value)));
            }
            try {
                r.readInto(d, ts);
            } catch (ZipException | EOFException e) {
                // EOFException: the compressed stream ends before its last block (PS3.5 A.5)
                throw new DicomFormatException("deflated data set is corrupt: " + e.getMessage()
                        + "; offset counts inflated bytes", r.offset(), e);
            }
            return d;
        }
        reader.stopBefore(stopBefore);
        reader.readInto(d, ts);
        return d;
    }

    /**
     * Builds File Meta Information for a data set: version 00\01, Media Storage SOP Class and
     * Instance UIDs from (0008,0016) and (0008,0018), the transfer syntax, and netdicom's
     * implementation class UID and version name.
     */
    public static Dataset createFileMeta(Dataset dataset, TransferSyntax ts) {
        String sopClass = dataset.getString(Tag.SOP_CLASS_UID);
        String sopInstance = dataset.getString(Tag.SOP_INSTANCE_UID);
        if (sopClass == null || sopInstance == null) {
            throw new IllegalArgumentException("a Part 10 file needs SOP Class UID and SOP Instance UID in the data set");
        }
        return createFileMeta(sopClass, sopInstance, ts);
    }

    /**
     * File Meta Information for an instance known by its UIDs (e.g. from a C-STORE request, whose
     * data set is still on its way): as {@link #createFileMeta(Dataset, TransferSyntax)}.
     */
    public static Dataset createFileMeta(String sopClass, String sopInstance, TransferSyntax ts) {
        Dataset meta = new Dataset(8);
        meta.setBytes(Tag.FILE_META_INFORMATION_VERSION, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, sopClass);
        meta.setString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, sopInstance);
        meta.setString(Tag.TRANSFER_SYNTAX_UID, VR.UI, ts.uid());
        meta.setString(Tag.IMPLEMENTATION_CLASS_UID, VR.UI, Uids.IMPLEMENTATION_CLASS_UID);
        meta.setString(Tag.IMPLEMENTATION_VERSION_NAME, VR.SH, Uids.IMPLEMENTATION_VERSION_NAME);
        return meta;
    }

    /** Writes {@code dataset} as a Part 10 file in {@code ts} with meta information from {@link #createFileMeta}. */
    public static void write(Path path, Dataset dataset, TransferSyntax ts) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024)) {
            write(out, createFileMeta(dataset, ts), dataset, ts);
        }
    }

    /**
     * Writes preamble, {@code DICM}, the given meta information (its group length computed, its
     * transfer syntax must match {@code ts}) and the data set. Does not close {@code out}.
     */
    public static void write(OutputStream out, Dataset fileMeta, Dataset dataset, TransferSyntax ts) throws IOException {
        if (!ts.uid().equals(fileMeta.getString(Tag.TRANSFER_SYNTAX_UID))) {
            throw new IllegalArgumentException("meta information names transfer syntax "
                    + fileMeta.getString(Tag.TRANSFER_SYNTAX_UID) + ", not " + ts.uid());
        }
        writeHeader(out, fileMeta);
        if (ts.isDeflated()) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true); // raw deflate, PS3.5 A.5
            DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater, 64 * 1024);
            DicomWriter w = new DicomWriter(deflated);
            w.writeDataset(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            w.flush();
            deflated.finish(); // not close(): the caller owns out
            deflater.end();
        } else {
            DicomWriter w = new DicomWriter(out);
            w.writeDataset(dataset, ts);
            w.flush();
        }
        out.flush();
    }

    /**
     * Writes what precedes the data set in a Part 10 file: preamble (zeros), {@code DICM} and the
     * group 0002 elements of {@code fileMeta} with their group length computed (PS3.10 7.1). A data
     * set in the meta's transfer syntax written after it makes the file. Does not close {@code out}.
     */
    public static void writeHeader(OutputStream out, Dataset fileMeta) throws IOException {
        byte[] head = new byte[PREAMBLE + 4];
        head[PREAMBLE] = 'D';
        head[PREAMBLE + 1] = 'I';
        head[PREAMBLE + 2] = 'C';
        head[PREAMBLE + 3] = 'M';
        out.write(head);
        DicomWriter metaWriter = new DicomWriter(out, META_WRITER_BUFFER);
        metaWriter.setEncoding(true, false);
        metaWriter.writeGroupWithLength(fileMeta.filter(t -> Tag.group(t) == 2));
        metaWriter.flush();
    }

    /** Marks the value stream of a deflated data set, whose offsets are not file offsets. */
    private static final class InflatedValue extends java.io.FilterInputStream {
        InflatedValue(InputStream in) {
            super(in);
        }
    }
}
