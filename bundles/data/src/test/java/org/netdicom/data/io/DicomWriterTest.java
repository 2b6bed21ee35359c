package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;

class DicomWriterTest {
    private static final long UNDEFINED = 0xFFFFFFFFL;

    static byte[] write(Dataset d, TransferSyntax ts, boolean definedLengths) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter w = new DicomWriter(out).definedLengthSequences(definedLengths);
        w.writeDataset(d, ts);
        w.flush();
        return out.toByteArray();
    }

    static TransferSyntax[] syntaxes() {
        return new TransferSyntax[] {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN};
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void everyVrRoundTripsIdenticallyWithUndefinedLengthSequences(TransferSyntax ts) throws IOException {
        Dataset d = Samples.everyVr();
        Dataset back = DicomReaderTest.read(write(d, ts, false), ts);
        if (!ts.isExplicitVr()) {
            // Implicit VR cannot carry the VR of elements the dictionary does not know
            assertEquals(VR.UN, back.vr(0x00291010));
        }
        assertEquals(d, back, () -> "expected\n" + d + "but was\n" + back);
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void everyVrRoundTripsIdenticallyWithDefinedLengthSequences(TransferSyntax ts) throws IOException {
        Dataset d = Samples.everyVr();
        byte[] defined = write(d, ts, true);
        assertEquals(d, DicomReaderTest.read(defined, ts));
        // 3 item and 3 sequence delimiters fewer
        assertEquals(write(d, ts, false).length - 8 * 6, defined.length);
    }

    @Test
    void aWriterWithASmallBufferWritesTheSameBytes() throws IOException {
        Dataset d = Samples.everyVr();
        byte[] large = new byte[5001]; // longer than the small buffer, and odd: padded
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        d.setBytes(0x00291010, VR.OW, Arrays.copyOf(large, 5000));
        d.setBytes(0x00291011, VR.OB, large);
        for (TransferSyntax ts : syntaxes()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DicomWriter small = new DicomWriter(out, 64);
            small.writeDataset(d, ts);
            small.flush();
            assertArrayEquals(write(d, ts, false), out.toByteArray(), ts.toString());
        }
    }

    @Test
    void encapsulatedPixelDataRoundTripsAsFragments() throws IOException {
        Dataset d = Samples.encapsulated();
        TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        assertEquals(d, DicomReaderTest.read(write(d, ts, false), ts));
    }

    @Test
    void writesExplicitLittleEndianHeadersByteForByte() throws IOException {
        Dataset d = new Dataset();
        d.setString("Modality", "CT");
        d.setBytes(0x00291010, VR.OB, new byte[] {1, 2, 3});
        d.newSequence("ReferencedSeriesSequence").addNew();
        byte[] expected = Bytes.le()
                .shortHeader(0x00080060, "CS", 2).ascii("CT")
                .longHeader(0x00081115, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .longHeader(0x00291010, "OB", 4).raw(1, 2, 3, 0)
                .toArray();
        assertArrayEquals(expected, write(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false));
    }

    @Test
    void writesBigEndianWithSwappedBinaryAndUnswappedText() throws IOException {
        Dataset d = new Dataset();
        d.setInt("Rows", 0x0102);
        d.setInt(0x00209165, VR.AT, 0x00209056);
        d.setString("PatientID", "AB");
        byte[] expected = Bytes.be()
                .shortHeader(0x00100020, "LO", 2).ascii("AB")
                .shortHeader(0x00209165, "AT", 4).tag(0x00209056)
                .shortHeader(0x00280010, "US", 2).u16(0x0102)
                .toArray();
        assertArrayEquals(expected, write(d, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, false));
    }

    @Test
    void writesImplicitVrWithDefinedLengthItems() throws IOException {
        Dataset d = new Dataset();
        d.newSequence("ReferencedSeriesSequence").addNew().setString("SeriesInstanceUID", "1.2");
        byte[] expected = Bytes.le()
                .implicitHeader(0x00081115, 8 + 12)
                .tag(Tag.ITEM).u32(12)
                .implicitHeader(0x0020000E, 4).ascii("1.2").raw(0)
                .toArray();
        assertArrayEquals(expected, write(d, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, true));
    }

    @Test
    void leavesOutGroupLengthsOfDataSets() throws IOException {
        Dataset d = new Dataset().setLong(0x00080000, VR.UL, 1234).setString("Modality", "MR");
        byte[] expected = Bytes.le().shortHeader(0x00080060, "CS", 2).ascii("MR").toArray();
        assertArrayEquals(expected, write(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false));
    }

    @Test
    void commandSetIsImplicitLittleEndianWithComputedGroupLength() throws IOException {
        Dataset c = new Dataset();
        c.setString(0x00000002, VR.UI, "1.2.840.10008.1.1");
        c.setInt(0x00000100, VR.US, 0x0030);
        c.setInt(0x00000110, VR.US, 1);
        c.setInt(0x00000800, VR.US, 0x0101);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter w = new DicomWriter(out);
        w.writeCommand(c);
        w.flush();
        byte[] expected = Bytes.le()
                .implicitHeader(0x00000000, 4).u32(8 + 18 + 3 * 10)
                .implicitHeader(0x00000002, 18).ascii("1.2.840.10008.1.1").raw(0)
                .implicitHeader(0x00000100, 2).u16(0x0030)
                .implicitHeader(0x00000110, 2).u16(1)
                .implicitHeader(0x00000800, 2).u16(0x0101)
                .toArray();
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void refusesCommandElementsOutsideGroupZero() {
        Dataset c = new Dataset().setString("PatientID", "X");
        assertThrows(IllegalArgumentException.class, () -> new DicomWriter(new ByteArrayOutputStream()).writeCommand(c));
    }

    @Test
    void refusesValuesTooLongForA16BitLength() {
        Dataset d = new Dataset().setBytes(0x00100020, VR.LO, new byte[70000]);
        assertThrows(IllegalArgumentException.class, () -> write(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false));
    }

    @Test
    void refusesEncapsulatedPixelDataInImplicitVr() {
        assertThrows(IllegalArgumentException.class,
                () -> write(Samples.encapsulated(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, false));
    }

    @Test
    void writesLargeValuesPastTheBuffer() throws IOException {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        Dataset d = new Dataset().setBytes(Tag.PIXEL_DATA, VR.OB, big).setString("PatientID", "P");
        TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        assertEquals(d, DicomReaderTest.read(write(d, ts, false), ts));
    }
}
