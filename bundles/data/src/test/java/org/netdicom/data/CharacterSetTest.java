package org.netdicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.netdicom.data.internal.CharacterSets;

/**
 * ISO 2022 code extensions with the examples of PS3.5 Annex H (Japanese) and Annex I (Korean).
 * The expected bytes are written as the standard writes them, in column/row notation.
 */
class CharacterSetTest {
    /** PS3.5 H.3.1, Example 1: "\ISO 2022 IR 87", value 1 empty (ISO-IR 6). */
    static final String JAPANESE_1 = "Yamada^Tarou=山田^太郎=やまだ^たろう";
    static final byte[] JAPANESE_1_BYTES = columnRow(
            "05/09 06/01 06/13 06/01 06/04 06/01 05/14 05/04 06/01 07/02 06/15 07/05 03/13"
            + " 01/11 02/04 04/02 03/11 03/03 04/05 04/04 01/11 02/08 04/02 05/14"
            + " 01/11 02/04 04/02 04/02 04/00 04/15 03/10 01/11 02/08 04/02 03/13"
            + " 01/11 02/04 04/02 02/04 06/04 02/04 05/14 02/04 04/00 01/11 02/08 04/02 05/14"
            + " 01/11 02/04 04/02 02/04 03/15 02/04 06/13 02/04 02/06 01/11 02/08 04/02");

    /** PS3.5 H.3.2, Example 2: "ISO 2022 IR 13\ISO 2022 IR 87", half-width Katakana in G1. */
    static final String JAPANESE_2 = "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう";
    static final byte[] JAPANESE_2_BYTES = columnRow(
            "13/04 12/15 12/00 13/14 05/14 12/00 13/11 11/03 03/13"
            + " 01/11 02/04 04/02 03/11 03/03 04/05 04/04 01/11 02/08 04/10 05/14"
            + " 01/11 02/04 04/02 04/02 04/00 04/15 03/10 01/11 02/08 04/10 03/13"
            + " 01/11 02/04 04/02 02/04 06/04 02/04 05/14 02/04 04/00 01/11 02/08 04/10 05/14"
            + " 01/11 02/04 04/02 02/04 03/15 02/04 06/13 02/04 02/06 01/11 02/08 04/10");

    /** PS3.5 I.2: "\ISO 2022 IR 149", KS X 1001 in G1, designated again after each delimiter. */
    static final String KOREAN = "Hong^Gildong=洪^吉洞=홍^길동";
    static final byte[] KOREAN_BYTES = columnRow(
            "04/08 06/15 06/14 06/07 05/14 04/07 06/09 06/12 06/04 06/15 06/14 06/07 03/13"
            + " 01/11 02/04 02/09 04/03 15/11 15/03 05/14"
            + " 01/11 02/04 02/09 04/03 13/01 12/14 13/04 13/07 03/13"
            + " 01/11 02/04 02/09 04/03 12/08 10/11 05/14"
            + " 01/11 02/04 02/09 04/03 11/01 14/06 11/05 11/15");

