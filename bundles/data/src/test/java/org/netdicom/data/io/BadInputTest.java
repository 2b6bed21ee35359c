package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;

class BadInputTest {
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final TransferSyntax IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;

    private static DicomFormatException fails(byte[] b, TransferSyntax ts) {
        return assertThrows(DicomFormatException.class, () -> DicomReaderTest.read(b, ts));
    }

    @Test
    void truncatedHeaderReportsItsOffset() {
        byte[] b = Bytes.le().shortHeader(0x00080060, "CS", 2).ascii("CT").tag(0x00100010).raw('P').toArray();
        DicomFormatException e = fails(b, EXPLICIT);
        assertEquals(10, e.offset());
        assertTrue(e.getMessage().contains("element header"), e.getMessage());
    }

    @Test
    void valueLengthPastTheEndOfTheStreamFails() {
        byte[] b = Bytes.le().shortHeader(0x00100010, "PN", 20).ascii("Doe").toArray();
        DicomFormatException e = fails(b, EXPLICIT);
        assertTrue(e.getMessage().contains("stream ends inside value of (0010,0010)"), e.getMessage());
        assertEquals(11, e.offset());
    }

    @Test
    void hugeLengthOnNonSequenceElementFailsWithoutAllocating() {
        byte[] b = Bytes.le().implicitHeader(0x00100010, 0xFFFFFFF0L).ascii("Doe^").toArray();
        DicomFormatException e = fails(b, IMPLICIT);
        assertTrue(e.getMessage().contains("exceeds the maximum"), e.getMessage());
        assertEquals(0, e.offset());
    }

    @Test
    void lengthJustBelowTheArrayLimitOnATruncatedStreamFailsWithoutOutOfMemory() {
        byte[] b = Bytes.le().longHeader(0x7FE00010, "OB", 0x7FFFFFF0L).raw(1, 2, 3, 4).toArray();
        DicomFormatException e = fails(b, EXPLICIT);
        assertTrue(e.getMessage().contains("has only 4"), e.getMessage());
    }

    @Test
    void configuredMaximumValueLengthIsEnforced() {
        byte[] b = Bytes.le().longHeader(0x00291010, "OB", 1024).raw(new int[1024]).toArray();
        assertThrows(DicomFormatException.class, () -> new DicomReader(new ByteArrayInputStream(b))
                .maxValueLength(512).readDataset(EXPLICIT));
    }

    @Test
    void undefinedLengthOnAStringElementFails() {
        byte[] b = Bytes.le().implicitHeader(0x00100010, UNDEFINED).toArray();
        DicomFormatException e = fails(b, IMPLICIT);
        assertTrue(e.getMessage().contains("undefined length on (0010,0010)"), e.getMessage());
    }

    @Test
    void elementLongerThanItsItemFails() {
        byte[] b = Bytes.le()
                .longHeader(0x00081115, "SQ", 8 + 10)
                .tag(Tag.ITEM).u32(10)
                .shortHeader(0x0020000E, "UI", 8).ascii("1.2.3.4\0")
                .toArray();
        DicomFormatException e = fails(b, EXPLICIT);
        assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());
    }

    @Test
    void itemLongerThanItsSequenceFails() {
        byte[] b = Bytes.le()
                .longHeader(0x00081115, "SQ", 8)
                .tag(Tag.ITEM).u32(100)
                .toArray();
        fails(b, EXPLICIT);
    }

    @Test
    void itemWithoutDelimiterAtEndOfStreamFails() {
        byte[] b = Bytes.le()
                .longHeader(0x00081115, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .shortHeader(0x00100020, "LO", 2).ascii("P1")
                .toArray();
        DicomFormatException e = fails(b, EXPLICIT);
        assertTrue(e.getMessage().contains("stream ends"), e.getMessage());
    }

    @Test
    void sequenceWithoutItemTagFails() {
        byte[] b = Bytes.le()
                .longHeader(0x00081115, "SQ", UNDEFINED)
                .shortHeader(0x00100020, "LO", 2).ascii("P1")
                .toArray();
        DicomFormatException e = fails(b, EXPLICIT);
        assertTrue(e.getMessage().contains("expected an item"), e.getMessage());
        assertEquals(12, e.offset());
    }

    @Test
    void delimiterOutsideAnyItemFails() {
        byte[] b = Bytes.le().tag(Tag.ITEM_DELIMITATION_ITEM).u32(0).toArray();
        fails(b, EXPLICIT);
    }

    @Test
    void invalidVrBytesFail() {
        byte[] b = Bytes.le().tag(0x00100010).ascii("zz").u16(0).toArray();
        DicomFormatException e = fails(b, EXPLICIT);
        assertTrue(e.getMessage().contains("invalid VR"), e.getMessage());
    }

    @Test
    void absurdNestingDepthFailsInsteadOfOverflowingTheStack() {
        Bytes b = Bytes.le();
        for (int i = 0; i < 1000; i++) {
            b.longHeader(0x0040A730, "SQ", UNDEFINED).tag(Tag.ITEM).u32(UNDEFINED);
        }
        DicomFormatException e = fails(b.toArray(), EXPLICIT);
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void fragmentWithUndefinedLengthFails() {
        byte[] b = Bytes.le()
                .longHeader(Tag.PIXEL_DATA, "OB", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .toArray();
        fails(b, EXPLICIT);
    }

    @Test
    void randomCorruptionNeverHangsAndOnlyFailsWithFormatException() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Dataset d = Samples.everyVr();
        DicomWriter w = new DicomWriter(out);
        w.writeDataset(d, EXPLICIT);
        w.flush();
        byte[] good = out.toByteArray();
        Random random = new Random(42); // seeded: failures are reproducible
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < 5000; round++) {
                byte[] bad = Arrays.copyOf(good, random.nextInt(good.length + 1));
                for (int k = random.nextInt(4); k >= 0 && bad.length > 0; k--) {
                    bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
                }
                try {
                    DicomReaderTest.read(bad, random.nextBoolean() ? EXPLICIT : IMPLICIT);
                } catch (DicomFormatException expected) {
                    // the only acceptable failure
                }
            }
        });
    }

    @Test
    void corruptDeflatedDataSetFailsWithFormatException() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Dataset d = Samples.everyVr();
        d.setString("SOPClassUID", "1.2.3").setString("SOPInstanceUID", "1.2.3.4");
        TransferSyntax ts = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
        DicomFile.write(out, DicomFile.createFileMeta(d, ts), d, ts);
        byte[] b = out.toByteArray();
        for (int i = b.length - 20; i < b.length; i++) {
            b[i] ^= 0x5A;
        }
        InputStream in = new ByteArrayInputStream(b);
        assertThrows(DicomFormatException.class, () -> DicomFile.read(in, false));
    }
}
