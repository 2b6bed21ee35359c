package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;

/** Lenient (default) and strict reading; clear failures for deflate garbage and missing delimiters. */
class StrictModeTest {
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    private static Dataset lenient(byte[] b) throws IOException {
        return new DicomReader(new ByteArrayInputStream(b)).readDataset(EXPLICIT);
    }

    private static DicomFormatException strictFails(byte[] b) {
        return assertThrows(DicomFormatException.class,
                () -> new DicomReader(new ByteArrayInputStream(b)).strict(true).readDataset(EXPLICIT));
    }

    @Test
    void oddValueLengthIsReadLenientlyAndRejectedStrictlyAtItsHeader() throws IOException {
        byte[] b = Bytes.le()
                .shortHeader(0x00100010, "PN", 4).ascii("Doe^")
                .shortHeader(0x00100020, "LO", 3).ascii("P01")
                .toArray();
        assertEquals("P01", lenient(b).getString(0x00100020));
        DicomFormatException e = strictFails(b);
        assertEquals(12, e.offset());
        assertTrue(e.getMessage().contains("odd value length 3 of (0010,0020)"), e.getMessage());
    }

    @Test
    void wrongVrForAKnownTagIsReadLenientlyAndRejectedStrictly() throws IOException {
        byte[] b = Bytes.le()
                .shortHeader(0x00100020, "LO", 4).ascii("P001")
                .shortHeader(0x00280010, "SS", 2).u16(512) // Rows is US
                .toArray();
        assertEquals(512, lenient(b).getInt(0x00280010, 0));
        assertEquals(VR.SS, lenient(b).vr(0x00280010));
        DicomFormatException e = strictFails(b);
        assertEquals(12, e.offset());
        assertTrue(e.getMessage().contains("VR SS of (0028,0010) Rows is not its dictionary VR [US]"), e.getMessage());
    }

    @Test
    void strictModeAcceptsEveryListedVrUnAndPrivateElements() throws IOException {
        byte[] b = Bytes.le()
                .longHeader(0x00100010, "UN", 4).ascii("Doe^") // UN: VR not known to the sender
                .shortHeader(0x00280106, "SS", 2).u16(0xFFF0) // US or SS
                .shortHeader(0x00290010, "LO", 4).ascii("ACME")
                .shortHeader(0x00291001, "FD", 8).u32(0).u32(0) // private: any VR
                .longHeader(Tag.PIXEL_DATA, "OB", 2).u16(0) // OB or OW
                .toArray();
        Dataset d = new DicomReader(new ByteArrayInputStream(b)).strict(true).readDataset(EXPLICIT);
        assertEquals(5, d.size());
    }

    @ParameterizedTest
    @MethodSource("org.netdicom.data.io.DicomFileTest#syntaxes")
    void ourOwnFilesPassStrictMode(TransferSyntax ts) throws IOException {
        Dataset d = Samples.everyVr();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomFile.write(out, DicomFile.createFileMeta(d, ts), d, ts);
        DicomFile f = DicomFile.read(new ByteArrayInputStream(out.toByteArray()), ReadOptions.DEFAULT.strict(true));
        assertEquals(d, f.dataset());
    }

    @Test
    void oddItemLengthIsRejectedStrictly() {
        byte[] body = Bytes.le()
                .longHeader(0x00081115, "SQ", 8 + 4)
                .tag(Tag.ITEM).u32(3).raw(1, 2, 3, 4)
                .toArray();
        DicomFormatException e = strictFails(body);
        assertEquals(12, e.offset());
        assertTrue(e.getMessage().contains("odd item length 3"), e.getMessage());
    }

    @Test
    void undefinedLengthSequenceCutOffSaysWhichDelimiterIsMissing() {
        byte[] b = Bytes.le()
                .longHeader(0x00081115, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(20)
                .shortHeader(0x0020000E, "UI", 12).ascii("1.2.3.4.5.6")
                .raw(0)
                .toArray();
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> lenient(b));
        assertEquals(b.length, e.offset());
        assertTrue(e.getMessage().contains("sequence (0008,1115) of undefined length: no sequence delimitation item"),
                e.getMessage());
    }

    @Test
    void undefinedLengthItemCutOffSaysWhichDelimiterIsMissing() {
        byte[] b = Bytes.le()
                .longHeader(0x00081115, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .shortHeader(0x0020000E, "UI", 12).ascii("1.2.3.4.5.6").raw(0)
                .toArray();
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> lenient(b));
        assertEquals(b.length, e.offset());
        assertTrue(e.getMessage().contains("no item delimitation item (FFFE,E00D)"), e.getMessage());
    }

    private static byte[] deflatedFile() throws IOException {
        Dataset d = Samples.everyVr();
        TransferSyntax ts = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomFile.write(out, DicomFile.createFileMeta(d, ts), d, ts);
        return out.toByteArray();
    }

    private static int metaEnd(byte[] file) {
        int groupLength = file[140] & 0xFF | (file[141] & 0xFF) << 8; // (0002,0000) UL value at 140
        return 144 + groupLength;
    }

    @Test
    void deflateGarbageFailsWithFormatException() throws IOException {
        byte[] file = deflatedFile();
        int body = metaEnd(file);
        for (int seed = 0; seed < 32; seed++) {
            byte[] garbage = Arrays.copyOf(file, file.length);
            Random random = new Random(seed);
            for (int i = body; i < garbage.length; i++) {
                garbage[i] = (byte) random.nextInt();
            }
            assertThrows(DicomFormatException.class, () -> DicomFile.read(new ByteArrayInputStream(garbage), false));
        }
        byte[] badBlockType = Arrays.copyOf(file, file.length);
        badBlockType[body] = 0x07; // final block, BTYPE 11: reserved (RFC 1951 3.2.3)
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> DicomFile.read(new ByteArrayInputStream(badBlockType), false));
        assertTrue(e.getMessage().contains("deflated data set is corrupt"), e.getMessage());
    }

    @Test
    void truncatedDeflateStreamFailsWithFormatException() throws IOException {
        byte[] file = deflatedFile();
        int body = metaEnd(file);
        byte[] cut = Arrays.copyOf(file, body + (file.length - body) / 2);
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> DicomFile.read(new ByteArrayInputStream(cut), false));
        assertTrue(e.getMessage().contains("deflated data set is corrupt"), e.getMessage());
    }
}
