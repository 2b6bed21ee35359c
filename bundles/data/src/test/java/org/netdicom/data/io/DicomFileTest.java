package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.Uids;

class DicomFileTest {

    static TransferSyntax[] syntaxes() {
        return new TransferSyntax[] {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN};
    }

    private static byte[] part10(Dataset d, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomFile.write(out, DicomFile.createFileMeta(d, ts), d, ts);
        return out.toByteArray();
    }

    @Test
    void writesPreambleDicmAndMetaGroupWithComputedLength() throws IOException {
        byte[] b = part10(Samples.everyVr(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertArrayEquals(new byte[128], Arrays.copyOf(b, 128));
        assertEquals("DICM", new String(b, 128, 4, java.nio.charset.StandardCharsets.US_ASCII));
        // (0002,0000) UL 4 <length>
        assertArrayEquals(Bytes.le().shortHeader(0x00020000, "UL", 4).toArray(), Arrays.copyOfRange(b, 132, 140));
        int groupLength = (b[140] & 0xFF) | (b[141] & 0xFF) << 8 | (b[142] & 0xFF) << 16 | (b[143] & 0xFF) << 24;
        int afterMeta = 144 + groupLength;
        // the first data set element follows the meta group exactly: (0004,1200) of the sample
        assertArrayEquals(Bytes.le().shortHeader(0x00041200, "UL", 4).toArray(), Arrays.copyOfRange(b, afterMeta, afterMeta + 8));
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void roundTripsThroughAPart10FileInEachTransferSyntax(TransferSyntax ts, @TempDir Path dir) throws IOException {
        Dataset d = Samples.everyVr();
        Path file = dir.resolve("x.dcm");
        DicomFile.write(file, d, ts);
        DicomFile f = DicomFile.read(file);
        assertEquals(ts, f.transferSyntax());
        assertEquals(d, f.dataset());
        assertEquals(Uids.IMPLEMENTATION_CLASS_UID, f.fileMeta().getString(Tag.IMPLEMENTATION_CLASS_UID));
        assertEquals("NETDICOM_010", f.fileMeta().getString(Tag.IMPLEMENTATION_VERSION_NAME));
        assertEquals("2.25.1234567890", f.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
        assertArrayEquals(new byte[] {0, 1}, f.fileMeta().getBytes(Tag.FILE_META_INFORMATION_VERSION));
    }

    @Test
    void deflatedFilesAreSmallerForRepetitiveData() throws IOException {
        Dataset d = Samples.everyVr();
        d.setString("PatientComments", "x".repeat(10_000));
        assertTrue(part10(d, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN).length
                < part10(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).length / 4);
    }

    @Test
    void encapsulatedPixelDataSurvivesAPart10File() throws IOException {
        Dataset d = Samples.encapsulated();
        TransferSyntax jpeg = org.netdicom.data.dict.UidRegistry.transferSyntax("1.2.840.10008.1.2.4.50");
        DicomFile f = DicomFile.read(new ByteArrayInputStream(part10(d, jpeg)), false);
        assertEquals(jpeg, f.transferSyntax());
        assertEquals(d, f.dataset());
    }

    @Test
    void readsFilesWithoutPreambleThatStartWithTheMetaGroup() throws IOException {
        byte[] b = part10(Samples.everyVr(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DicomFile f = DicomFile.read(new ByteArrayInputStream(Arrays.copyOfRange(b, 132, b.length)), false);
        assertEquals(Samples.everyVr(), f.dataset());
    }

    @Test
    void readsBareDataSetsOnlyWhenAsked() throws IOException {
        for (TransferSyntax ts : new TransferSyntax[] {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN}) {
            byte[] bare = DicomWriterTest.write(Samples.everyVr(), ts, false);
            assertThrows(DicomFormatException.class, () -> DicomFile.read(new ByteArrayInputStream(bare), false));
            DicomFile f = DicomFile.read(new ByteArrayInputStream(bare), true);
            assertEquals(ts, f.transferSyntax());
            assertEquals(Samples.everyVr(), f.dataset());
            assertTrue(f.fileMeta().isEmpty());
        }
    }

    @Test
    void headerOnlyParseStopsBeforePixelDataWithoutReadingIt() throws IOException {
        Dataset d = Samples.everyVr();
        d.setBytes(Tag.PIXEL_DATA, org.netdicom.data.VR.OW, new byte[4 * 1024 * 1024]);
        byte[] b = part10(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        int[] read = {0};
        InputStream counting = new java.io.FilterInputStream(new ByteArrayInputStream(b)) {
            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, Math.min(len, 16)); // small reads to observe the stop
                read[0] += Math.max(n, 0);
                return n;
            }
        };
        DicomFile f = DicomFile.read(counting, false, Tag.PIXEL_DATA);
        assertFalse(f.dataset().contains(Tag.PIXEL_DATA));
        assertEquals(d.filter(t -> t != Tag.PIXEL_DATA), f.dataset());
        // the reader buffers 64 KiB at most ahead; the 4 MiB of pixel data stay unread
        assertTrue(read[0] <= 64 * 1024 + 1024, "read " + read[0] + " of " + b.length);
    }

    @Test
    void rejectsStreamsWithoutDicmUnlessBare() {
        byte[] junk = new byte[300];
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> DicomFile.read(new ByteArrayInputStream(junk), false));
        assertEquals(128, e.offset());
    }

    @Test
    void requiresSopClassAndInstanceForFileMeta() {
        assertThrows(IllegalArgumentException.class,
                () -> DicomFile.createFileMeta(new Dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void truncatedMetaGroupFailsWithOffset() throws IOException {
        byte[] b = part10(Samples.everyVr(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> DicomFile.read(new ByteArrayInputStream(Arrays.copyOf(b, 150)), false));
        assertTrue(e.offset() >= 144, e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void readingFromAnArrayGivesWhatReadingFromAStreamGivesAndLeavesTheArrayAlone(TransferSyntax ts) throws IOException {
        Dataset d = Samples.everyVr();
        byte[] b = part10(d, ts);
        byte[] copy = b.clone();
        DicomFile fromArray = DicomFile.read(b, ReadOptions.DEFAULT);
        assertEquals(DicomFile.read(new ByteArrayInputStream(b), false), fromArray);
        assertEquals(d, fromArray.dataset());
        assertArrayEquals(copy, b);
    }

    @Test
    void anArrayCutShortFailsAtTheSameOffsetAsAStreamCutShort() throws IOException {
        byte[] b = part10(Samples.everyVr(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        for (int cut : new int[] {150, b.length / 2, b.length - 1}) {
            byte[] shortened = Arrays.copyOf(b, cut);
            DicomFormatException fromStream = assertThrows(DicomFormatException.class,
                    () -> DicomFile.read(new ByteArrayInputStream(shortened), false));
            DicomFormatException fromArray = assertThrows(DicomFormatException.class,
                    () -> DicomFile.read(shortened, ReadOptions.DEFAULT));
            assertEquals(fromStream.offset(), fromArray.offset(), fromArray.getMessage());
        }
    }

    @Test
    void aReaderOverPartOfAnArrayCountsOffsetsFromItsStart() throws IOException {
        Dataset d = Samples.everyVr();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter w = new DicomWriter(out);
        w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        w.flush();
        byte[] body = out.toByteArray();
        byte[] padded = new byte[body.length + 20];
        System.arraycopy(body, 0, padded, 7, body.length);
        DicomReader r = new DicomReader(padded, 7, body.length);
        assertEquals(d, r.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertEquals(body.length, r.offset());
    }
}
