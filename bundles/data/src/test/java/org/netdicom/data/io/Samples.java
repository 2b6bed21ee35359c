package org.netdicom.data.io;

import org.netdicom.data.Dataset;
import org.netdicom.data.Fragments;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/** Datasets used by the codec tests: one element of every VR, sequences nested and empty. */
final class Samples {
    private Samples() {
    }

    /**
     * A CT-like instance with an element of each of the 34 VRs, at tags whose dictionary VR is
     * that VR (so Implicit VR round-trips too), nested and empty sequences.
     */
    static Dataset everyVr() {
        Dataset d = new Dataset();
        d.setString(Tag.SPECIFIC_CHARACTER_SET, "ISO_IR 100");
        d.setString("ImageType", "ORIGINAL", "PRIMARY", "AXIAL");
        d.setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.2");
        d.setString("SOPInstanceUID", "2.25.1234567890");
        d.setString("StudyDate", "20240131");
        d.setString("AcquisitionDateTime", "20240131101530.25");
        d.setString("StudyTime", "101530.25");
        d.setString("Modality", "CT");
        d.setString("RetrieveAETitle", "ARCHIVE");
        d.setString("InstitutionName", "Hôpital Général");
        d.setString("PatientName", "Doe^John^^Dr");
        d.setString("PatientID", "PID-001");
        d.setString("PatientAge", "042Y");
        d.setString("PatientComments", "multi\r\nline \\ comment");
        d.setString("StudyID", "S1");
        d.setString("AdditionalPatientHistory", "history");
        d.setString(0x0040A160, VR.UT, "unlimited text");
        d.setString(0x00081190, VR.UR, "http://example.org/wado");
        d.setString(0x00080119, VR.UC, "long code value");
        d.setString("ImageComments", "short text");
        d.setDouble("SliceThickness", 1.25);
        d.setInt("InstanceNumber", 7);
        d.setInt("Rows", 4);
        d.setInt("Columns", 2);
        d.setInt(0x00189219, VR.SS, -100);
        d.setLong(0x00186020, VR.SL, -70000);
        d.setLong(0x00041200, VR.UL, 4000000000L);
        d.setDouble(0x00189087, VR.FD, 1000.5);
        d.setDouble(0x00189089, VR.FD, 0.0, 0.6, 0.8);
        d.setDouble(0x00089459, VR.FL, 29.97);
        d.setString(0x00720068, VR.LT, "selector text");
        d.setLong(0x00720082, VR.SV, -5_000_000_000L);
        d.setLong(0x00720083, VR.UV, 9_000_000_000L);
        d.setInt(0x00209165, VR.AT, 0x00209056, 0x7FE00010);
        d.setBytes(0x00420011, VR.OB, new byte[] {1, 2, 3, 4});
        d.setDouble(0x00640009, VR.OF, 1.5, 2.5);
        d.setDouble(0x7FE00009, VR.OD, 3.25);
        d.setLong(0x00660040, VR.OL, 1, 2);
        d.setLong(0x00720081, VR.OV, 1L << 40);
        d.setBytes(0x00291010, VR.UN, new byte[] {9, 8, 7, 6});
        d.setString(0x00290010, VR.LO, "NETDICOM TEST");
        Sequence refs = d.newSequence("ReferencedSeriesSequence");
        refs.addNew().setString("SeriesInstanceUID", "1.2.3.4");
        Dataset second = refs.addNew();
        second.setString("SeriesInstanceUID", "1.2.3.5");
        second.newSequence("ReferencedInstanceSequence").addNew()
                .setString("ReferencedSOPInstanceUID", "1.2.3.5.1");
        d.newSequence("OtherPatientIDsSequence"); // empty
        d.setLong(Tag.PIXEL_DATA, VR.OW, 0, 1, 2, 3, 4, 5, 0x7FFF, 0xFFFF);
        return d;
    }

    /** A dataset with encapsulated pixel data (one fragment of odd length and an empty offset table). */
    static Dataset encapsulated() {
        Dataset d = new Dataset();
        d.setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7");
        d.setString("SOPInstanceUID", "2.25.42");
        Fragments f = new Fragments();
        f.add(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9});
        f.add(new byte[] {1, 2, 3, 4});
        d.setFragments(Tag.PIXEL_DATA, f);
        return d;
    }
}
