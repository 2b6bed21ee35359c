package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netdicom.data.Dataset;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;

class TranscoderTest {
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final TransferSyntax IL = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    private static final TransferSyntax EL = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final TransferSyntax ELD = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
    private static final TransferSyntax EB = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
    private static final TransferSyntax JPEG = UidRegistry.transferSyntax("1.2.840.10008.1.2.4.50");

    static List<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (TransferSyntax from : new TransferSyntax[] {IL, EL, ELD, EB}) {
            for (TransferSyntax to : new TransferSyntax[] {IL, EL, ELD, EB}) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs;
    }

    static List<Arguments> conversions() {
        return pairs().stream().filter(a -> !a.get()[0].equals(a.get()[1])).toList();
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The data set as DicomWriter encodes it: the reference the transcoder's output is held to. */
    static byte[] encode(Dataset d, TransferSyntax ts, boolean definedLengths) throws IOException {
        byte[] plain = DicomWriterTest.write(d, ts.isDeflated() ? EL : ts, definedLengths);
        return ts.isDeflated() ? deflate(plain) : plain;
    }

    static byte[] encode(Dataset d, TransferSyntax ts) throws IOException {
        return encode(d, ts, false);
    }

    static byte[] transcode(byte[] in, TransferSyntax from, TransferSyntax to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Transcoder.transcode(new ByteArrayInputStream(in), from, out, to);
        return out.toByteArray();
    }

    /** Reads the converted stream {@code chunk} bytes at a time, as a PDU sender would. */
    static byte[] pull(InputStream in, TransferSyntax from, TransferSyntax to, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream converted = Transcoder.transcoding(in, from, to)) {
            byte[] b = new byte[chunk];
            for (int r; (r = converted.read(b, 0, chunk)) >= 0; ) {
                out.write(b, 0, r);
            }
        }
        return out.toByteArray();
    }

    static byte[] plain(byte[] encoded, TransferSyntax ts) throws IOException {
        return ts.isDeflated() ? new InflaterInputStream(new ByteArrayInputStream(encoded), new Inflater(true)).readAllBytes()
                : encoded;
    }

    static Dataset decode(byte[] encoded, TransferSyntax ts) throws IOException {
        return DicomReaderTest.read(plain(encoded, ts), ts.isDeflated() ? EL : ts);
    }

