package org.netdicom.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;

/**
 * A folder of test instances for an archive: {@code patients} patients of two studies each, every
 * study of three series (CT, MR, secondary capture) of a few small images, written in the four
 * uncompressed transfer syntaxes in turn, and some of them compressed by DCMTK (RLE, JPEG
 * Lossless), so that the archive sees several SOP classes and transfer syntaxes. Each syntax has
 * a folder of its own ({@link #FOLDERS}), for a storescu run that proposes just it.
 */
final class ArchiveInstances {

    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    static final String ROOT = "1.2.826.0.1.3680043.10.1077";
    /** Each folder and the storescu option that proposes its transfer syntax. */
    static final java.util.Map<String, String> FOLDERS = java.util.Map.of("explicit", "-xe", "implicit", "-xi", "big", "-xb",
            "deflated", "-xd", "rle", "-xr", "jpeg-lossless", "-xs");

    /** What was written: one record per file. */
    record Instance(Path file, String patientId, String studyUid, String seriesUid, String sopInstanceUid,
            String sopClassUid, String studyDate) {
    }

    private ArchiveInstances() {
    }

    static String studyUid(int patient, int study) {
        return ROOT + "." + patient + "." + study;
    }

    static String seriesUid(int patient, int study, int series) {
        return studyUid(patient, study) + "." + series;
    }

    /** Writes the instances under {@code folder}; {@code compressed} of them are compressed by DCMTK. */
    static List<Instance> write(Path folder, int patients, int imagesPerSeries, int compressed)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        TransferSyntax[] syntaxes = {TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN};
        String[] folders = {"explicit", "implicit", "big", "deflated"};
        for (String f : folders) {
            Files.createDirectories(folder.resolve(f));
        }
        String[][] seriesKinds = {{CT, "CT"}, {MR, "MR"}, {SC, "OT"}};
        List<Instance> written = new ArrayList<>();
        int n = 0;
        for (int p = 1; p <= patients; p++) {
            for (int s = 1; s <= 2; s++) {
                String studyDate = String.format("2024%02d%02d", 1 + (p - 1) % 12, 10 + s);
                for (int r = 1; r <= seriesKinds.length; r++) {
                    for (int i = 1; i <= imagesPerSeries; i++) {
                        Dataset d = image(p, s, r, i, seriesKinds[r - 1], studyDate);
                        n++;
                        Path file = folder.resolve(folders[n % folders.length]).resolve(String.format("f%05d.dcm", n));
                        DicomFile.write(file, d, syntaxes[n % syntaxes.length]);
                        written.add(new Instance(file, d.getString("PatientID"), studyUid(p, s), seriesUid(p, s, r),
                                d.getString(Tag.SOP_INSTANCE_UID), seriesKinds[r - 1][0], studyDate));
                    }
                }
            }
        }
        Files.createDirectories(folder.resolve("rle"));
        Files.createDirectories(folder.resolve("jpeg-lossless"));
        for (int c = 0; c < compressed && c < written.size(); c++) {
            int index = c * (written.size() / Math.max(compressed, 1));
            Instance instance = written.get(index);
            Path source = instance.file();
            // RLE and JPEG Lossless in turn, each in a folder of its own; DCMTK reads our syntaxes
            Path target = folder.resolve(c % 2 == 0 ? "rle" : "jpeg-lossless").resolve(source.getFileName());
            DcmtkTool.Result result = c % 2 == 0
                    ? DcmtkTool.run(null, 60, "dcmcrle", source.toString(), target.toString())
                    : DcmtkTool.run(null, 60, "dcmcjpeg", "+e1", source.toString(), target.toString());
            assertEquals(result.toString(), 0, result.exitCode());
            Files.delete(source);
            written.set(index, new Instance(target, instance.patientId(), instance.studyUid(), instance.seriesUid(),
                    instance.sopInstanceUid(), instance.sopClassUid(), instance.studyDate()));
        }
        return written;
    }

    private static Dataset image(int p, int s, int r, int i, String[] kind, String studyDate) {
        Dataset d = new Dataset();
        d.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        d.setString(Tag.SOP_CLASS_UID, VR.UI, kind[0]);
        d.setString(Tag.SOP_INSTANCE_UID, VR.UI, seriesUid(p, s, r) + "." + i);
        d.setString("StudyDate", studyDate);
        d.setString("StudyTime", String.format("%02d3000", 8 + s));
        d.setString("AccessionNumber", String.format("ACC%03d%d", p, s));
        d.setString("Modality", kind[1]);
        d.setString("ReferringPhysicianName", "Referring^Doctor");
        d.setString("StudyDescription", "Study " + s + " of patient " + p);
        d.setString("SeriesDescription", kind[1] + " series");
        d.setString("PatientName", String.format("Test^Patient%03d", p));
        d.setString("PatientID", String.format("PID%03d", p));
        d.setString("PatientBirthDate", String.format("19%02d0101", 40 + p % 50));
        d.setString("PatientSex", p % 2 == 0 ? "F" : "M");
        d.setString("StudyInstanceUID", studyUid(p, s));
        d.setString("SeriesInstanceUID", seriesUid(p, s, r));
        d.setString("StudyID", "S" + s);
        d.setString("SeriesNumber", Integer.toString(r));
        d.setString("InstanceNumber", Integer.toString(i));
        d.setInt("SamplesPerPixel", 1);
        d.setString("PhotometricInterpretation", "MONOCHROME2");
        d.setInt("Rows", 32);
        d.setInt("Columns", 32);
        d.setInt("BitsAllocated", 16);
        d.setInt("BitsStored", 12);
        d.setInt("HighBit", 11);
        d.setInt("PixelRepresentation", 0);
        byte[] pixels = new byte[32 * 32 * 2];
        for (int k = 0; k < pixels.length; k += 2) {
            pixels[k] = (byte) (k * 7 + i);
            pixels[k + 1] = (byte) ((k >> 8) & 0x0F);
        }
        d.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return d;
    }
}
