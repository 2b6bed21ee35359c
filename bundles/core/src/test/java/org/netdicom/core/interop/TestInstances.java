package org.netdicom.core.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.netdicom.data.Dataset;
import org.netdicom.data.Fragments;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.DicomWriter;
import org.netdicom.data.io.ReadOptions;

/**
 * Instances for the C-STORE interoperability tests: CT, MR and Secondary Capture images of varied
 * sizes written by our data bundle, with the patient, study, series and image pixel modules DCMTK's
 * codecs need; and the comparisons of a stored file with its original.
 */
final class TestInstances {

    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

    private TestInstances() {
    }

    /**
     * Writes {@code count} instances in Explicit VR Little Endian to {@code dir}: a cycle of CT
     * (16-bit, 12 stored), MR (16-bit) and SC (8-bit RGB) of growing sizes from 8 x 8 pixels up to
     * about 450 KB, the last one a 2048 x 1536 CT of about 6 MB.
     */
    static List<Path> write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Dataset d;
            if (i == count - 1) {
                d = grayscale(CT, "CT", i, 2048, 1536, 12);
            } else if (i == 0) {
                d = grayscale(CT, "CT", i, 8, 8, 12);
            } else {
                int size = 64 + 32 * (i % 13);
                d = switch (i % 3) {
                    case 0 -> grayscale(CT, "CT", i, size + 32, size + 32, 12);
                    case 1 -> grayscale(MR, "MR", i, size, 256, 16);
                    default -> rgb(i, size, size + 40);
                };
            }
            Path file = dir.resolve(String.format("%03d.dcm", i));
            DicomFile.write(file, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            files.add(file);
        }
        return files;
    }

    static String instanceUid(int index) {
        return "2.25.4711" + (1000 + index);
    }

    private static Dataset common(String sopClass, String modality, int index) {
        Dataset d = new Dataset();
        d.setString(Tag.SOP_CLASS_UID, VR.UI, sopClass);
        d.setString(Tag.SOP_INSTANCE_UID, VR.UI, instanceUid(index));
        d.setString("SpecificCharacterSet", "ISO_IR 100");
        d.setString("ImageType", "ORIGINAL", "PRIMARY", "AXIAL");
        d.setString("StudyDate", "20261129");
        d.setString("StudyTime", "101112.123");
        d.setString("AccessionNumber", "A" + index);
        d.setString("Modality", modality);
        d.setString("Manufacturer", "netdicom");
        d.setString("PatientName", "Müller^Jörg^^Dr.");
        d.setString("PatientID", "P-" + (index % 7));
        d.setString("PatientBirthDate", "19700101");
        d.setString("PatientSex", index % 2 == 0 ? "F" : "M");
        d.newSequence("ProcedureCodeSequence").addNew().setString("CodeValue", "C-" + index)
                .setString("CodingSchemeDesignator", "99NETDICOM").setString("CodeMeaning", "Test procedure");
        d.setString("StudyInstanceUID", "2.25.4712" + (index % 5));
        d.setString("SeriesInstanceUID", "2.25.4713" + (index % 10));
        d.setString("InstanceNumber", Integer.toString(index + 1));
        return d;
    }

    private static Dataset grayscale(String sopClass, String modality, int index, int rows, int columns, int bitsStored) {
        Dataset d = common(sopClass, modality, index);
        d.setString("PixelSpacing", "0.5", "0.5");
        d.setString("SliceThickness", "1.25");
        if (modality.equals("CT")) {
            d.setString("RescaleIntercept", "-1024");
            d.setString("RescaleSlope", "1");
        } else {
            d.setString("EchoTime", "12.5");
            d.setString("RepetitionTime", "450");
        }
        d.setInt("SamplesPerPixel", 1);
        d.setString("PhotometricInterpretation", "MONOCHROME2");
        d.setInt("Rows", rows).setInt("Columns", columns);
        d.setInt("BitsAllocated", 16).setInt("BitsStored", bitsStored).setInt("HighBit", bitsStored - 1);
        d.setInt("PixelRepresentation", 0);
        int mask = (1 << bitsStored) - 1;
        byte[] pixels = new byte[rows * columns * 2];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                int v = (x * 7 + y * 13 + (x * y >> 5) + index * 101) & mask;
                int at = (y * columns + x) * 2;
                pixels[at] = (byte) v;
                pixels[at + 1] = (byte) (v >> 8);
            }
        }
        d.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return d;
    }

    private static Dataset rgb(int index, int rows, int columns) {
        Dataset d = common(SC, "OT", index);
        d.setString("ConversionType", "WSD");
        d.setInt("SamplesPerPixel", 3);
        d.setString("PhotometricInterpretation", "RGB");
        d.setInt("PlanarConfiguration", 0);
        d.setInt("Rows", rows).setInt("Columns", columns);
        d.setInt("BitsAllocated", 8).setInt("BitsStored", 8).setInt("HighBit", 7);
        d.setInt("PixelRepresentation", 0);
        byte[] pixels = new byte[rows * columns * 3];
        for (int i = 0; i < pixels.length; i++) {
            int pixel = i / 3;
            pixels[i] = (byte) ((pixel % columns) * (1 + i % 3) + (pixel / columns) * 3 + index);
        }
        d.setBytes(Tag.PIXEL_DATA, VR.OB, pixels);
        return d;
    }

    /** The meta information of a Part 10 file, and its transfer syntax; the data set is not read. */
    static DicomFile meta(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DicomFile.read(in, ReadOptions.DEFAULT.stopBefore(0));
        }
    }

    /** The files below {@code dir} by the SOP Instance UID of their meta information. */
    static Map<String, Path> byInstanceUid(Path dir) throws IOException {
        Map<String, Path> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                found.put(meta(file).fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID), file);
            }
        }
        return found;
    }

    /**
     * Asserts that {@code stored} holds the data set of {@code original}: element for element when
     * both are in Explicit VR; when either is in Implicit VR, where the VRs come from the dictionary
     * (an 8-bit Pixel Data read as OW), by their Implicit VR Little Endian encodings. Encapsulated
     * Pixel Data must have the same offset table and fragments.
     */
    static void assertSameDataSet(Path original, Path stored) throws IOException {
        DicomFile a = DicomFile.read(original);
        DicomFile b = DicomFile.read(stored);
        String what = stored.getFileName() + " against " + original.getFileName();
        Fragments fa = a.dataset().getFragments(Tag.PIXEL_DATA);
        if (fa != null) {
            Fragments fb = b.dataset().getFragments(Tag.PIXEL_DATA);
            assertTrue(fb != null && fa.size() > 0, what + ": encapsulated pixel data");
            assertEquals(fa.size(), fb.size(), what + ": number of fragments");
            assertArrayEquals(fa.offsetTable(), fb.offsetTable(), what + ": basic offset table");
            for (int i = 0; i < fa.size(); i++) {
                assertArrayEquals(fa.get(i), fb.get(i), what + ": fragment " + i);
            }
        }
        if (a.transferSyntax().isExplicitVr() && b.transferSyntax().isExplicitVr()) {
            assertEquals(a.dataset(), b.dataset(), what);
        } else {
            assertArrayEquals(implicitEncoding(a.dataset()), implicitEncoding(b.dataset()), what);
        }
    }

    private static byte[] implicitEncoding(Dataset d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter w = new DicomWriter(out);
        w.writeDataset(d, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        w.flush();
        return out.toByteArray();
    }

    /** The bytes of the data set of a Part 10 file: what follows its meta information. */
    static byte[] dataSetBytes(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int start = 132 + 12 + (int) meta(file).fileMeta().getLong(Tag.FILE_META_INFORMATION_GROUP_LENGTH, -1);
        return Arrays.copyOfRange(all, start, all.length);
    }
}
