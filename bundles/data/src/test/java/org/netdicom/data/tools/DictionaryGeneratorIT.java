package org.netdicom.data.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netdicom.data.dict.ElementDictionary;

class DictionaryGeneratorIT {

    @Test
    void convertsEntriesSortedWithPseudoVrsRetiredPrefixAndMasks() {
        List<String> out = DictionaryGenerator.convert(List.of(
                "# comment",
                "(7FE0,0010)\tpx\tPixelData\t1\tDICOM",
                "(0010,0010)\tPN\tPatientName\t1\tDICOM",
                "(6000-60FF,0012)\tUS\tRETIRED_OverlayPlanes\t1\tDICOM/retired",
                "(FFFE,E000)\tna\tItem\t1\tDICOM",
                "(0009-o-FFFF,0000)\tUL\tPrivateGroupLength\t1\tPRIVATE",
                "(0020,3100-31FF)\tCS\tRETIRED_SourceImageIDs\t1-n\tDICOM/retired"));
        assertEquals(List.of(
                "00100010\tPN\t1\t-\tPatientName",
                "00203100/FFFFFF01\tCS\t1-n\tR\tSourceImageIDs",
                "60000012/FF01FFFF\tUS\t1\tR\tOverlayPlanes",
                "7FE00010\tOW/OB\t1\t-\tPixelData"), out);
    }

    @Test
    void evenRangeBecomesAMaskThatKeepsBitZero() {
        assertArrayEquals(new int[] {0x50000005, 0xFF01FFFF}, DictionaryGenerator.parseTag("(5000-50FF,0005)"));
        assertArrayEquals(new int[] {0x00100010, -1}, DictionaryGenerator.parseTag("(0010,0010)"));
    }

    @Test
    void rejectsRangesThatNoMaskExpresses() {
        assertThrows(IllegalArgumentException.class, () -> DictionaryGenerator.parseTag("(6000-6010,0010)"));
    }

    /** Needs DCMTK's dictionary (Debian package dcmtk), like the other DCMTK tests: fails without it. */
    @Test
    void committedResourceIsExactlyWhatTheGeneratorMakesFromDcmtksDictionary() throws IOException {
        Path dic = Path.of("/usr/share/libdcmtk17/dicom.dic");
        if (!Files.exists(dic)) {
            fail(dic + " not found: install DCMTK (apt-get install dcmtk), or update the path for a newer libdcmtk");
        }
        List<String> generated = DictionaryGenerator.convert(Files.readAllLines(dic, StandardCharsets.UTF_8));
        List<String> committed;
        try (InputStream in = ElementDictionary.class.getResourceAsStream("elements.tsv")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).toList();
        }
        assertEquals(generated, committed);
    }
}
