package org.netdicom.bench.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.netdicom.data.BulkData;
import org.netdicom.data.Dataset;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;

/**
 * The three inputs of the benchmark, written as Part 10 files (Explicit VR Little Endian) so that
 * the JMH benchmarks and pydicom parse the same bytes: {@code ct.dcm} (512x512 16-bit CT-like),
 * {@code elements.dcm} (10,000 small elements in nested sequences) and {@code multiframe.dcm}
 * (100 MB of pixel data behind a header). Run as {@code SampleFiles <dir>}.
 */
public final class SampleFiles {
    public static final String CT = "ct.dcm";
    public static final String ELEMENTS = "elements.dcm";
    public static final String MULTIFRAME = "multiframe.dcm";
    public static final int FRAMES = 200;

    private SampleFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        DicomFile.write(dir.resolve(CT), ct(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dataset many = elements();
        DicomFile.write(dir.resolve(ELEMENTS), many, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DicomFile.write(dir.resolve(MULTIFRAME), multiframe(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        System.out.printf("%s %d bytes, %s %d bytes (%d elements), %s %d bytes%n",
                CT, Files.size(dir.resolve(CT)), ELEMENTS, Files.size(dir.resolve(ELEMENTS)), count(many),
                MULTIFRAME, Files.size(dir.resolve(MULTIFRAME)));
    }

    /** The header of a CT image: patient, study, series, geometry and display attributes. */
    static Dataset header(String sopClass) {
        Dataset d = new Dataset();
        d.setString(Tag.SPECIFIC_CHARACTER_SET, "ISO_IR 100");
        d.setString("ImageType", "ORIGINAL", "PRIMARY", "AXIAL");
        d.setString("SOPClassUID", sopClass);
        d.setString("SOPInstanceUID", "2.25.31415926535897932384626433832795");
        d.setString("StudyDate", "20240131").setString("SeriesDate", "20240131").setString("ContentDate", "20240131");
        d.setString("StudyTime", "101530").setString("SeriesTime", "101531").setString("ContentTime", "101532.123");
        d.setString("AccessionNumber", "A123456").setString("Modality", "CT");
        d.setString("Manufacturer", "netdicom").setString("InstitutionName", "Hôpital Général");
        d.setString("ReferringPhysicianName", "Welby^Marcus").setString("StudyDescription", "CT THORAX");
        d.setString("SeriesDescription", "AXIAL 1.25mm").setString("ManufacturerModelName", "bench");
        d.setString("PatientName", "Doe^John^^Dr").setString("PatientID", "PID-0001");
        d.setString("PatientBirthDate", "19700101").setString("PatientSex", "M").setString("PatientAge", "054Y");
        d.setString("BodyPartExamined", "CHEST").setDouble("SliceThickness", 1.25);
        d.setDouble("KVP", 120).setInt("ExposureTime", 500).setInt("XRayTubeCurrent", 250);
        d.setString("ConvolutionKernel", "B30f").setString("PatientPosition", "HFS");
        d.setString("StudyInstanceUID", "2.25.1111111111111111111111111111");
        d.setString("SeriesInstanceUID", "2.25.2222222222222222222222222222");
        d.setString("StudyID", "S1").setInt("SeriesNumber", 3).setInt("InstanceNumber", 42);
        d.setDouble("ImagePositionPatient", -250, -250, -123.5);
        d.setDouble("ImageOrientationPatient", 1, 0, 0, 0, 1, 0);
        d.setString("FrameOfReferenceUID", "2.25.3333333333333333333333333333");
        d.setDouble("SliceLocation", -123.5);
        d.setInt("SamplesPerPixel", 1).setString("PhotometricInterpretation", "MONOCHROME2");
        d.setInt("Rows", 512).setInt("Columns", 512).setDouble("PixelSpacing", 0.9765625, 0.9765625);
        d.setInt("BitsAllocated", 16).setInt("BitsStored", 12).setInt("HighBit", 11).setInt("PixelRepresentation", 0);
        d.setDouble("WindowCenter", 40).setDouble("WindowWidth", 400);
        d.setDouble("RescaleIntercept", -1024).setDouble("RescaleSlope", 1).setString("RescaleType", "HU");
        Sequence codes = d.newSequence("ProcedureCodeSequence");
        codes.addNew().setString("CodeValue", "24627-2").setString("CodingSchemeDesignator", "LN")
                .setString("CodeMeaning", "CT Chest");
        return d;
    }

    static Dataset ct() {
        Dataset d = header("1.2.840.10008.5.1.4.1.1.2");
        byte[] pixels = new byte[512 * 512 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            int v = (i * 7 / 2) & 0xFFF;
            pixels[i] = (byte) v;
            pixels[i + 1] = (byte) (v >>> 8);
        }
        d.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return d;
    }

    /**
     * About 10,000 small elements: 99 content items, each with its own elements, a concept name
     * code and nine nested content items of ten elements (like a structured report).
     */
    static Dataset elements() {
        Dataset d = header("1.2.840.10008.5.1.4.1.1.88.33");
        Sequence content = d.newSequence("ContentSequence");
        for (int i = 0; i < 99; i++) {
            Dataset item = content.addNew();
            leaf(item, i);
            Sequence nested = item.newSequence("ContentSequence");
            for (int k = 0; k < 9; k++) {
                leaf(nested.addNew(), i * 10 + k);
            }
        }
        return d;
    }

    /** Ten elements: six of the item, the code sequence and its three. */
    private static void leaf(Dataset item, int n) {
        item.setString("RelationshipType", "CONTAINS").setString("ValueType", "NUM");
        item.setDouble("NumericValue", n * 0.5).setString("TextValue", "finding " + n);
        item.setString("ObservationDateTime", "20240131101530").setInt("ReferencedContentItemIdentifier", 1, n);
        item.newSequence("ConceptNameCodeSequence").addNew().setString("CodeValue", "C" + n)
                .setString("CodingSchemeDesignator", "99NETDICOM").setString("CodeMeaning", "measurement " + n);
    }

    /** A 100 MiB multi-frame instance: 200 frames of 512x512x16 bits, streamed, never in memory. */
    static Dataset multiframe() {
        Dataset d = header("1.2.840.10008.5.1.4.1.1.2.1");
        d.setInt("NumberOfFrames", FRAMES);
        long length = FRAMES * 512L * 512 * 2;
        d.setBulkData(Tag.PIXEL_DATA, VR.OW, BulkData.ofSource(() -> new Zeros(length), length, false));
        return d;
    }

    static int count(Dataset d) {
        int n = 0;
        for (var e : d) {
            n++;
            if (e.isSequence()) {
                for (Dataset item : e.sequence()) {
                    n += count(item);
                }
            }
        }
        return n;
    }

    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long length) {
            left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
