package org.netdicom.tools.scu;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.netdicom.data.Dataset;
import org.netdicom.data.Sequence;
import org.netdicom.data.VR;

class QueryKeysTest {

    @Test
    void setsKeysByKeywordAndByTagInEveryNotation() {
        Dataset d = QueryKeys.apply(new Dataset(), List.of("PatientID=P-1", "0020,000D=1.2.3", "(0008,0060)=CT",
                "00100010=Doe^*"));
        assertEquals("P-1", d.getString("PatientID"));
        assertEquals("1.2.3", d.getString("StudyInstanceUID"));
        assertEquals("CT", d.getString("Modality"));
        assertEquals("Doe^*", d.getString("PatientName"));
    }

    @Test
    void keyWithoutValueIsEmptyForUniversalMatching() {
        Dataset d = QueryKeys.apply(new Dataset(), List.of("StudyInstanceUID", "NumberOfStudyRelatedInstances="));
        assertTrue(d.contains("StudyInstanceUID"));
        assertEquals(0, d.element(0x0020000D).length());
        assertTrue(d.contains("NumberOfStudyRelatedInstances"));
        assertNull(d.getString("StudyInstanceUID"));
    }

    @Test
    void laterKeyReplacesEarlierOne() {
        Dataset d = QueryKeys.apply(new Dataset(), List.of("QueryRetrieveLevel=STUDY", "QueryRetrieveLevel=SERIES"));
        assertEquals("SERIES", d.getString("QueryRetrieveLevel"));
    }

    @Test
    void sequencePathsCreateItems() {
        Dataset d = QueryKeys.apply(new Dataset(), List.of("ScheduledProcedureStepSequence[0].Modality=CT",
                "ScheduledProcedureStepSequence.ScheduledStationAETitle", "ReferencedStudySequence",
                "OtherPatientIDsSequence[1].PatientID=X"));
        Sequence sps = d.getSequence("ScheduledProcedureStepSequence");
        assertEquals(1, sps.size());
        assertEquals("CT", sps.get(0).getString("Modality"));
        assertTrue(sps.get(0).contains("ScheduledStationAETitle"));
        assertEquals(0, d.getSequence("ReferencedStudySequence").size());
        assertEquals(2, d.getSequence("OtherPatientIDsSequence").size());
        assertEquals("X", d.getSequence("OtherPatientIDsSequence").get(1).getString("PatientID"));
    }

    @Test
    void binaryNumbersAreEncodedInTheirVr() {
        Dataset d = QueryKeys.apply(new Dataset(), List.of("Rows=512", "Columns"));
        assertEquals(VR.US, d.vr(0x00280010));
        assertEquals(512, d.getInt("Rows", -1));
        assertEquals(0, d.element(0x00280011).length());
    }

    @Test
    void unknownOrMalformedKeysAreRefusedWithTheKeyNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueryKeys.apply(new Dataset(), "PatientNam=Doe"));
        assertTrue(e.getMessage().contains("PatientNam"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QueryKeys.apply(new Dataset(), "PatientID.Modality=CT"));
        assertThrows(IllegalArgumentException.class, () -> QueryKeys.apply(new Dataset(), "ReferencedStudySequence=x"));
        assertThrows(IllegalArgumentException.class, () -> QueryKeys.apply(new Dataset(), "Rows=many"));
        assertThrows(IllegalArgumentException.class, () -> QueryKeys.apply(new Dataset(), "0009,1010=private"));
    }
}
