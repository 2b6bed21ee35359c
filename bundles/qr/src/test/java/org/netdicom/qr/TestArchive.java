package org.netdicom.qr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.index.IndexException;
import org.netdicom.index.StoredInstance;
import org.netdicom.index.jdbc.JdbcIndex;
import org.netdicom.index.jdbc.JdbcIndexes;

/**
 * An archive for the tests: Part 10 files under a storage root and their rows in an in-memory H2
 * index, as the storage plugin leaves them. Patients P1 (studies 1.2.826.0.1.1 with CT series 1 of
 * 3 images and MR series 2 of 2, and 1.2.826.0.1.2 with CT series 1 of 1) and P2 (study
 * 1.2.826.0.1.3, CT series 1 of 2).
 */
final class TestArchive {

    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    static final String EXPLICIT = "1.2.840.10008.1.2.1";
    static final String IMPLICIT = "1.2.840.10008.1.2";

    final Path root;
    final JdbcIndex index;
    final List<Dataset> instances = new ArrayList<>();

    TestArchive(Path root) throws IOException {
        this.root = root;
        this.index = JdbcIndexes.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    TestArchive standard() throws IOException {
        add("P1", "Doe^John", "1.2.826.0.1.1", 1, "CT", 3, "20240115", "103000");
        add("P1", "Doe^John", "1.2.826.0.1.1", 2, "MR", 2, "20240115", "103000");
        add("P1", "Doe^John", "1.2.826.0.1.2", 1, "CT", 1, "20240301", "080000");
        add("P2", "Roe^Jane", "1.2.826.0.1.3", 1, "CT", 2, "20231231", "235900");
        return this;
    }

    /** Writes and indexes {@code count} images of one series. */
    void add(String patientId, String name, String study, int series, String modality, int count, String date,
            String time) throws IOException {
        for (int n = 1; n <= count; n++) {
            Dataset d = new Dataset();
            d.setString("SpecificCharacterSet", "ISO_IR 100");
            d.setString(0x00080016, VR.UI, modality.equals("MR") ? MR : CT);
            d.setString(0x00080018, VR.UI, study + "." + series + "." + n);
            d.setString("StudyDate", date);
            d.setString("StudyTime", time);
            d.setString("AccessionNumber", "A" + study.substring(study.lastIndexOf('.') + 1));
            d.setString("Modality", modality);
            d.setString("PatientName", name);
            d.setString("PatientID", patientId);
            d.setString("PatientBirthDate", "19700101");
            d.setString("PatientSex", "O");
            d.setString("StudyInstanceUID", study);
            d.setString("SeriesInstanceUID", study + "." + series);
            d.setString("StudyID", "S" + study.substring(study.lastIndexOf('.') + 1));
            d.setString("SeriesNumber", Integer.toString(series));
            d.setString("InstanceNumber", Integer.toString(n));
            d.setString("StudyDescription", "Study of " + name);
            d.setString("SeriesDescription", modality + " series");
            d.setInt("SamplesPerPixel", 1);
            d.setString("PhotometricInterpretation", "MONOCHROME2");
            d.setInt("Rows", 4);
            d.setInt("Columns", 4);
            d.setInt("BitsAllocated", 16);
            d.setInt("BitsStored", 12);
            d.setInt("HighBit", 11);
            d.setInt("PixelRepresentation", 0);
            d.setBytes(0x7FE00010, VR.OW, new byte[32]);
            String relative = patientId + "/" + study + "/" + study + "." + series + "/" + d.getString(0x00080018) + ".dcm";
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            DicomFile.write(file, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            try {
                index.put(new StoredInstance(d.filter(t -> t != 0x7FE00010), relative, Files.size(file), EXPLICIT,
                        Instant.now()));
            } catch (IndexException e) {
                throw new IOException(e);
            }
            instances.add(d);
        }
    }

    Path fileOf(String sopInstanceUid) throws IndexException {
        return root.resolve(index.get(sopInstanceUid).orElseThrow().path());
    }
}
