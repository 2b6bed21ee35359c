package org.netdicom.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;

/** Small instances for the tool tests: CT, MR and SC images with the modules a Q/R SCP indexes. */
public final class TestFiles {

    public static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    public static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    public static final String SC = "1.2.840.10008.5.1.4.1.1.7";

    private TestFiles() {
    }

    /** An image of {@code sopClass} in study {@code study} of patient {@code patientId}. */
    public static Dataset image(String sopClass, String patientId, String study, int number) {
        Dataset d = new Dataset();
        String modality = sopClass.equals(CT) ? "CT" : sopClass.equals(MR) ? "MR" : "OT";
        d.setString(Tag.SOP_CLASS_UID, VR.UI, sopClass);
        d.setString(Tag.SOP_INSTANCE_UID, VR.UI, study + ".1." + number);
        d.setString("StudyDate", "20240101");
        d.setString("Modality", modality);
        d.setString("AccessionNumber", "A" + number);
        d.setString("PatientName", "Doe^" + patientId);
        d.setString("PatientID", patientId);
        d.setString("StudyInstanceUID", study);
        d.setString("SeriesInstanceUID", study + ".1");
        d.setString("StudyID", "S1");
        d.setString("SeriesNumber", "1");
        d.setString("InstanceNumber", Integer.toString(number));
        d.setInt("SamplesPerPixel", 1);
        d.setString("PhotometricInterpretation", "MONOCHROME2");
        d.setInt("Rows", 8);
        d.setInt("Columns", 8);
        d.setInt("BitsAllocated", 16);
        d.setInt("BitsStored", 12);
        d.setInt("HighBit", 11);
        d.setInt("PixelRepresentation", 0);
        byte[] pixels = new byte[128];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) (i + number);
        }
        d.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return d;
    }

    /** SOP Instance UID -> data set of each Part 10 file under {@code folder}. */
    public static Map<String, Dataset> instancesIn(Path folder) throws IOException {
        Map<String, Dataset> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Dataset d = DicomFile.read(f).dataset();
                found.put(d.getString(Tag.SOP_INSTANCE_UID), d);
            }
        }
        return found;
    }

    /** Writes {@code d} to {@code dir/name} in {@code ts}. */
    public static Path write(Path dir, String name, Dataset d, TransferSyntax ts) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        DicomFile.write(file, d, ts);
        return file;
    }

    /**
     * A small archive: patient P-1 with study .1 (CT 1, CT 2, MR 3) and study .2 (SC 1, Implicit VR),
     * patient P-2 with study .3 (CT 1), in {@code dir} (subfolders per patient).
     */
    public static List<Path> archive(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        String s1 = "1.2.826.0.1.3680043.10.1";
        String s2 = "1.2.826.0.1.3680043.10.2";
        String s3 = "1.2.826.0.1.3680043.10.3";
        files.add(write(dir.resolve("P-1"), "ct1.dcm", image(CT, "P-1", s1, 1), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        files.add(write(dir.resolve("P-1"), "ct2.dcm", image(CT, "P-1", s1, 2), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        files.add(write(dir.resolve("P-1"), "mr3.dcm", image(MR, "P-1", s1, 3), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        files.add(write(dir.resolve("P-1"), "sc1.dcm", image(SC, "P-1", s2, 1), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        files.add(write(dir.resolve("P-2"), "ct1.dcm", image(CT, "P-2", s3, 1), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        return files;
    }
}
