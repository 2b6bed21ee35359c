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

    @Test
    void aNameOfLongValuesAndLiteralsIsCutToRoomForTheStoresAdditions() {
        // two values of up to 100 characters and three literals of up to 50 make 350: too long a
        // name for a file system once the store's temporary name adds to it
        String literal = "x".repeat(46);
        PathPattern pattern = PathPattern.parse("{PatientID}/" + literal + "{PatientID}" + literal + "{SOPInstanceUID}"
                + literal + ".dcm");
        String id = "P" + "9".repeat(99);
        String uid = "1." + "2".repeat(62);

        String path = pattern.resolve(attributes(id, "1.2", "1.3", uid));

        String file = path.substring(path.indexOf('/') + 1);
        assertEquals(PathPattern.MAX_NAME, file.length(), file);
        assertTrue(file.endsWith(".dcm"), file);
        String whole = literal + id + literal + uid + literal + ".dcm";
        assertEquals(whole.substring(0, PathPattern.MAX_NAME - 13) + "-" + PathComponent.hash(whole, 8) + ".dcm", file);
        assertTrue(file.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*") && !file.contains(".."), file);
        assertEquals(id, path.substring(0, path.indexOf('/')), "names within the limit stay as they are");
    }
}
