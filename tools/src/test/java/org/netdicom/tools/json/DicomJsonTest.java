package org.netdicom.tools.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.netdicom.data.Dataset;
import org.netdicom.data.VR;

/** Expected texts follow the examples of PS3.18 F.2 and F.4. */
class DicomJsonTest {

    @Test
    void writesStringsNumbersAndNamesAsTheJsonModelSays() {
        Dataset d = new Dataset();
        d.setString("SpecificCharacterSet", "ISO_IR 192");
        d.setString("PatientName", "Yamada^Tarou=山田^太郎=やまだ^たろう");
        d.setString("PatientID", "P\"1");
        d.setString("ImageType", "ORIGINAL", "PRIMARY");
        d.setString("PatientWeight", "72.5");
        d.setString("InstanceNumber", "+7");
        d.setInt("Rows", 512);
        d.setString("StudyDescription");
        assertEquals("{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},"
                + "\"00080008\":{\"vr\":\"CS\",\"Value\":[\"ORIGINAL\",\"PRIMARY\"]},"
                + "\"00081030\":{\"vr\":\"LO\"},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\",\"Ideographic\":\"山田^太郎\","
                + "\"Phonetic\":\"やまだ^たろう\"}]},"
                + "\"00100020\":{\"vr\":\"LO\",\"Value\":[\"P\\\"1\"]},"
                + "\"00101030\":{\"vr\":\"DS\",\"Value\":[72.5]},"
                + "\"00200013\":{\"vr\":\"IS\",\"Value\":[7]},"
                + "\"00280010\":{\"vr\":\"US\",\"Value\":[512]}}", DicomJson.toJson(d));
    }

    @Test
    void writesSequencesBinaryAndEmptyValues() {
        Dataset d = new Dataset();
        d.newSequence("ReferencedStudySequence").addNew().setString("ReferencedSOPInstanceUID", "1.2.3");
        d.newSequence("ReferencedSeriesSequence");
        d.setBytes(0x00091010, VR.OB, new byte[] {1, 2, 3});
        d.setString("ModalitiesInStudy", "CT", "", "MR");
        d.setString("PatientName", "=Ideo");
        String json = DicomJson.toJson(d);
        assertEquals("{\"00080061\":{\"vr\":\"CS\",\"Value\":[\"CT\",null,\"MR\"]},"
                + "\"00081110\":{\"vr\":\"SQ\",\"Value\":[{\"00081155\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}}]},"
                + "\"00081115\":{\"vr\":\"SQ\"},"
                + "\"00091010\":{\"vr\":\"OB\",\"InlineBinary\":\"AQID\"},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Ideographic\":\"Ideo\"}]}}", json);
    }
}
