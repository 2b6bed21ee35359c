package org.netdicom.index.internal;

import java.time.Instant;
import java.util.UUID;

import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.index.IndexException;
import org.netdicom.index.StoredInstance;
import org.netdicom.index.jdbc.JdbcIndex;
import org.netdicom.index.jdbc.JdbcIndexes;

/** Test fixtures: an index in a fresh in-memory H2 database and instances to fill it with. */
final class Archive {

    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";

    private Archive() {
    }

    static JdbcIndex memoryIndex() throws IndexException {
        return JdbcIndexes.open(memoryUrl(), "sa", "");
    }

    /** The URL of a new in-memory database, which every index opened on it shares until the JVM ends. */
    static String memoryUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000";
    }

    /** An instance of patient {@code patientId}, study {@code study}, series {@code study.series}. */
    static Dataset instance(String patientId, String patientName, String study, int series, int number,
            String modality) {
        Dataset d = new Dataset();
        d.setString(Keys.SOP_CLASS_UID, VR.UI, modality.equals("MR") ? MR : CT);
        d.setString(Keys.SOP_INSTANCE_UID, VR.UI, study + "." + series + "." + number);
        d.setString("PatientID", patientId);
        d.setString("PatientName", patientName);
        d.setString("PatientBirthDate", "19700101");
        d.setString("PatientSex", "O");
        d.setString("StudyInstanceUID", study);
        d.setString("StudyDate", "20240115");
        d.setString("StudyTime", "103000");
        d.setString("AccessionNumber", "ACC" + study.substring(study.lastIndexOf('.') + 1));
        d.setString("StudyID", "S" + study.substring(study.lastIndexOf('.') + 1));
        d.setString("StudyDescription", "Study " + study);
        d.setString("ReferringPhysicianName", "Ref^Erin");
        d.setString("SeriesInstanceUID", study + "." + series);
        d.setString("Modality", modality);
        d.setString("SeriesNumber", Integer.toString(series));
        d.setString("SeriesDescription", modality + " series " + series);
        d.setString("InstanceNumber", Integer.toString(number));
        d.setInt("Rows", 2);
        d.setBytes(0x7FE00010, VR.OW, new byte[8]);
        return d;
    }

    static StoredInstance stored(Dataset d) {
        return new StoredInstance(d, d.getString("PatientID") + "/" + d.getString(Keys.SOP_INSTANCE_UID) + ".dcm",
                1000, "1.2.840.10008.1.2.1", Instant.parse("2026-11-29T10:00:00Z"));
    }
}
