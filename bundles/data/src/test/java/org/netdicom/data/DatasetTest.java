package org.netdicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void keepsElementsOrderedByTagWhateverTheInsertionOrder() {
        Dataset d = new Dataset();
        d.setString(0x00100020, "ID1");
        d.setString(0x00080060, "CT");
        d.setInt(0x7FE00010 - 0x1000, VR.US, 1); // (7FE0,0010) minus: some group 7FDF element
        d.setString(0x00100010, "Doe^John");
        d.setBytes(0xFFFAFFFA, VR.OB, new byte[] {1, 2}); // Digital Signatures Sequence region sorts last
        assertArrayEquals(new int[] {0x00080060, 0x00100010, 0x00100020, 0x7FE00010 - 0x1000, 0xFFFAFFFA}, d.tags());
    }

    @Test
    void replacesAnElementWithTheSameTag() {
        Dataset d = new Dataset().setString("PatientID", "A");
        d.setString("PatientID", "B");
        assertEquals(1, d.size());
        assertEquals("B", d.getString("PatientID"));
    }

    @Test
    void splitsMultiValuedStringsOnBackslashAndStripsPadding() {
        Dataset d = new Dataset();
        d.setString(0x00080008, "ORIGINAL", "PRIMARY", "AX");
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AX"}, d.getStrings("ImageType"));
        assertEquals(20, d.getBytes(0x00080008).length); // 19 characters padded with a space
        assertEquals(' ', d.getBytes(0x00080008)[19]);
    }

    @Test
    void padsUidsWithNul() {
        Dataset d = new Dataset().setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.2");
        byte[] b = d.getBytes(Tag.SOP_CLASS_UID);
        assertEquals(26, b.length);
        assertEquals(0, b[25]);
        assertEquals("1.2.840.10008.5.1.4.1.1.2", d.getString(Tag.SOP_CLASS_UID));
    }

    @Test
    void textVrsKeepBackslashesAndLeadingSpaces() {
        Dataset d = new Dataset().setString(0x00324000, VR.LT, "  a\\b");
        assertArrayEquals(new String[] {"  a\\b"}, d.getStrings(0x00324000));
        assertThrows(IllegalArgumentException.class, () -> d.setString(0x00324000, VR.LT, "a", "b"));
    }

    @Test
    void readsAndWritesUnsignedAndSignedIntegers() {
        Dataset d = new Dataset();
        d.setInt("Rows", 512);
        d.setInt(0x00280106, VR.SS, -5);
        d.setLong(0x00081160, VR.UL, 0xFFFFFFFFL);
        d.setLong(0x00189219, VR.SL, -2);
        assertEquals(512, d.getInt("Rows", 0));
        assertArrayEquals(new byte[] {0, 2}, d.getBytes(0x00280010));
        assertEquals(-5, d.getInt(0x00280106, 0));
        assertEquals(0xFFFFFFFFL, d.getLong(0x00081160, 0));
        assertThrows(IllegalArgumentException.class, () -> d.getInt(0x00081160, 0));
        assertEquals(-2, d.getInt(0x00189219, 0));
        assertThrows(IllegalArgumentException.class, () -> d.setInt(0x00280010, VR.US, 70000));
    }

    @Test
    void readsAndWrites64BitIntegers() {
        Dataset d = new Dataset();
        d.setLong(0x00101234, VR.SV, Long.MIN_VALUE, 7);
        d.setLong(0x00101236, VR.UV, -1L);
        assertArrayEquals(new long[] {Long.MIN_VALUE, 7}, d.getLongs(0x00101234));
        assertEquals("18446744073709551615", d.getString(0x00101236));
        assertEquals(1.8446744073709552E19, d.getDouble(0x00101236, 0), 1e4);
    }

    @Test
    void readsAndWritesFloatsAndDoubles() {
        Dataset d = new Dataset();
        d.setDouble(0x00189087, VR.FD, 1000.5);
        d.setDouble(0x00720068, VR.FL, 0.25, -1.5);
        d.setDouble(0x00189219, VR.OF, 3.0);
        assertEquals(1000.5, d.getDouble(0x00189087, 0));
        assertArrayEquals(new double[] {0.25, -1.5}, d.getDoubles(0x00720068));
        assertEquals(8, d.getBytes(0x00720068).length);
    }

    @Test
    void decimalAndIntegerStringsReadAsNumbersAndText() {
        Dataset d = new Dataset();
        d.setDouble("PixelSpacing", 0.5, 0.25);
        d.setInt("InstanceNumber", 42);
        d.setString("SliceThickness", " +1.5E1 ");
        assertEquals("0.5\\0.25", String.join("\\", d.getStrings("PixelSpacing")));
        assertArrayEquals(new double[] {0.5, 0.25}, d.getDoubles("PixelSpacing"));
        assertEquals(42, d.getInt("InstanceNumber", 0));
        assertEquals("42", d.getString("InstanceNumber"));
        assertEquals(15.0, d.getDouble("SliceThickness", 0));
        d.setString("InstanceNumber", "x");
        assertThrows(IllegalArgumentException.class, () -> d.getInt("InstanceNumber", 0));
    }

    @Test
    void decimalStringsFitSixteenCharacters() {
        Dataset d = new Dataset().setDouble("SliceThickness", Math.PI * 1e-10);
        String s = d.getString("SliceThickness");
        assertTrue(s.length() <= 16, s);
        assertEquals(Math.PI * 1e-10, Double.parseDouble(s), 1e-20);
    }

    @Test
    void attributeTagsReadAsTags() {
        Dataset d = new Dataset().setInt(0x00209165, VR.AT, 0x00209056, 0x7FE00010);
        assertArrayEquals(new int[] {0x00209056, 0x7FE00010}, d.getInts(0x00209165));
        assertArrayEquals(new byte[] {0x20, 0, 0x56, (byte) 0x90, (byte) 0xE0, 0x7F, 0x10, 0}, d.getBytes(0x00209165));
        assertEquals("(0020,9056)", d.getStrings(0x00209165)[0]);
    }

    @Test
    void datesTimesAndDateTimesUseJavaTime() {
        Dataset d = new Dataset();
        d.setDate("StudyDate", LocalDate.of(2024, 2, 29));
        d.setTime("StudyTime", LocalTime.of(7, 5, 3, 120_000_000));
        d.setDateTime(0x0008002A, LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertEquals("20240229", d.getString("StudyDate"));
        assertEquals("070503.120000", d.getString("StudyTime"));
        assertEquals(LocalDate.of(2024, 2, 29), d.getDate("StudyDate"));
        assertEquals(LocalTime.of(7, 5, 3, 120_000_000), d.getTime("StudyTime"));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), d.getDateTime(0x0008002A));
    }

    @Test
    void partialTimesFillZerosButPartialDatesFail() {
        Dataset d = new Dataset();
        d.setString("StudyTime", "1015");
        assertEquals(LocalTime.of(10, 15), d.getTime("StudyTime"));
        d.setString("StudyDate", "2024");
        assertThrows(IllegalArgumentException.class, () -> d.getDate("StudyDate"));
        d.setString(0x0008002A, "2024");
        assertThrows(IllegalArgumentException.class, () -> d.getDateTime(0x0008002A));
        d.setString(0x0008002A, "20240102103000.5+0100");
        assertEquals(LocalDateTime.of(2024, 1, 2, 10, 30, 0, 500_000_000), d.getDateTime(0x0008002A));
        d.setString("StudyDate", "1999.12.31");
        assertEquals(LocalDate.of(1999, 12, 31), d.getDate("StudyDate"));
        d.setString("StudyDate", "20240230");
        assertThrows(IllegalArgumentException.class, () -> d.getDate("StudyDate"));
    }

    @Test
    void personNamesHaveComponentGroups() {
        Dataset d = new Dataset().setString(Tag.SPECIFIC_CHARACTER_SET, "ISO_IR 192");
        d.setPersonName("PatientName", PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう"));
        PersonName pn = d.getPersonName("PatientName");
        assertEquals("Yamada", pn.family());
        assertEquals("太郎", pn.get(PersonName.Group.IDEOGRAPHIC, PersonName.Component.GIVEN));
        assertEquals("やまだ", pn.get(PersonName.Group.PHONETIC, PersonName.Component.FAMILY));
        assertEquals("Doe^John", PersonName.parse("Doe^John^^^").toString());
        assertEquals("", pn.get(PersonName.Group.ALPHABETIC, PersonName.Component.SUFFIX));
    }

    @Test
    void utf8CharacterSetIsInheritedByItems() {
        Dataset d = new Dataset().setString(Tag.SPECIFIC_CHARACTER_SET, "ISO_IR 192");
        Dataset item = d.newSequence("OtherPatientIDsSequence").addNew();
        item.setString("PatientName", "Müller^Jörg");
        assertArrayEquals("Müller^Jörg ".getBytes(StandardCharsets.UTF_8), item.getBytes(0x00100010));
        assertEquals("Müller^Jörg", item.getString("PatientName"));
        assertEquals(StandardCharsets.UTF_8, item.characterSet());
    }

    @Test
    void unknownCharacterSetFallsBackWithoutFailing() {
        Dataset d = new Dataset().setString(Tag.SPECIFIC_CHARACTER_SET, "ISO_IR 999");
        d.setBytes(0x00100010, VR.PN, new byte[] {'A', (byte) 0xE9});
        assertEquals("Aé", d.getString(0x00100010));
    }

    @Test
    void absentEmptyAndDefaultValues() {
        Dataset d = new Dataset().setString("PatientID");
        assertNull(d.getString("PatientName"));
        assertEquals("x", d.getString(0x00100010, "x"));
        assertArrayEquals(new String[0], d.getStrings("PatientID"));
        assertNull(d.getString("PatientID"));
        assertEquals(7, d.getInt("Rows", 7));
        assertThrows(IllegalArgumentException.class, () -> d.getString("NotAKeyword"));
    }

    @Test
    void sequencesNestToAnyDepth() {
        Dataset root = new Dataset();
        Dataset level = root;
        for (int i = 0; i < 10; i++) {
            level = level.newSequence("ContentSequence").addNew();
            level.setInt(0x0040A124 - 1, VR.US, i);
        }
        Dataset deepest = root;
        for (int i = 0; i < 10; i++) {
            deepest = deepest.getSequence("ContentSequence").get(0);
        }
        assertEquals(9, deepest.getInt(0x0040A123, -1));
        assertSame(root, root.getSequence("ContentSequence").get(0).parent());
    }

    @Test
    void copyIsDeepAndEqualAndIndependent() {
        Dataset d = sample();
        Dataset c = d.copy();
        assertEquals(d, c);
        assertEquals(d.hashCode(), c.hashCode());
        c.getSequence("ReferencedSeriesSequence").get(0).setString("SeriesInstanceUID", "9.9");
        assertNotEquals(d, c);
        assertEquals("1.2.3.4", d.getSequence("ReferencedSeriesSequence").get(0).getString("SeriesInstanceUID"));
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] value = {1, 2, 3, 4};
        Dataset d = new Dataset().setBytes(0x00291010, VR.OB, value);
        value[0] = 9;
        d.getBytes(0x00291010)[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3, 4}, d.getBytes(0x00291010));
    }

    @Test
    void filterAndMerge() {
        Dataset d = sample();
        Dataset patient = d.filter(t -> Tag.group(t) == 0x0010);
        assertArrayEquals(new int[] {0x00100010, 0x00100020}, patient.tags());
        Dataset other = new Dataset().setString("PatientID", "NEW").setString("Modality", "MR");
        d.merge(other);
        assertEquals("NEW", d.getString("PatientID"));
        assertEquals("MR", d.getString("Modality"));
        assertTrue(d.remove(0x00080060));
        assertFalse(d.contains("Modality"));
    }

    @Test
    void privateDataElementsKnowTheirCreator() {
        Dataset d = new Dataset();
        d.setString(0x00290010, VR.LO, "SIEMENS CSA HEADER");
        d.setString(0x00290011, VR.LO, "OTHER");
        d.setBytes(0x00291010, VR.OB, new byte[] {1, 2});
        d.setBytes(0x00291110, VR.OB, new byte[] {3, 4});
        assertEquals("SIEMENS CSA HEADER", d.privateCreator(0x00291010));
        assertEquals("OTHER", d.privateCreator(0x00291110));
        assertNull(d.privateCreator(0x00291210));
        assertNull(d.privateCreator(0x00100010));
    }

    @Test
    void toStringLooksLikeDcmdump() {
        String dump = sample().toString();
        assertTrue(dump.contains("(0010,0010) PN [Doe^John]  # 8, 1 PatientName\n"), dump);
        assertTrue(dump.contains("(0028,0010) US 512  # 2, 1 Rows\n"), dump);
        assertTrue(dump.contains("(0008,0008) CS [ORIGINAL\\PRIMARY]  # 16, 2 ImageType\n"), dump);
        assertTrue(dump.contains("(0008,1115) SQ (Sequence with 1 item)  # u/l, 1 ReferencedSeriesSequence\n"), dump);
        assertTrue(dump.contains("  (fffe,e000) na (Item with 1 elements)\n"), dump);
        assertTrue(dump.contains("    (0020,000e) UI [1.2.3.4]  # 8, 1 SeriesInstanceUID\n"), dump);
        assertTrue(dump.contains("(0010,0020) LO (no value available)  # 0, 0 PatientID\n"), dump);
    }

    static Dataset sample() {
        Dataset d = new Dataset();
        d.setString("ImageType", "ORIGINAL", "PRIMARY");
        d.setString("PatientName", "Doe^John");
        d.setString("PatientID");
        d.setInt("Rows", 512);
        d.newSequence("ReferencedSeriesSequence").addNew().setString("SeriesInstanceUID", "1.2.3.4");
        return d;
    }
}
