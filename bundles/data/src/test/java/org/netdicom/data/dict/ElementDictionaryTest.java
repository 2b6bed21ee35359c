package org.netdicom.data.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netdicom.data.VR;

class ElementDictionaryTest {
    private final ElementDictionary dict = ElementDictionary.standard();

    @Test
    void findsPatientNameByTagAndByKeyword() {
        DictionaryEntry byTag = dict.entry(0x00100010);
        assertEquals("PatientName", byTag.keyword());
        assertEquals(VR.PN, byTag.vr());
        assertEquals("1", byTag.vm());
        assertFalse(byTag.retired());
        assertSame(byTag, dict.entry("PatientName"));
        assertEquals(0x00100010, dict.tagOf("PatientName"));
    }

    @Test
    void holdsTheWholePublicDictionary() {
        assertTrue(dict.entries().size() > 4900, "entries: " + dict.entries().size());
    }

    @Test
    void knowsCommandGroupAndFileMetaGroup() {
        assertEquals("CommandGroupLength", dict.keywordOf(0x00000000));
        assertEquals(VR.US, dict.vrOf(0x00000100));
        assertEquals("CommandField", dict.keywordOf(0x00000100));
        assertEquals("TransferSyntaxUID", dict.keywordOf(0x00020010));
        assertEquals(VR.OB, dict.vrOf(0x00020001));
    }

    @Test
    void resolvesRepeatingOverlayGroupsOnEvenGroupsOnly() {
        assertEquals("OverlayRows", dict.keywordOf(0x60000010));
        assertEquals("OverlayRows", dict.keywordOf(0x601E0010));
        assertEquals("OverlayRows", dict.keywordOf(0x60FE0010));
        assertEquals(VR.OW, dict.vrOf(0x60023000));
        assertEquals(List.of(VR.OW, VR.OB), dict.entry(0x60023000).vrs());
        // odd groups are private, not overlays
        assertEquals("PrivateCreator", dict.keywordOf(0x60010010));
        assertEquals(0x60010010, dict.entry(0x60010010).tag());
    }

    @Test
    void resolvesRetiredCurveAndVariablePixelDataGroupsAndElementRanges() {
        DictionaryEntry curve = dict.entry(0x50100005);
        assertEquals("CurveDimensions", curve.keyword());
        assertTrue(curve.retired());
        assertEquals("VariablePixelData", dict.keywordOf(0x7F020010));
        assertEquals("SourceImageIDs", dict.keywordOf(0x002031FE));
        assertEquals("", dict.keywordOf(0x002031FF));
    }

    @Test
    void pixelDataStaysPixelDataAndDefaultsToOwInImplicitVr() {
        assertEquals("PixelData", dict.keywordOf(0x7FE00010));
        assertEquals(VR.OW, dict.vrOf(0x7FE00010));
    }

    @Test
    void ambiguousUsOrSsListsBothWithUsFirst() {
        assertEquals(List.of(VR.US, VR.SS), dict.entry("SmallestImagePixelValue").vrs());
    }

    @Test
    void derivesGroupLengthAndPrivateCreatorFromTheTag() {
        assertEquals(VR.UL, dict.vrOf(0x00080000));
        assertEquals("GroupLength", dict.keywordOf(0x00200000));
        assertEquals(VR.LO, dict.vrOf(0x00290010));
        assertEquals(VR.LO, dict.vrOf(0x001900FF));
        assertEquals("PrivateCreator", dict.keywordOf(0x00290011));
    }

    @Test
    void unknownAndPrivateDataElementsAreUn() {
        assertEquals(VR.UN, dict.vrOf(0x00291010));
        assertNull(dict.entry(0x00291010));
        assertEquals(VR.UN, dict.vrOf(0x0008FFFE));
        assertEquals(-1, dict.tagOf("NoSuchKeyword"));
    }

    @Test
    void retiredKeywordsHaveNoPrefixAndCarryTheFlag() {
        DictionaryEntry e = dict.entry("CommandLengthToEnd");
        assertTrue(e.retired());
        assertEquals(0x00000001, e.tag());
    }

    @Test
    void derivesReadableNamesFromKeywords() {
        assertEquals("Patient Birth Date", dict.entry("PatientBirthDate").name());
        assertEquals("SOP Instance UID", dict.entry("SOPInstanceUID").name());
    }
}
