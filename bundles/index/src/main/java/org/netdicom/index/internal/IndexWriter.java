package org.netdicom.index.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.netdicom.data.Dataset;
import org.netdicom.index.IndexException;
import org.netdicom.index.StoredInstance;

/**
 * Writes the index: {@code put} creates or updates the patient, study, series and instance rows of
 * a stored instance, {@code remove} deletes an instance and the rows above it left empty. Rows are
 * locked top-down (patient, study, series, instance), the order every writer follows; counts are
 * kept up to date incrementally, and recounted when an instance changes its series, study or
 * patient (a correction) or is removed. The next instance of the series a thread wrote last, with
 * the same attributes above it, takes a shortcut past the levels above ({@link SeriesShortcut}).
 */
final class IndexWriter {

    private final Transactions transactions;
    private final SeriesShortcut shortcut = new SeriesShortcut();

    IndexWriter(Transactions transactions) {
        this.transactions = transactions;
    }

    void put(StoredInstance instance) throws IndexException {
        Dataset attributes = instance.attributes();
        String sopUid = required(instance.sopInstanceUid(), "SOP Instance UID (0008,0018)");
        String studyUid = required(instance.studyInstanceUid(), "Study Instance UID (0020,000D)");
        String seriesUid = required(instance.seriesInstanceUid(), "Series Instance UID (0020,000E)");
        String patientId = text(attributes.getString(Keys.PATIENT_ID), "");
        String sopClass = text(attributes, Keys.SOP_CLASS_UID);
        LevelAttributes parts = LevelAttributes.split(attributes);
        byte[] patientBlob = DatasetBlob.encode(parts.patient());
        byte[] studyBlob = DatasetBlob.encode(parts.study());
        byte[] seriesBlob = DatasetBlob.encode(parts.series());
        byte[] instanceBlob = DatasetBlob.encode(parts.instance());
        long knownSeries = sopClass == null ? -1
                : shortcut.seriesPk(patientId, patientBlob, studyUid, studyBlob, sopClass, seriesUid, seriesBlob);
        if (knownSeries >= 0 && putIntoKnownSeries(instance, knownSeries, sopClass, instanceBlob)) {
            shortcut.took();
            return;
        }
        shortcut.forget();
        long removalsBefore = shortcut.removals();
        Placed placed = transactions.run("indexing " + sopUid,
                c -> put(c, instance, attributes, patientBlob, studyBlob, seriesBlob, instanceBlob));
        shortcut.remember(patientId, patientBlob, studyUid, studyBlob, placed.sopClasses(), seriesUid, seriesBlob,
                placed.seriesPk(), removalsBefore);
    }

    /** How many instances went in by the shortcut: for tests. */
    long shortcutsTaken() {
        return shortcut.taken();
    }

    /** Where the full path put an instance: its series row and the SOP Classes in its study. */
    private record Placed(long seriesPk, Set<String> sopClasses) {
    }

    /**
     * The shortcut ({@link SeriesShortcut}): counts the instance into the series row it names (its
     * lock taken first, as the full path has it before it inserts) and inserts the instance's row.
     * False, with nothing changed, when the row is gone, its study no longer lists the instance's
     * SOP class (another node removed the class's last instance: the thread's entry knew the study
     * before), or the instance is indexed already (its unique key): then the full path does it.
     */
    private boolean putIntoKnownSeries(StoredInstance instance, long seriesPk, String sopClass, byte[] instanceBlob) {
        String sopUid = instance.sopInstanceUid().strip();
        try {
            return transactions.runOnce("indexing " + sopUid, c -> {
                if (update(c, "UPDATE dicom_series SET num_instances = num_instances + 1 WHERE pk = ? AND EXISTS "
                        + "(SELECT 1 FROM dicom_study s WHERE s.pk = dicom_series.study_fk "
                        + "AND POSITION(? IN s.sop_classes) > 0)", seriesPk, Counts.join(List.of(sopClass))) != 1) {
                    return false;
                }
                insertInstance(c, seriesPk, instance, instanceBlob);
                return true;
            });
        } catch (IndexException e) { // a unique key (indexed already, maybe in another series): the full path
            return false;
        }
    }

    /** Nothing reads the instance row's key: not asking for it saves a result set per stored instance. */
    private static void insertInstance(Connection c, long seriesPk, StoredInstance instance, byte[] instanceBlob)
            throws SQLException {
        update(c, "INSERT INTO dicom_instance (series_fk, sop_uid, sop_class, path, file_size, transfer_syntax, "
                + "received, attrs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", seriesPk, instance.sopInstanceUid().strip(),
                text(instance.attributes(), Keys.SOP_CLASS_UID), instance.path(), instance.size(),
                instance.transferSyntaxUid(), OffsetDateTime.ofInstant(instance.received(), ZoneOffset.UTC), instanceBlob);
    }