    static byte[] deflate(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
            d.write(b);
        }
        deflater.end();
        return out.toByteArray();
    }

    // ---- every pair of syntaxes --------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("pairs")
    void convertsEveryVrToWhatTheWriterMakesOfTheSameDataSet(TransferSyntax from, TransferSyntax to) throws IOException {
        Dataset d = Samples.everyVr();
        byte[] out = transcode(encode(d, from), from, to);
        Dataset back = decode(out, to);
        assertEquals(d, back, () -> "expected\n" + d + "but was\n" + back);
        assertArrayEquals(plain(encode(d, to), to), plain(out, to));
    }

    @ParameterizedTest
    @MethodSource("conversions")
    void definedLengthSequencesComeOutWithUndefinedLength(TransferSyntax from, TransferSyntax to) throws IOException {
        Dataset d = Samples.everyVr();
        byte[] definedIn = encode(d, from, true);
        assertTrue(plain(definedIn, from).length < plain(encode(d, from), from).length, "fixture has defined lengths");
        assertArrayEquals(plain(encode(d, to), to), plain(transcode(definedIn, from, to), to));
    }

    @ParameterizedTest
    @MethodSource("conversions")
    void pullModelGivesThePushModelsBytesInAnyReadSize(TransferSyntax from, TransferSyntax to) throws IOException {
        byte[] in = encode(Samples.everyVr(), from);
        byte[] pushed = transcode(in, from, to);
        for (int chunk : new int[] {1, 3, 7, 8192}) {
            assertArrayEquals(plain(pushed, to), plain(pull(new ByteArrayInputStream(in), from, to, chunk), to),
                    "reads of " + chunk);
        }
        InputStream single = Transcoder.transcoding(new ByteArrayInputStream(in), from, to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b; (b = single.read()) >= 0; ) {
            out.write(b);
        }
        assertArrayEquals(plain(pushed, to), plain(out.toByteArray(), to));
    }

    @Test
    void sameSyntaxIsTheInputStreamItselfAndAPlainCopy() throws IOException {
        InputStream in = new ByteArrayInputStream(new byte[0]);
        assertSame(in, Transcoder.transcoding(in, EB, EB));
        byte[] definedLengths = encode(Samples.everyVr(), EL, true);
        assertArrayEquals(definedLengths, transcode(definedLengths, EL, EL));
    }

    // ---- sequences ---------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("conversions")
    void convertsSequencesNestedFortyDeepOfDefinedAndUndefinedLength(TransferSyntax from, TransferSyntax to)
            throws IOException {
        Dataset d = new Dataset();
        Dataset at = d;
        for (int depth = 0; depth < 40; depth++) {
            Sequence s = at.newSequence("ReferencedSeriesSequence");
            s.addNew().setString("SeriesInstanceUID", "1.2." + depth);
            at = s.addNew();
            at.setInt("Rows", depth);
            at.setDouble(0x00640009, VR.OF, depth + 0.5);
        }
        for (boolean defined : new boolean[] {false, true}) {
            byte[] out = transcode(encode(d, from, defined), from, to);
            assertEquals(d, decode(out, to));
            assertArrayEquals(plain(encode(d, to), to), plain(out, to));
        }
    }

    @Test
    void sequencesNestedDeeperThanSixtyFourFail() throws IOException {
        Dataset d = new Dataset();
        Dataset at = d;
        for (int depth = 0; depth < 65; depth++) {
            at = at.newSequence("ReferencedSeriesSequence").addNew();
        }
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> transcode(encode(d, EL), EL, IL));
        assertTrue(e.getMessage().contains("deeper than 64"), e.getMessage());
    }

    @Test
    void mixesDefinedLengthItemsInUndefinedLengthSequencesAndBack() throws IOException {
        byte[] item = Bytes.le().shortHeader(0x0020000E, "UI", 4).ascii("1.2").raw(0).toArray();
        byte[] in = Bytes.le()
                .longHeader(0x00081115, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(item.length).raw(toInts(item))
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .longHeader(0x00081140, "SQ", 16 + 8)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .shortHeader(0x00081155, "UI", 0)
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .toArray();
        byte[] expected = Bytes.be()
                .longHeader(0x00081115, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .shortHeader(0x0020000E, "UI", 4).ascii("1.2").raw(0)
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .longHeader(0x00081140, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .shortHeader(0x00081155, "UI", 0)
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .toArray();
        assertArrayEquals(expected, transcode(in, EL, EB));
    }

    private static int[] toInts(byte[] b) {
        int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] & 0xFF;
        }
        return v;
    }

    // ---- byte order --------------------------------------------------------------------------

    @Test
    void bigEndianSwapsBinaryUnitsButNotTextObOrUn() throws IOException {
        byte[] little = Bytes.le()
                .shortHeader(0x00080060, "CS", 2).ascii("CT")
                .shortHeader(0x00209165, "AT", 4).u16(0x0020).u16(0x9056)
                .shortHeader(0x00280010, "US", 4).u16(0x0102).u16(0x0304)
                .longHeader(0x00291010, "UN", 4).raw(1, 2, 3, 4)
                .longHeader(0x00420011, "OB", 4).raw(1, 2, 3, 4)
                .longHeader(0x00640009, "OF", 4).raw(0x11, 0x22, 0x33, 0x44)
                .longHeader(0x7FE00009, "OD", 8).raw(1, 2, 3, 4, 5, 6, 7, 8)
                .longHeader(Tag.PIXEL_DATA, "OW", 6).raw(0xA1, 0xA2, 0xB1, 0xB2, 0xC1, 0xC2)
                .toArray();
        byte[] big = Bytes.be()
                .shortHeader(0x00080060, "CS", 2).ascii("CT")
                .shortHeader(0x00209165, "AT", 4).u16(0x0020).u16(0x9056)
                .shortHeader(0x00280010, "US", 4).u16(0x0102).u16(0x0304)
                .longHeader(0x00291010, "UN", 4).raw(1, 2, 3, 4)
                .longHeader(0x00420011, "OB", 4).raw(1, 2, 3, 4)
                .longHeader(0x00640009, "OF", 4).raw(0x44, 0x33, 0x22, 0x11)
                .longHeader(0x7FE00009, "OD", 8).raw(8, 7, 6, 5, 4, 3, 2, 1)
                .longHeader(Tag.PIXEL_DATA, "OW", 6).raw(0xA2, 0xA1, 0xB2, 0xB1, 0xC2, 0xC1)
                .toArray();
        assertArrayEquals(big, transcode(little, EL, EB));
        assertArrayEquals(little, transcode(big, EB, EL));
        assertArrayEquals(transcode(little, EL, IL), transcode(big, EB, IL));
    }

    @Test
    void implicitPixelDataIsObUnswappedUpToEightBitsAllocatedAndOwSwappedAbove() throws IOException {
        for (int bits : new int[] {8, 16}) {
            byte[] implicit = Bytes.le()
                    .implicitHeader(0x00280100, 2).u16(bits)
                    .implicitHeader(Tag.PIXEL_DATA, 4).raw(1, 2, 3, 4)
                    .toArray();
            Bytes big = Bytes.be().shortHeader(0x00280100, "US", 2).u16(bits);
            byte[] expected = bits == 8 ? big.longHeader(Tag.PIXEL_DATA, "OB", 4).raw(1, 2, 3, 4).toArray()
                    : big.longHeader(Tag.PIXEL_DATA, "OW", 4).raw(2, 1, 4, 3).toArray();
            assertArrayEquals(expected, transcode(implicit, IL, EB), bits + " bits");
        }
    }

    @Test
    void swapsLargeValuesArrivingInShortPiecesWithoutSplittingAUnit() throws IOException {
        Random random = new Random(42);
        byte[] od = new byte[200_008];
        byte[] ow = new byte[300_002];
        random.nextBytes(od);
        random.nextBytes(ow);
        Dataset d = new Dataset();
        d.setBytes(0x7FE00009, VR.OD, od);
        d.setBytes(Tag.PIXEL_DATA, VR.OW, ow);
        byte[] in = encode(d, EL);
        InputStream dribble = new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < in.length ? in[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos == in.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1 + random.nextInt(7)), in.length - pos);
                System.arraycopy(in, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        byte[] out = pull(dribble, EL, EB, 4093);
        assertArrayEquals(encode(d, EB), out);
        assertArrayEquals(ow, decode(out, EB).getBytes(Tag.PIXEL_DATA));
    }

    @Test
    void oddLengthBinaryValueIsSwappedInWholeUnitsAndPadded() throws IOException {
        byte[] odd = Bytes.le().longHeader(Tag.PIXEL_DATA, "OW", 5).raw(1, 2, 3, 4, 5).toArray(); // lenient input
        assertArrayEquals(Bytes.be().longHeader(Tag.PIXEL_DATA, "OW", 6).raw(2, 1, 4, 3, 5, 0).toArray(),
                transcode(odd, EL, EB));
    }

    // ---- VRs from Implicit VR, private elements ----------------------------------------------

    @Test
    void privateElementsFromImplicitVrBecomeUnWithTheirBytesAndUnknownSequencesBecomeSq() throws IOException {
        byte[] implicit = Bytes.le()
                .implicitHeader(0x00290010, 4).ascii("ACME")
                .implicitHeader(0x00291010, 4).raw(1, 2, 3, 4)
                .implicitHeader(0x00291020, UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .implicitHeader(0x00100020, 2).ascii("P7")
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .toArray();
        byte[] expected = Bytes.be()
                .shortHeader(0x00290010, "LO", 4).ascii("ACME")
                .longHeader(0x00291010, "UN", 4).raw(1, 2, 3, 4)
                .longHeader(0x00291020, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .shortHeader(0x00100020, "LO", 2).ascii("P7")
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .toArray();
        assertArrayEquals(expected, transcode(implicit, IL, EB));
        Dataset d = decode(transcode(implicit, IL, EL), EL);
        assertEquals("ACME", d.getString(0x00290010));
        assertEquals(VR.UN, d.vr(0x00291010));
        assertEquals("P7", d.getSequence(0x00291020).get(0).getString("PatientID"));
    }

    @Test
    void explicitUnOfUndefinedLengthIsReadAsImplicitLittleEndianAndWrittenAsSq() throws IOException {
        byte[] big = Bytes.be()
                .longHeader(0x00291020, "UN", UNDEFINED)
                .raw(toInts(Bytes.le()
                        .tag(Tag.ITEM).u32(UNDEFINED)
                        .implicitHeader(0x00280010, 2).u16(0x0102)
                        .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                        .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                        .toArray()))
                .shortHeader(0x00280011, "US", 2).u16(0x0304)
                .toArray();
        byte[] expected = Bytes.le()
                .longHeader(0x00291020, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .shortHeader(0x00280010, "US", 2).u16(0x0102)
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .shortHeader(0x00280011, "US", 2).u16(0x0304)
                .toArray();
        assertArrayEquals(expected, transcode(big, EB, EL));
    }

    @Test
    void dropsGroupLengthsPadsOddValuesAndMakesValuesTooLongForTheirVrUn() throws IOException {
        byte[] longText = new byte[70_000];
        Arrays.fill(longText, (byte) 'A');
        byte[] implicit = Bytes.le()
                .implicitHeader(0x00080000, 4).u32(12)
                .implicitHeader(0x00080060, 3).ascii("CT1")
                .implicitHeader(0x00100010, longText.length).raw(toInts(longText))
                .toArray();
        byte[] expected = Bytes.le()
                .shortHeader(0x00080060, "CS", 4).ascii("CT1 ")
                .longHeader(0x00100010, "UN", longText.length).raw(toInts(longText))
                .toArray();
        assertArrayEquals(expected, transcode(implicit, IL, EL));
    }

    // ---- encapsulated pixel data -------------------------------------------------------------

    @Test
    void copiesEncapsulatedDataUnchangedWhenTheSyntaxStaysTheSame() throws IOException {
        byte[] jpeg = encode(Samples.encapsulated(), EL);
        assertTrue(Transcoder.canTranscode(JPEG, JPEG));
        assertArrayEquals(jpeg, transcode(jpeg, JPEG, JPEG));
        assertEquals(Samples.encapsulated(), decode(pull(new ByteArrayInputStream(jpeg), JPEG, JPEG, 5), EL));
    }

    @Test
    void refusesToConvertBetweenCompressedAndUncompressedSyntaxes() {
        TransferSyntax encapsulatedUncompressed = UidRegistry.transferSyntax("1.2.840.10008.1.2.1.98");
        TransferSyntax jpipDeflate = UidRegistry.transferSyntax("1.2.840.10008.1.2.4.95");
        for (TransferSyntax other : new TransferSyntax[] {JPEG, encapsulatedUncompressed, jpipDeflate,
            TransferSyntax.unknown("1.2.3.4")}) {
            for (TransferSyntax plain : new TransferSyntax[] {IL, EL, ELD, EB}) {
                assertFalse(Transcoder.canTranscode(other, plain));
                assertFalse(Transcoder.canTranscode(plain, other));
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Transcoder.transcoding(InputStream.nullInputStream(), other, plain));
                assertTrue(e.getMessage().contains("codec"), e.getMessage());
                assertThrows(IllegalArgumentException.class,
                        () -> transcode(new byte[0], plain, other));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> transcode(new byte[0], JPEG,
                UidRegistry.transferSyntax("1.2.840.10008.1.2.4.70")));
        for (Arguments pair : pairs()) {
            assertTrue(Transcoder.canTranscode((TransferSyntax) pair.get()[0], (TransferSyntax) pair.get()[1]));
        }
    }

    @Test
    void fragmentsInAnUncompressedSyntaxAreKeptInExplicitVrAndRefusedInImplicitVr() throws IOException {
        Dataset d = Samples.encapsulated();
        assertEquals(d, decode(transcode(encode(d, EL), EL, EB), EB));
        assertEquals(d, decode(transcode(encode(d, EL), EL, ELD), ELD));
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> transcode(encode(d, EL), EL, IL));
        assertTrue(e.getMessage().contains("Implicit VR"), e.getMessage());
    }

    // ---- malformed input ---------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("conversions")
    void truncatedInputFailsWithDicomFormatExceptionOrEndsAtAnElementBoundary(TransferSyntax from, TransferSyntax to)
            throws IOException {
        Dataset d = Samples.everyVr();
        byte[] in = encode(d, from, from == EL); // defined lengths too
        int failures = 0;
        for (int cut = 1; cut < in.length; cut++) {
            byte[] part = Arrays.copyOf(in, cut);
            byte[] out;
            try {
                out = transcode(part, from, to);
            } catch (DicomFormatException e) {
                failures++;
                continue;
            }
            assertFalse(from.isDeflated(), "a cut deflate stream was accepted at " + cut);
            // a cut between top-level elements is a shorter data set: the elements before the cut
            Dataset back = decode(out, to);
            int[] tags = back.tags();
            int last = tags.length == 0 ? 0 : tags[tags.length - 1];
            assertEquals(d.filter(t -> Integer.compareUnsigned(t, last) <= 0), back, "cut at " + cut);
        }
        assertTrue(failures > in.length / 2, failures + " of " + in.length + " cuts failed");
        // a cut inside the last value (Pixel Data) names the element
        if (!from.isDeflated()) {
            DicomFormatException e = assertThrows(DicomFormatException.class,
                    () -> transcode(Arrays.copyOf(in, in.length - 3), from, to));
            assertTrue(e.getMessage().contains("(7FE0,0010)"), e.getMessage());
        }
    }

    @Test
    void aFailureIsThrownAgainByLaterReads() throws IOException {
        byte[] in = encode(Samples.everyVr(), EL);
        InputStream converted = Transcoder.transcoding(new ByteArrayInputStream(in, 0, in.length - 5), EL, EB);
        byte[] b = new byte[100];
        DicomFormatException first = assertThrows(DicomFormatException.class, () -> {
            while (converted.read(b) >= 0) {
                // read on until it fails
            }
        });
        assertSame(first, assertThrows(DicomFormatException.class, () -> converted.read(b)));
        assertSame(first, assertThrows(DicomFormatException.class, converted::read));
    }

    @Test
    void valueLongerThanItsItemFailsAtTheElementHeader() {
        byte[] in = Bytes.le()
                .longHeader(0x00081115, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(10)
                .shortHeader(0x0020000E, "UI", 4).ascii("1.2").raw(0)
                .tag(Tag.SEQUENCE_DELIMITATION_ITEM).u32(0)
                .toArray();
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> transcode(in, EL, IL));
        assertEquals(20, e.offset());
        assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());

        byte[] delimiterPastTheEnd = Bytes.le()
                .longHeader(0x00081115, "SQ", 12)
                .tag(Tag.ITEM).u32(UNDEFINED)
                .tag(Tag.ITEM_DELIMITATION_ITEM).u32(0)
                .toArray();
        e = assertThrows(DicomFormatException.class, () -> transcode(delimiterPastTheEnd, EL, IL));
        assertTrue(e.getMessage().contains("past the end of the enclosing item or sequence at 24"), e.getMessage());
    }

    @Test
    void corruptDeflateStreamFailsWithDicomFormatException() throws IOException {
        byte[] in = encode(Samples.everyVr(), ELD);
        in[in.length / 2] ^= 0x55;
        in[in.length / 2 + 1] ^= 0x55;
        assertThrows(DicomFormatException.class, () -> transcode(in, ELD, EL));
    }
}
