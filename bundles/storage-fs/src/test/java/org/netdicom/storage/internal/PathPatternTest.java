package org.netdicom.storage.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netdicom.data.Dataset;

class PathPatternTest {

    private static Dataset attributes(String patientId, String study, String series, String instance) {
        Dataset d = new Dataset();
        if (patientId != null) {
            d.setString("PatientID", patientId);
        }
        d.setString("StudyInstanceUID", study);
        d.setString("SeriesInstanceUID", series);
        d.setString("SOPInstanceUID", instance);
        d.setString("Modality", "CT");
        return d;
    }

    @Test
    void defaultPatternFilesByPatientStudySeriesAndInstance() {
        String path = PathPattern.parse(PathPattern.DEFAULT).resolve(attributes("P1", "1.2.3", "1.2.3.4", "1.2.3.4.5"));

        assertEquals("P1/1.2.3/1.2.3.4/1.2.3.4.5.dcm", path);
    }

    @Test
    void maliciousValuesStayBelowTheRoot() {
        PathPattern pattern = PathPattern.parse(PathPattern.DEFAULT);
        Path root = Path.of("/srv/storage");

        String path = pattern.resolve(attributes("../../etc", "/", "..", "../../../../etc/passwd\u0000"));

        assertEquals("___.__etc/_/__/___.__.__.__etc_passwd.dcm", path);
        Path resolved = root.resolve(path).normalize();
        assertTrue(resolved.startsWith(root), resolved.toString());
        assertEquals(4, root.relativize(resolved).getNameCount());
    }

    @Test
    void missingValuesBecomeUnknown() {
        assertEquals("UNKNOWN/1.2/1.3/1.4.dcm",
                PathPattern.parse(PathPattern.DEFAULT).resolve(attributes(null, "1.2", "1.3", "1.4")));
    }

    @Test
    void tagsKeywordsAndFunctionsMayBeMixed() {
        PathPattern pattern = PathPattern.parse(
                "{(0008,0060)}/{PatientID|hash}/{0020,000D|first:3}-{StudyInstanceUID|last:2}/{00080018}.dcm");

        String path = pattern.resolve(attributes("P1", "1.2.840.99", "1.3", "1.4"));

        assertEquals("CT/" + PathComponent.hash("P1", 8) + "/1.2-99/1.4.dcm", path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs/{SOPInstanceUID}", "a//{SOPInstanceUID}", "../{SOPInstanceUID}",
            "./{SOPInstanceUID}", "a\\{SOPInstanceUID}", "{PatientID}/x.dcm", "{SOPInstanceUID|hash}.dcm",
            "{NoSuchKeyword}/{SOPInstanceUID}", "{PatientID|upper}/{SOPInstanceUID}", "{SOPInstanceUID",
            "a b/{SOPInstanceUID}", ".hidden/{SOPInstanceUID}", "{SOPInstanceUID}/", "{PatientID}{PatientID}{SOPInstanceUID}",
            "{PatientID|first:0}/{SOPInstanceUID}", "{zzzz,0010}/{SOPInstanceUID}"})
    void invalidPatternsAreRefusedWithAReason(String pattern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(pattern));
        assertTrue(e.getMessage().startsWith("pattern") || e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void theFileNameMayBeTheSopInstanceUidAlone() {
        assertEquals("1.4", PathPattern.parse("{SOPInstanceUID}").resolve(attributes("P", "1", "2", "1.4")));
    }
}
