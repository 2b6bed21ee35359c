package org.netdicom.index.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.netdicom.index.QueryLevel;

/**
 * The SQL that narrows the rows of a query: the join of the tables from the query's level up, and
 * a WHERE clause from the matching keys that have a column. The conditions select a superset of
 * the matches (names compared in upper case, wildcards as LIKE, date ranges on the date column of a
 * combined date-time range...); {@link CompiledQuery#matches} decides on each row.
 */
final class SqlSelection {

    private static final String COLUMNS_PATIENT = "p.pk AS p_pk, p.attrs AS p_attrs, p.num_studies AS p_studies, "
            + "p.num_series AS p_series";
    private static final String COLUMNS_STUDY = ", s.pk AS s_pk, s.attrs AS s_attrs, s.modalities AS s_modalities, "
            + "s.sop_classes AS s_sop_classes, s.num_series AS s_series";
    /**
     * The instances of a patient and of a study, summed from their series' counts (see {@link
     * Counts}): selected only for a query that names them, as a sub-select per row costs a query
     * that does not want them (1,000 C-FINDs at STUDY level: 8 % longer).
     */
    private static final String PATIENT_INSTANCES = ", (SELECT COALESCE(SUM(pr.num_instances), 0) FROM dicom_series pr "
            + "JOIN dicom_study ps ON pr.study_fk = ps.pk WHERE ps.patient_fk = p.pk) AS p_instances";
    private static final String STUDY_INSTANCES = ", (SELECT COALESCE(SUM(sr.num_instances), 0) FROM dicom_series sr "
            + "WHERE sr.study_fk = s.pk) AS s_instances";
    private static final String COLUMNS_SERIES = ", r.pk AS r_pk, r.attrs AS r_attrs, r.num_instances AS r_instances";
    private static final String COLUMNS_INSTANCE = ", i.pk AS i_pk, i.attrs AS i_attrs, i.sop_uid AS i_sop_uid, "
            + "i.sop_class AS i_sop_class, i.path AS i_path, i.file_size AS i_size, i.transfer_syntax AS i_ts, "
            + "i.received AS i_received";

    /** A column and how its values are kept. */
    private record Column(String name, Kind kind) {
    }

    private enum Kind { TEXT, NAME, DATE, MULTI }

    private static final Map<Integer, Column> COLUMNS = Map.ofEntries(
            Map.entry(Keys.PATIENT_ID, new Column("p.patient_id", Kind.TEXT)),
            Map.entry(Keys.PATIENT_NAME, new Column("p.patient_name", Kind.NAME)),
            Map.entry(Keys.PATIENT_BIRTH_DATE, new Column("p.birth_date", Kind.DATE)),
            Map.entry(Keys.PATIENT_SEX, new Column("p.sex", Kind.TEXT)),
            Map.entry(Keys.STUDY_INSTANCE_UID, new Column("s.study_uid", Kind.TEXT)),
            Map.entry(Keys.STUDY_DATE, new Column("s.study_date", Kind.DATE)),
            Map.entry(Keys.ACCESSION_NUMBER, new Column("s.accession", Kind.TEXT)),
            Map.entry(Keys.STUDY_ID, new Column("s.study_id", Kind.TEXT)),
            Map.entry(Keys.STUDY_DESCRIPTION, new Column("s.description", Kind.TEXT)),
            Map.entry(Keys.REFERRING_PHYSICIAN_NAME, new Column("s.referring_name", Kind.NAME)),
            Map.entry(Keys.MODALITIES_IN_STUDY, new Column("s.modalities", Kind.MULTI)),
            Map.entry(Keys.SERIES_INSTANCE_UID, new Column("r.series_uid", Kind.TEXT)),
            Map.entry(Keys.MODALITY, new Column("r.modality", Kind.TEXT)),
            Map.entry(Keys.SERIES_DESCRIPTION, new Column("r.description", Kind.TEXT)),
            Map.entry(Keys.SOP_INSTANCE_UID, new Column("i.sop_uid", Kind.TEXT)),
            Map.entry(Keys.SOP_CLASS_UID, new Column("i.sop_class", Kind.TEXT)));

    /** More UIDs than this in a list are matched in Java only. */
    private static final int MAX_IN_LIST = 500;

    final String sql;
    final List<Object> parameters;

