package org.netdicom.index.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The values of a study, series and patient row that are derived from the rows below: the
 * Number of ... Related ... counts, Modalities in Study and SOP Classes in Study (PS3.4 C.6.1.1),
 * recounted from the rows, and rows left without instances deleted. The rows keep the counts of
 * series and studies and the series its instances; the instances of a study or patient are summed
 * from its series when a query asks ({@link SqlSelection}).
 */
final class Counts {

    private Counts() {
    }

    static void recountSeries(Connection c, long seriesPk) throws SQLException {
        IndexWriter.update(c, "UPDATE dicom_series SET num_instances = "
                + "(SELECT COUNT(*) FROM dicom_instance WHERE series_fk = ?) WHERE pk = ?", seriesPk, seriesPk);
    }

    static void recountStudy(Connection c, long studyPk) throws SQLException {
        IndexWriter.update(c, "UPDATE dicom_study SET num_series = (SELECT COUNT(*) FROM dicom_series WHERE study_fk = ?) "
                + "WHERE pk = ?", studyPk, studyPk);
    }

    static void recountPatient(Connection c, long patientPk) throws SQLException {
        IndexWriter.update(c, "UPDATE dicom_patient SET "
                + "num_studies = (SELECT COUNT(*) FROM dicom_study WHERE patient_fk = ?), "
                + "num_series = (SELECT COUNT(*) FROM dicom_series r JOIN dicom_study s ON r.study_fk = s.pk "
                + "WHERE s.patient_fk = ?) WHERE pk = ?", patientPk, patientPk, patientPk);
    }

    /**
     * Recounts the given rows (any may be null; a missing parent is looked up) from the bottom up
     * and deletes those left without instances. Each row is locked before it is counted: the count
     * is a subquery, which sees the rows committed when its statement began, so a row another
     * transaction still held (storing an instance into that series) would otherwise get a count
     * without that instance once the other committed. A lock taken bottom-up here and top-down by a
     * store can deadlock; the database then fails one transaction, which is run again.
     */
    static void recountAndPrune(Connection c, Long seriesPk, Long studyPk, Long patientPk) throws SQLException {
        if (seriesPk != null) {
            Long parent = parent(c, "SELECT study_fk FROM dicom_series WHERE pk = ? FOR UPDATE", seriesPk);
            recountSeries(c, seriesPk);
            IndexWriter.update(c, "DELETE FROM dicom_series WHERE pk = ? AND num_instances = 0", seriesPk);
            studyPk = studyPk != null ? studyPk : parent;
        }
        if (studyPk != null) {
            Long parent = parent(c, "SELECT patient_fk FROM dicom_study WHERE pk = ? FOR UPDATE", studyPk);
            recountStudy(c, studyPk);
            IndexWriter.update(c, "DELETE FROM dicom_study WHERE pk = ? AND num_series = 0", studyPk);
            refreshDerived(c, studyPk);
            patientPk = patientPk != null ? patientPk : parent;
        }
        if (patientPk != null) {
            lock(c, "SELECT pk FROM dicom_patient WHERE pk = ? FOR UPDATE", patientPk);
            recountPatient(c, patientPk);
            IndexWriter.update(c, "DELETE FROM dicom_patient WHERE pk = ? AND num_studies = 0", patientPk);
        }
    }

    static void refreshDerived(Connection c, long studyPk) throws SQLException {
        refreshModalities(c, studyPk);
        List<String> classes = strings(c, "SELECT DISTINCT i.sop_class FROM dicom_instance i JOIN dicom_series r "
                + "ON i.series_fk = r.pk WHERE r.study_fk = ? AND i.sop_class IS NOT NULL ORDER BY i.sop_class", studyPk);
        IndexWriter.update(c, "UPDATE dicom_study SET sop_classes = ? WHERE pk = ?", join(classes), studyPk);
    }

    /** Modalities in Study (0008,0061): stored as {@code \CT\MR\} so that LIKE finds one value. */
    static void refreshModalities(Connection c, long studyPk) throws SQLException {
        List<String> modalities = strings(c, "SELECT DISTINCT modality FROM dicom_series WHERE study_fk = ? "
                + "AND modality IS NOT NULL ORDER BY modality", studyPk);
        IndexWriter.update(c, "UPDATE dicom_study SET modalities = ? WHERE pk = ?", join(modalities), studyPk);
    }

    /**
     * Locks the rows of the instance {@code sopUid} top-down (patient, study, series, instance) and
     * returns their keys, or null if it is not indexed.
     */
    static long[] lockPath(Connection c, String sopUid) throws SQLException {
        for (int attempt = 0; attempt < 10; attempt++) {
            long[] pks = null;
            try (PreparedStatement s = c.prepareStatement("SELECT s.patient_fk, r.study_fk, i.series_fk, i.pk "
                    + "FROM dicom_instance i JOIN dicom_series r ON i.series_fk = r.pk JOIN dicom_study s ON r.study_fk = s.pk "
                    + "WHERE i.sop_uid = ?")) {
                s.setString(1, sopUid);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        pks = new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)};
                    }
                }
            }
            if (pks == null) {
                return null;
            }
            lock(c, "SELECT pk FROM dicom_patient WHERE pk = ? FOR UPDATE", pks[0]);
            lock(c, "SELECT pk FROM dicom_study WHERE pk = ? FOR UPDATE", pks[1]);
            lock(c, "SELECT pk FROM dicom_series WHERE pk = ? FOR UPDATE", pks[2]);
            Long series = parent(c, "SELECT series_fk FROM dicom_instance WHERE pk = ? FOR UPDATE", pks[3]);
            if (series == null) {
                return null;
            }
            if (series == pks[2]) {
                return pks;
            }
            // moved meanwhile by a concurrent correction: look again
        }
        throw new SQLException("the rows of " + sopUid + " keep moving", "40001");
    }

    private static void lock(Connection c, String sql, long pk) throws SQLException {
        parent(c, sql, pk);
    }

    private static Long parent(Connection c, String sql, long pk) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, pk);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    private static List<String> strings(Connection c, String sql, long pk) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, pk);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
        }
        return values;
    }

    /** {@code \A\B\} for the values A and B; empty for none. */
    static String join(Collection<String> values) {
        return values.isEmpty() ? "" : "\\" + String.join("\\", values) + "\\";
    }

    static List<String> split(String joined) {
        List<String> values = new ArrayList<>();
        if (joined != null) {
            for (String v : joined.split("\\\\")) {
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
        }
        return values;
    }
}