    /** Bytes from the standard's notation: "05/09" is column 5, row 9, i.e. 0x59. */
    static byte[] columnRow(String codes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String code : codes.trim().split("\\s+")) {
            String[] cr = code.split("/");
            out.write(Integer.parseInt(cr[0]) << 4 | Integer.parseInt(cr[1]));
        }
        return out.toByteArray();
    }

    private static Charset charset(String... terms) {
        return CharacterSets.forTerms(terms);
    }

    @Test
    void encodesTheJapaneseExamplesOfAnnexH() {
        assertArrayEquals(JAPANESE_1_BYTES, JAPANESE_1.getBytes(charset("", "ISO 2022 IR 87")));
        assertArrayEquals(JAPANESE_2_BYTES, JAPANESE_2.getBytes(charset("ISO 2022 IR 13", "ISO 2022 IR 87")));
    }

    @Test
    void decodesTheJapaneseExamplesOfAnnexH() {
        assertEquals(JAPANESE_1, new String(JAPANESE_1_BYTES, charset("", "ISO 2022 IR 87")));
        assertEquals(JAPANESE_1, new String(JAPANESE_1_BYTES, charset("ISO 2022 IR 6", "ISO 2022 IR 87")));
        assertEquals(JAPANESE_2, new String(JAPANESE_2_BYTES, charset("ISO 2022 IR 13", "ISO 2022 IR 87")));
    }

    @Test
    void encodesAndDecodesTheKoreanExampleOfAnnexI() {
        assertArrayEquals(KOREAN_BYTES, KOREAN.getBytes(charset("", "ISO 2022 IR 149")));
        assertEquals(KOREAN, new String(KOREAN_BYTES, charset("", "ISO 2022 IR 149")));
    }

    @Test
    void personNamesWithCodeExtensionsRoundTripThroughADataset() {
        Dataset d = new Dataset();
        d.setString(Tag.SPECIFIC_CHARACTER_SET, "", "ISO 2022 IR 87");
        d.setString("PatientName", JAPANESE_1);
        byte[] stored = d.getBytes(0x00100010);
        assertArrayEquals(JAPANESE_1_BYTES, java.util.Arrays.copyOf(stored, JAPANESE_1_BYTES.length));
        assertEquals(JAPANESE_1, d.getString("PatientName"));
        PersonName pn = d.getPersonName(0x00100010);
        assertEquals("山田", pn.get(PersonName.Group.IDEOGRAPHIC, PersonName.Component.FAMILY));
        assertEquals("たろう", pn.get(PersonName.Group.PHONETIC, PersonName.Component.GIVEN));

        Dataset k = new Dataset();
        k.setString(Tag.SPECIFIC_CHARACTER_SET, "", "ISO 2022 IR 149");
        k.setString("PatientName", KOREAN);
        assertEquals(KOREAN, k.getString("PatientName"));
        assertArrayEquals(KOREAN_BYTES, k.getBytes(0x00100010)); // 44 bytes: even, no padding
    }

    @Test
    void itemsInheritCodeExtensionsAndMultipleValuesSplitOnTheDelimiter() {
        Dataset d = new Dataset();
        d.setString(Tag.SPECIFIC_CHARACTER_SET, "", "ISO 2022 IR 87");
        Dataset item = d.newSequence("ReferencedSeriesSequence").addNew();
        item.setString(0x00081030, VR.LO, "山田", "太郎"); // StudyDescription is LO, one value; LO allows many
        assertArrayEquals(new String[] {"山田", "太郎"}, item.getStrings(0x00081030));
        byte[] b = item.getBytes(0x00081030);
        int backslash = indexOf(b, (byte) '\\');
        // PS3.5 6.1.2.5.3: ESC ( B precedes the value delimiter
        assertArrayEquals(new byte[] {0x1B, 0x28, 0x42}, java.util.Arrays.copyOfRange(b, backslash - 3, backslash));
    }

    @Test
    void decodingNeverFailsOnUnknownTermsEscapesOrTruncatedCodes() {
        byte[] jis = JAPANESE_1_BYTES;
        assertEquals(new String(jis, CharacterSets.DEFAULT), new String(jis, charset("", "ISO 2022 IR 999")));
        Charset cs = charset("", "ISO 2022 IR 87");
        String unknownEscape = new String(new byte[] {'A', 0x1B, 0x25, 0x47, 'B'}, cs);
        assertTrue(unknownEscape.startsWith("A\uFFFD") && unknownEscape.endsWith("B"), unknownEscape);
        String truncated = new String(new byte[] {'A', 0x1B, 0x24, 0x42, 0x3B}, cs);
        assertEquals("A\uFFFD", truncated);
        String loneEscape = new String(new byte[] {'A', 0x1B}, cs);
        assertEquals("A\uFFFD", loneEscape);
        String unassigned = new String(new byte[] {0x1B, 0x24, 0x42, 0x7E, 0x7E}, cs);
        assertEquals("\uFFFD", unassigned);
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
