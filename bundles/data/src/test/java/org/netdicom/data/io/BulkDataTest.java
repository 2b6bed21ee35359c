package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netdicom.data.BulkData;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;

class BulkDataTest {
    private static final int PIXELS = 10_001; // odd number of bytes for OB below, 2 * PIXELS for OW

    static TransferSyntax[] syntaxes() {
        return DicomFileTest.syntaxes();
    }

    /** A small instance with OW pixel data, an odd-length OB value and a bulk value inside an item. */
    private static Dataset instance() {
        Dataset d = Samples.everyVr();
        long[] px = new long[PIXELS];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 37) & 0xFFFF;
        }
        d.setLong(Tag.PIXEL_DATA, VR.OW, px);
        byte[] ob = new byte[PIXELS];
        for (int i = 0; i < ob.length; i++) {
            ob[i] = (byte) (i * 13);
        }
        d.setBytes(0x00420011, VR.OB, ob);
        d.getSequence("ReferencedSeriesSequence").get(0).setDouble(0x00640009, VR.OF, new double[PIXELS / 4]);
        return d;
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void keepsLargeValuesOnDiskAndWritesTheSameFileBack(TransferSyntax ts, @TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.dcm");
        DicomFile.write(in, instance(), ts);
        DicomFile f = DicomFile.read(in, 1024);
        BulkData pixels = f.dataset().getBulkData(Tag.PIXEL_DATA);
        assertNotNull(pixels);
        assertEquals(2L * PIXELS, pixels.length());
        assertNull(f.dataset().getBytes(Tag.PIXEL_DATA));
        assertNotNull(f.dataset().getSequence("ReferencedSeriesSequence").get(0).getBulkData(0x00640009));
        // a deflated data set has no file offsets to refer to: its values are spooled to temporary files
        assertEquals(!ts.isDeflated(), in.equals(pixels.file()));

        Path out = dir.resolve("out.dcm");
        DicomFile.write(out, f.dataset(), ts);
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
        assertEquals(DicomFile.read(in).dataset(), DicomFile.read(out).dataset());
        if (ts.isDeflated()) { // spooled copies belong to the caller
            Files.delete(pixels.file());
            Files.delete(f.dataset().getBulkData(0x00420011).file());
            Files.delete(f.dataset().getSequence("ReferencedSeriesSequence").get(0).getBulkData(0x00640009).file());
        }
    }

    @Test
    void bigEndianBulkValuesAreSwappedWhileStreamingToLittleEndian(@TempDir Path dir) throws IOException {
        Path be = dir.resolve("be.dcm");
        DicomFile.write(be, instance(), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        Dataset d = DicomFile.read(be, 1024).dataset();
        assertTrue(d.getBulkData(Tag.PIXEL_DATA).bigEndian());
        assertEquals(false, d.getBulkData(0x00420011).bigEndian()); // OB has no byte order

        Path le = dir.resolve("le.dcm");
        DicomFile.write(le, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path expected = dir.resolve("expected.dcm");
        DicomFile.write(expected, instance(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(le));
        assertArrayEquals(instance().getBytes(Tag.PIXEL_DATA), d.getBulkData(Tag.PIXEL_DATA).toBytes(VR.OW));
    }

    @Test
    void sinkMayReadPartOfAValueAndTheReaderSkipsTheRest() throws IOException {
        Dataset src = instance();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DicomWriter w = new DicomWriter(buf);
        w.writeDataset(src, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        w.flush();
        byte[] encoded = buf.toByteArray();
        List<String> seen = new ArrayList<>();
        // a non-seeking stream of 1-byte reads: skipping must read and discard
        InputStream trickle = new InputStream() {
            private int i;

            @Override
            public int read() {
                return i < encoded.length ? encoded[i++] & 0xFF : -1;
            }
        };
        Dataset d = new DicomReader(trickle).bulkData(4096, (tag, vr, offset, length, big, value) -> {
            byte[] head = value.readNBytes(3);
            seen.add(Tag.toString(tag) + " " + vr + " " + length + " " + Arrays.toString(head)
                    + " " + Arrays.equals(head, Arrays.copyOfRange(encoded, (int) offset, (int) offset + 3)));
            return null; // leave the element out
        }).readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals(List.of("(0064,0009) OF 10000 [0, 0, 0] true", "(0042,0011) OB 10002 [0, 13, 26] true", "(7FE0,0010) OW 20002 [0, 0, 37] true"), seen);
        assertNull(d.element(Tag.PIXEL_DATA));
        assertEquals(src.getString("PatientName"), d.getString("PatientName"));
        assertEquals(src.getSequence("OtherPatientIDsSequence"), d.getSequence("OtherPatientIDsSequence"));
    }

    @Test
    void referenceToATruncatedFileFailsWithItsOffset(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.dcm");
        DicomFile.write(in, instance(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] b = Files.readAllBytes(in);
        Files.write(in, Arrays.copyOf(b, b.length - 100));
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> DicomFile.read(in, 1024));
        assertTrue(e.getMessage().contains("(7FE0,0010)"), e.getMessage());
        assertEquals(b.length - 2L * PIXELS, e.offset());
    }

    @Test
    void truncatedStreamInsideASkippedValueFails() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DicomWriter w = new DicomWriter(buf);
        w.writeDataset(instance(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        w.flush();
        byte[] b = Arrays.copyOf(buf.toByteArray(), buf.size() - 7);
        DicomReader r = new DicomReader(new ByteArrayInputStream(b)).bulkData(1024, (t, v, o, l, big, in) -> null);
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> r.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertTrue(e.getMessage().contains("stream ends inside value of (7FE0,0010)"), e.getMessage());
    }

    @Test
    void streamSourceWithTooFewBytesFailsTheWrite() {
        Dataset d = new Dataset();
        d.setBulkData(Tag.PIXEL_DATA, VR.OW, BulkData.ofSource(() -> new ByteArrayInputStream(new byte[10]), 12, false));
        IOException e = assertThrows(IOException.class,
                () -> new DicomWriter(new ByteArrayOutputStream()).writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertTrue(e.getMessage().contains("ended after 10 of 12 bytes"), e.getMessage());
    }

    @Test
    void dumpShowsBulkValuesAsNotLoaded() {
        Dataset d = new Dataset();
        d.setBulkData(Tag.PIXEL_DATA, VR.OW, BulkData.ofFile(Path.of("x.dcm"), 1000, 524288, false));
        assertEquals("(7fe0,0010) OW (not loaded)  # 524288, 1 PixelData\n", d.toString());
    }
}
