package org.netdicom.index.internal;

import java.util.Set;

import org.netdicom.index.QueryLevel;

/**
 * Which entity of the Query/Retrieve information model an attribute belongs to: the keys of the
 * patient, study and series levels of PS3.4 C.6.1.1 and C.6.2.1 plus the other attributes of the
 * Patient, General Study, Patient Study, General Series and General Equipment modules; every
 * other attribute belongs to the instance.
 */
final class AttributeLevels {

    /** Group 0010 attributes of the Patient Study module (they describe the patient at this study). */
    private static final Set<Integer> PATIENT_STUDY = Set.of(0x00101010, 0x00101020, 0x00101021, 0x00101022,
            0x00101023, 0x00101024, 0x00101030, 0x00102180, 0x001021B0, 0x00102203);

    private static final Set<Integer> STUDY = Set.of(Keys.STUDY_DATE, Keys.STUDY_TIME, Keys.ACCESSION_NUMBER,
            0x00080051, Keys.MODALITIES_IN_STUDY, Keys.SOP_CLASSES_IN_STUDY, 0x00080063,
            Keys.REFERRING_PHYSICIAN_NAME, 0x00080096, Keys.STUDY_DESCRIPTION, 0x00081032, 0x00081048, 0x00081049,
            0x00081060, 0x00081062, 0x00081080, 0x00081110, Keys.STUDY_INSTANCE_UID, Keys.STUDY_ID, 0x00201070,
            Keys.NUMBER_OF_STUDY_RELATED_SERIES, Keys.NUMBER_OF_STUDY_RELATED_INSTANCES, 0x00380010, 0x00380014);

    private static final Set<Integer> SERIES = Set.of(Keys.SERIES_DATE, Keys.SERIES_TIME, Keys.MODALITY,
            0x00080070, 0x00080080, 0x00080081, 0x00081010, Keys.SERIES_DESCRIPTION, 0x00081040, 0x00081050,
            0x00081052, 0x00081070, 0x00081072, 0x00081090, 0x00081111, 0x00180015, 0x00181000, 0x00181020,
            0x00181030, 0x00185100, Keys.SERIES_INSTANCE_UID, Keys.SERIES_NUMBER, 0x00200060,
            Keys.NUMBER_OF_SERIES_RELATED_INSTANCES, 0x00400244, 0x00400245, 0x00400253, 0x00400254, 0x00400260,
            0x00400275);

    /** Attributes of the response itself, kept at no level. */
    private static final Set<Integer> NONE = Set.of(Keys.SPECIFIC_CHARACTER_SET, Keys.QUERY_RETRIEVE_LEVEL,
            Keys.RETRIEVE_AE_TITLE, Keys.INSTANCE_AVAILABILITY, 0x00080053, 0x00080058);

    private AttributeLevels() {
    }

    /** The level of {@code tag}, or null for the attributes of a response (character set, level...). */
    static QueryLevel of(int tag) {
        if (NONE.contains(tag)) {
            return null;
        }
        int group = tag >>> 16;
        if (group == 0x0010) {
            return PATIENT_STUDY.contains(tag) ? QueryLevel.STUDY : QueryLevel.PATIENT;
        }
        if (tag == Keys.NUMBER_OF_PATIENT_RELATED_STUDIES || tag == Keys.NUMBER_OF_PATIENT_RELATED_SERIES
                || tag == Keys.NUMBER_OF_PATIENT_RELATED_INSTANCES) {
            return QueryLevel.PATIENT;
        }
        if (group == 0x0032 || STUDY.contains(tag)) {
            return QueryLevel.STUDY;
        }
        if (SERIES.contains(tag)) {
            return QueryLevel.SERIES;
        }
        return QueryLevel.IMAGE;
    }

    /** True if {@code tag} belongs to {@code level} or a level above it. */
    static boolean atOrAbove(int tag, QueryLevel level) {
        QueryLevel own = of(tag);
        return own != null && own.ordinal() <= level.ordinal();
    }
}