    private static String required(String value, String name) throws IndexException {
        if (value == null || value.isBlank()) {
            throw new IndexException("cannot index an instance without " + name);
        }
        return value.strip();
    }

    private Placed put(Connection c, StoredInstance instance, Dataset a, byte[] patientBlob, byte[] studyBlob,
            byte[] seriesBlob, byte[] instanceBlob) throws SQLException {
        // patient
        String patientId = text(a.getString(Keys.PATIENT_ID), "");
        long patientPk;
        try (PreparedStatement s = c.prepareStatement("SELECT pk, attrs FROM dicom_patient WHERE patient_id = ? FOR UPDATE")) {
            s.setString(1, patientId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    patientPk = r.getLong(1);
                    if (!Arrays.equals(patientBlob, r.getBytes(2))) {
                        update(c, "UPDATE dicom_patient SET patient_name = ?, birth_date = ?, sex = ?, attrs = ? WHERE pk = ?",
                                name(a, Keys.PATIENT_NAME), date(a, Keys.PATIENT_BIRTH_DATE), text(a, Keys.PATIENT_SEX),
                                patientBlob, patientPk);
                    }
                } else {
                    patientPk = insert(c, "INSERT INTO dicom_patient (patient_id, patient_name, birth_date, sex, attrs) "
                            + "VALUES (?, ?, ?, ?, ?)", patientId, name(a, Keys.PATIENT_NAME),
                            date(a, Keys.PATIENT_BIRTH_DATE), text(a, Keys.PATIENT_SEX), patientBlob);
                }
            }
        }
        // study
        String studyUid = a.getString(Keys.STUDY_INSTANCE_UID).strip();
        long studyPk;
        boolean newStudy = false;
        Long movedFromPatient = null;
        String sopClasses;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT pk, patient_fk, sop_classes, attrs FROM dicom_study WHERE study_uid = ? FOR UPDATE")) {
            s.setString(1, studyUid);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    studyPk = r.getLong(1);
                    long owner = r.getLong(2);
                    sopClasses = r.getString(3);
                    if (owner != patientPk) {
                        movedFromPatient = owner;
                        update(c, "UPDATE dicom_study SET patient_fk = ? WHERE pk = ?", patientPk, studyPk);
                    }
                    if (!Arrays.equals(studyBlob, r.getBytes(4))) {
                        update(c, "UPDATE dicom_study SET study_date = ?, accession = ?, study_id = ?, description = ?, "
                                + "referring_name = ?, attrs = ? WHERE pk = ?", date(a, Keys.STUDY_DATE),
                                text(a, Keys.ACCESSION_NUMBER), text(a, Keys.STUDY_ID), text(a, Keys.STUDY_DESCRIPTION),
                                name(a, Keys.REFERRING_PHYSICIAN_NAME), studyBlob, studyPk);
                    }
                } else {
                    studyPk = insert(c, "INSERT INTO dicom_study (patient_fk, study_uid, study_date, accession, study_id, "
                            + "description, referring_name, modalities, sop_classes, attrs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            patientPk, studyUid, date(a, Keys.STUDY_DATE), text(a, Keys.ACCESSION_NUMBER),
                            text(a, Keys.STUDY_ID), text(a, Keys.STUDY_DESCRIPTION),
                            name(a, Keys.REFERRING_PHYSICIAN_NAME), "", "", studyBlob);
                    sopClasses = "";
                    newStudy = true;
                }
            }
        }
        // series
        String seriesUid = a.getString(Keys.SERIES_INSTANCE_UID).strip();
        String modality = text(a, Keys.MODALITY);
        long seriesPk;
        boolean newSeries = false;
        boolean modalityChanged = false;
        Long movedFromStudy = null;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT pk, study_fk, modality, attrs FROM dicom_series WHERE series_uid = ? FOR UPDATE")) {
            s.setString(1, seriesUid);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    seriesPk = r.getLong(1);
                    long owner = r.getLong(2);
                    modalityChanged = !java.util.Objects.equals(modality, r.getString(3));
                    if (owner != studyPk) {
                        movedFromStudy = owner;
                        update(c, "UPDATE dicom_series SET study_fk = ? WHERE pk = ?", studyPk, seriesPk);
                    }
                    if (!Arrays.equals(seriesBlob, r.getBytes(4))) {
                        update(c, "UPDATE dicom_series SET modality = ?, description = ?, attrs = ? WHERE pk = ?",
                                modality, text(a, Keys.SERIES_DESCRIPTION), seriesBlob, seriesPk);
                    }
                } else {
                    seriesPk = insert(c, "INSERT INTO dicom_series (study_fk, series_uid, modality, description, attrs) "
                            + "VALUES (?, ?, ?, ?, ?)", studyPk, seriesUid, modality, text(a, Keys.SERIES_DESCRIPTION),
                            seriesBlob);
                    newSeries = true;
                }
            }
        }
        // instance
        String sopUid = instance.sopInstanceUid().strip();
        String sopClass = text(a, Keys.SOP_CLASS_UID);
        OffsetDateTime received = OffsetDateTime.ofInstant(instance.received(), ZoneOffset.UTC);
        boolean newInstance = false;
        Long movedFromSeries = null;
        try (PreparedStatement s = c.prepareStatement("SELECT pk, series_fk FROM dicom_instance WHERE sop_uid = ? FOR UPDATE")) {
            s.setString(1, sopUid);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    long pk = r.getLong(1);
                    long owner = r.getLong(2);
                    if (owner != seriesPk) {
                        movedFromSeries = owner;
                    }
                    update(c, "UPDATE dicom_instance SET series_fk = ?, sop_class = ?, path = ?, file_size = ?, "
                            + "transfer_syntax = ?, received = ?, attrs = ? WHERE pk = ?", seriesPk, sopClass,
                            instance.path(), instance.size(), instance.transferSyntaxUid(), received, instanceBlob, pk);
                } else {
                    insertInstance(c, seriesPk, instance, instanceBlob);
                    newInstance = true;
                }
            }
        }
        boolean moved = movedFromPatient != null || movedFromStudy != null || movedFromSeries != null;
        Set<String> classes = new LinkedHashSet<>(Counts.split(sopClasses));
        if (moved) {
            // A correction moved rows between parents: recount everything involved, drop what is empty.
            Counts.recountSeries(c, seriesPk);
            Counts.recountStudy(c, studyPk);
            Counts.recountPatient(c, patientPk);
            if (movedFromSeries != null) {
                Counts.recountAndPrune(c, movedFromSeries, null, null);
            }
            if (movedFromStudy != null) {
                Counts.recountAndPrune(c, null, movedFromStudy, null);
            }
            if (movedFromPatient != null) {
                Counts.recountAndPrune(c, null, null, movedFromPatient);
            }
            Counts.refreshDerived(c, studyPk);
            return new Placed(seriesPk, sopClass == null ? Set.of() : Set.of(sopClass));
        }
        // Only the series counts its instances; the study's and the patient's are summed from their
        // series when asked (SqlSelection): two fewer updates for every instance stored.
        if (newInstance) {
            update(c, "UPDATE dicom_series SET num_instances = num_instances + 1 WHERE pk = ?", seriesPk);
            if (newSeries) {
                update(c, "UPDATE dicom_study SET num_series = num_series + 1 WHERE pk = ?", studyPk);
                update(c, "UPDATE dicom_patient SET num_series = num_series + 1"
                        + (newStudy ? ", num_studies = num_studies + 1" : "") + " WHERE pk = ?", patientPk);
            }
        }
        if (newSeries || modalityChanged) {
            Counts.refreshModalities(c, studyPk);
        }
        if (sopClass != null && classes.add(sopClass)) {
            update(c, "UPDATE dicom_study SET sop_classes = ? WHERE pk = ?", Counts.join(classes), studyPk);
        }
        return new Placed(seriesPk, classes);
    }

    boolean remove(String sopInstanceUid) throws IndexException {
        // before and after: a put that began before the removal committed trusts nothing it learned
        shortcut.removed();
        try {
            return transactions.run("removing " + sopInstanceUid, c -> {
                long[] pks = Counts.lockPath(c, sopInstanceUid);
                if (pks == null) {
                    return false;
                }
                update(c, "DELETE FROM dicom_instance WHERE pk = ?", pks[3]);
                Counts.recountAndPrune(c, pks[2], pks[1], pks[0]);
                return true;
            });
        } finally {
            shortcut.removed();
        }
    }

    // ---- column values -----------------------------------------------------------------------------

    static String text(Dataset a, int tag) {
        return text(a.getString(tag), null);
    }

    static String text(String value, String absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        String v = value.strip();
        return v.length() > 400 ? v.substring(0, 400) : v;
    }

    /** A person name as its column holds it: normalized and upper case, for case-insensitive LIKE. */
    static String name(Dataset a, int tag) {
        String value = a.getString(tag);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = KeyMatch.fold(PersonNames.normalize(value));
        return v.length() > 1024 ? v.substring(0, 1024) : v;
    }

    static String date(Dataset a, int tag) {
        String value = a.getString(tag);
        return value == null || value.isBlank() ? null : Temporals.date(value.strip().replace(".", ""), false);
    }

    /** Runs an UPDATE, a DELETE or an INSERT whose key nobody reads; returns the number of rows it changed. */
    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, new String[] {"pk"})) {
            bind(s, params);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no key generated by " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                s.setNull(i + 1, Types.VARCHAR);
            } else if (p instanceof byte[] b) {
                s.setBytes(i + 1, b);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }
}