    private SqlSelection(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    /**
     * The rows at {@code level} (and the rows above them) that may match {@code keys}; with
     * {@code instanceCounts}, also the numbers of instances of their patient and study.
     */
    static SqlSelection of(QueryLevel level, List<KeyMatch> keys, boolean instanceCounts) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS_PATIENT);
        if (instanceCounts) {
            sql.append(PATIENT_INSTANCES);
        }
        String from = switch (level) {
            case PATIENT -> " FROM dicom_patient p";
            case STUDY -> " FROM dicom_study s JOIN dicom_patient p ON s.patient_fk = p.pk";
            case SERIES -> " FROM dicom_series r JOIN dicom_study s ON r.study_fk = s.pk "
                    + "JOIN dicom_patient p ON s.patient_fk = p.pk";
            case IMAGE -> " FROM dicom_instance i JOIN dicom_series r ON i.series_fk = r.pk "
                    + "JOIN dicom_study s ON r.study_fk = s.pk JOIN dicom_patient p ON s.patient_fk = p.pk";
        };
        if (level.ordinal() >= QueryLevel.STUDY.ordinal()) {
            sql.append(COLUMNS_STUDY);
            if (instanceCounts) {
                sql.append(STUDY_INSTANCES);
            }
        }
        if (level.ordinal() >= QueryLevel.SERIES.ordinal()) {
            sql.append(COLUMNS_SERIES);
        }
        if (level == QueryLevel.IMAGE) {
            sql.append(COLUMNS_INSTANCE);
        }
        sql.append(from);
        List<Object> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        for (KeyMatch key : keys) {
            Column column = COLUMNS.get(key.tag());
            if (column == null || !tableJoined(column, level)) {
                continue;
            }
            String condition = condition(column, key, parameters);
            if (condition != null) {
                conditions.add(condition);
            }
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        return new SqlSelection(sql.toString(), parameters);
    }

    private static boolean tableJoined(Column column, QueryLevel level) {
        return switch (column.name().charAt(0)) {
            case 'p' -> true;
            case 's' -> level.ordinal() >= QueryLevel.STUDY.ordinal();
            case 'r' -> level.ordinal() >= QueryLevel.SERIES.ordinal();
            default -> level == QueryLevel.IMAGE;
        };
    }

    private static String condition(Column column, KeyMatch key, List<Object> parameters) {
        String col = column.name();
        if (key instanceof KeyMatch.UidList list) {
            if (list.uids().size() > MAX_IN_LIST) {
                return null;
            }
            parameters.addAll(list.uids());
            return col + (list.uids().size() == 1 ? " = ?" : " IN (" + "?, ".repeat(list.uids().size() - 1) + "?)");
        }
        if (key instanceof KeyMatch.Range range && column.kind() == Kind.DATE) {
            return dateRange(col, range.lowDate(), range.highDate(), parameters);
        }
        if (key instanceof KeyMatch.DateTimeRange range && column.kind() == Kind.DATE) {
            return dateRange(col, range.low() == null ? null : range.low().substring(0, 8),
                    range.high() == null ? null : range.high().substring(0, 8), parameters);
        }
        if (key instanceof KeyMatch.Text text) {
            List<String> alternatives = new ArrayList<>();
            for (String value : text.values()) {
                switch (column.kind()) {
                    case TEXT -> alternatives.add(like(col, value, "", "", parameters));
                    case MULTI -> alternatives.add(like(col, "*\\" + value + "\\*", "", "", parameters));
                    case NAME -> {
                        String folded = KeyMatch.fold(value);
                        alternatives.add(like(col, folded, "", "", parameters));
                        if (folded.indexOf('=') < 0) {
                            // the key may match one component group of a multi-group name
                            alternatives.add(like(col, folded + "=*", "", "", parameters));
                            alternatives.add(like(col, "*=" + folded, "", "", parameters));
                            alternatives.add(like(col, "*=" + folded + "=*", "", "", parameters));
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")";
        }
        return null;
    }

    private static String dateRange(String col, String low, String high, List<Object> parameters) {
        if (low == null && high == null) {
            return null;
        }
        if (low != null && high != null) {
            parameters.add(low);
            parameters.add(high);
            return col + " BETWEEN ? AND ?";
        }
        parameters.add(low != null ? low : high);
        return col + (low != null ? " >= ?" : " <= ?");
    }

    /** {@code col = ?} for a plain value, {@code col LIKE ? ESCAPE '!'} for one with * or ? (PS3.4 C.2.2.2.4). */
    private static String like(String col, String value, String prefix, String suffix, List<Object> parameters) {
        if (value.indexOf('*') < 0 && value.indexOf('?') < 0) {
            parameters.add(value);
            return col + " = ?";
        }
        StringBuilder pattern = new StringBuilder(prefix);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '*' -> pattern.append('%');
                case '?' -> pattern.append('_');
                case '%', '_', '!' -> pattern.append('!').append(c);
                default -> pattern.append(c);
            }
        }
        pattern.append(suffix);
        parameters.add(pattern.toString());
        return col + " LIKE ? ESCAPE '!'";
    }
}
