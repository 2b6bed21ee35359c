package org.netdicom.index.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.index.QueryLevel;
import org.netdicom.index.StoredInstance;

/**
 * One row of a {@link SqlSelection} as the attributes of its entity: the attributes of its level
 * and of the levels above, merged, with the derived values (counts, Modalities in Study, SOP
 * Classes in Study) of those levels set.
 */
final class EntityRow {

    private EntityRow() {
    }

    /** {@code instanceCounts}: whether the selection has the patient's and study's numbers of instances. */
    static Dataset attributes(ResultSet r, QueryLevel level, boolean instanceCounts) throws SQLException {
        Dataset merged = DatasetBlob.decode(r.getBytes("p_attrs"));
        merged.setString(Keys.NUMBER_OF_PATIENT_RELATED_STUDIES, VR.IS, Integer.toString(r.getInt("p_studies")));
        merged.setString(Keys.NUMBER_OF_PATIENT_RELATED_SERIES, VR.IS, Integer.toString(r.getInt("p_series")));
        if (instanceCounts) {
            merged.setString(Keys.NUMBER_OF_PATIENT_RELATED_INSTANCES, VR.IS, Integer.toString(r.getInt("p_instances")));
        }
        if (level.ordinal() >= QueryLevel.STUDY.ordinal()) {
            merged.merge(DatasetBlob.decode(r.getBytes("s_attrs")));
            List<String> modalities = Counts.split(r.getString("s_modalities"));
            merged.setString(Keys.MODALITIES_IN_STUDY, VR.CS, modalities.toArray(String[]::new));
            List<String> classes = Counts.split(r.getString("s_sop_classes"));
            merged.setString(Keys.SOP_CLASSES_IN_STUDY, VR.UI, classes.toArray(String[]::new));
            merged.setString(Keys.NUMBER_OF_STUDY_RELATED_SERIES, VR.IS, Integer.toString(r.getInt("s_series")));
            if (instanceCounts) {
                merged.setString(Keys.NUMBER_OF_STUDY_RELATED_INSTANCES, VR.IS, Integer.toString(r.getInt("s_instances")));
            }
        }
        if (level.ordinal() >= QueryLevel.SERIES.ordinal()) {
            merged.merge(DatasetBlob.decode(r.getBytes("r_attrs")));
            merged.setString(Keys.NUMBER_OF_SERIES_RELATED_INSTANCES, VR.IS, Integer.toString(r.getInt("r_instances")));
        }
        if (level == QueryLevel.IMAGE) {
            merged.merge(DatasetBlob.decode(r.getBytes("i_attrs")));
        }
        return merged;
    }

    /** The values {@link #attributes} derives from the rows below: not attributes of a stored instance. */
    private static final java.util.Set<Integer> DERIVED = java.util.Set.of(Keys.NUMBER_OF_PATIENT_RELATED_STUDIES,
            Keys.NUMBER_OF_PATIENT_RELATED_SERIES, Keys.NUMBER_OF_PATIENT_RELATED_INSTANCES,
            Keys.MODALITIES_IN_STUDY, Keys.SOP_CLASSES_IN_STUDY, Keys.NUMBER_OF_STUDY_RELATED_SERIES,
            Keys.NUMBER_OF_STUDY_RELATED_INSTANCES, Keys.NUMBER_OF_SERIES_RELATED_INSTANCES);

    /** The stored instance of an IMAGE level row, with the instance's own attributes of {@code attributes}. */
    static StoredInstance instance(ResultSet r, Dataset attributes) throws SQLException {
        OffsetDateTime received = r.getObject("i_received", OffsetDateTime.class);
        for (int tag : DERIVED) {
            attributes.remove(tag);
        }
        return new StoredInstance(attributes, r.getString("i_path"), r.getLong("i_size"), r.getString("i_ts"),
                received.toInstant());
    }
}
