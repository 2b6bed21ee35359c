package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.netdicom.data.Dataset;
import org.netdicom.data.Fragments;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;

class DicomReaderTest {
    private static final long UNDEFINED = 0xFFFFFFFFL;

    static Dataset read(byte[] bytes, TransferSyntax ts) throws IOException {
        return new DicomReader(new ByteArrayInputStream(bytes)).readDataset(ts);
    }

    @Test
    void readsImplicitVrLittleEndianTakingVrsFromTheDictionary() throws IOException {
        byte[] b = Bytes.le()
                .implicitHeader(0x00100010, 8).ascii("Doe^John")
                .implicitHeader(0x00280010, 2).u16(512)
                .implicitHeader(0x00291010, 2).raw(1, 2)
                .toArray();
        Dataset d = read(b, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertEquals(VR.PN, d.vr(0x00100010));
        assertEquals("Doe^John", d.getString(0x00100010));
        assertEquals(VR.US, d.vr(0x00280010));
        assertEquals(512, d.getInt(0x00280010, 0));
        assertEquals(VR.UN, d.vr(0x00291010), "unknown private data decodes as UN");
    }

    @Test
    void readsExplicitVrLittleEndianWithShortAndLongHeaders() throws IOException {
        byte[] b = Bytes.le()
                .shortHeader(0x00080060, "CS", 2).ascii("CT")
                .shortHeader(0x00280010, "US", 2).u16(256)
                .longHeader(0x00291010, "OB", 3).raw(7, 8, 9)
                .longHeader(0x0040A160, "UT", 4).ascii("text")
                .toArray();
        Dataset d = read(b, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("CT", d.getString(0x00080060));
        assertEquals(256, d.getInt(0x00280010, 0));
        assertArrayEquals(new byte[] {7, 8, 9}, d.getBytes(0x00291010), "odd lengths are accepted");
        assertEquals("text", d.getString(0x0040A160));
    }

    @Test
    void readsExplicitVrBigEndianAndSwapsBinaryValuesToLittleEndian() throws IOException {
        byte[] b = Bytes.be()
                .shortHeader(0x00280010, "US", 4).u16(512).u16(1)
                .shortHeader(0x00180088, "FL", 4).u32(Float.floatToIntBits(2.5f))
                .shortHeader(0x00209165, "AT", 4).tag(0x00209056)
                .longHeader(0x7FE00010, "OW", 4).u16(0x0102).u16(0x0304)
                .shortHeader(0x00100010, "PN", 4).ascii("A^B ")
                .toArray();
        Dataset d = read(b, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        assertArrayEquals(new int[] {512, 1}, d.getInts(0x00280010));
        assertEquals(2.5, d.getDouble(0x00180088, 0));
        assertEquals(0x00209056, d.getInt(0x00209165, 0));
        assertArrayEquals(new byte[] {2, 1, 4, 3}, d.getBytes(0x7FE00010));
        assertEquals("A^B", d.getString(0x00100010));
    }

    @Test
    void readsNestedSequencesOfUndefinedLength() throws IOException {
        byte[] b = Bytes.le()
                .longHeader(0x0040A730, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .shortHeader(0x0040A010, "CS", 8).ascii("CONTAINS")
                .longHeader(0x0040A730, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .shortHeader(0x0040A040, "CS", 4).ascii("TEXT")
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .shortHeader(0x0040A050, "CS", 8).ascii("SEPARATE")
                .toArray();
        Dataset d = read(b, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dataset outer = d.getSequence(0x0040A730).get(0);
        assertEquals("CONTAINS", outer.getString(0x0040A010));
        assertEquals("TEXT", outer.getSequence(0x0040A730).get(0).getString(0x0040A040));
        assertEquals("SEPARATE", d.getString(0x0040A050));
    }

    @Test
    void readsSequencesAndItemsOfDefinedLengthInImplicitVr() throws IOException {
        byte[] item = Bytes.le().implicitHeader(0x0020000E, 4).ascii("1.2\0").toArray();
        byte[] b = Bytes.le()
                .implicitHeader(0x00081115, 8 + item.length + 8)
                .tag(Tag.ITEM).u32(item.length).raw(toInts(item))
                .tag(Tag.ITEM).u32(0)
                .implicitHeader(0x00100020, 2).ascii("P1")
                .toArray();
        Dataset d = read(b, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        Sequence s = d.getSequence(0x00081115);
        assertEquals(2, s.size());
        assertEquals("1.2", s.get(0).getString(0x0020000E));
        assertTrue(s.get(1).isEmpty(), "an empty item stays an item");
        assertEquals("P1", d.getString(0x00100020));
    }

    @Test
    void readsEmptySequencesOfBothLengthKinds() throws IOException {
        byte[] b = Bytes.le()
                .longHeader(0x00081115, "SQ", 0)
                .longHeader(0x00081140, "SQ", UNDEFINED).tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .toArray();
        Dataset d = read(b, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals(0, d.getSequence(0x00081115).size());
        assertEquals(0, d.getSequence(0x00081140).size());
    }

    @Test
    void readsUnknownSequenceOfUndefinedLengthInImplicitVrAsSequence() throws IOException {
        byte[] b = Bytes.le()
                .implicitHeader(0x00291020, UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .implicitHeader(0x00100020, 2).ascii("P1")
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .toArray();
        Dataset d = read(b, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("P1", d.getSequence(0x00291020).get(0).getString(0x00100020));
    }

    @Test
    void readsExplicitUnOfUndefinedLengthAsImplicitLittleEndianSequence() throws IOException {
        byte[] b = Bytes.be()
                .longHeader(0x00291020, "UN", UNDEFINED)
                .toArray();
        byte[] rest = Bytes.le()
                .tag(Tag.ITEM).u32(UNDEFINED)
                .implicitHeader(0x00280010, 2).u16(300)
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .toArray();
        byte[] after = Bytes.be().shortHeader(0x00291030, "US", 2).u16(7).toArray();
        Dataset d = read(concat(b, rest, after), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        assertEquals(300, d.getSequence(0x00291020).get(0).getInt(0x00280010, 0));
        assertEquals(7, d.getInt(0x00291030, 0), "big endian resumes after the UN sequence");
    }

    @Test
    void keepsEncapsulatedPixelDataAsFragments() throws IOException {
        byte[] b = Bytes.le()
                .longHeader(Tag.PIXEL_DATA, "OB", UNDEFINED)
                .tag(Tag.ITEM).u32(4).u32(0)
                .tag(Tag.ITEM).u32(4).raw(0xFF, 0xD8, 0xFF, 0xD9)
                .tag(Tag.ITEM).u32(2).raw(1, 2)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .toArray();
        Dataset d = read(b, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Fragments f = d.getFragments(Tag.PIXEL_DATA);
        assertNotNull(f);
        assertArrayEquals(new byte[4], f.offsetTable());
        assertEquals(2, f.size());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, f.get(0));
        assertArrayEquals(new byte[] {1, 2}, f.get(1));
    }

    @Test
    void stopsBeforeTheGivenTagWithoutReadingIt() throws IOException {
        byte[] b = Bytes.le()
                .shortHeader(0x00280010, "US", 2).u16(2)
                .longHeader(Tag.PIXEL_DATA, "OW", 1_000_000)
                .toArray(); // the pixel data value is not even there
        DicomReader r = new DicomReader(new ByteArrayInputStream(b)).stopBefore(Tag.PIXEL_DATA);
        Dataset d = r.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertTrue(r.stopped());
        assertEquals(1, d.size());
        assertEquals(10, r.offset());
    }

    static int[] toInts(byte[] b) {
        int[] r = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[i] & 0xFF;
        }
        return r;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] r = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, r, at, p.length);
            at += p.length;
        }
        return r;
    }
}
