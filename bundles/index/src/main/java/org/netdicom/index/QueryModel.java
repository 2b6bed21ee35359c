package org.netdicom.index;

/** The Query/Retrieve information models the index answers (PS3.4 C.6). */
public enum QueryModel {
    /** Patient Root: PATIENT, STUDY, SERIES, IMAGE. */
    PATIENT_ROOT,
    /** Study Root: STUDY (with patient attributes), SERIES, IMAGE. */
    STUDY_ROOT,
    /** Patient/Study Only (retired): PATIENT, STUDY. */
    PATIENT_STUDY_ONLY;

    /** Whether {@code level} exists in this model. */
    public boolean hasLevel(QueryLevel level) {
        return switch (this) {
            case PATIENT_ROOT -> true;
            case STUDY_ROOT -> level != QueryLevel.PATIENT;
            case PATIENT_STUDY_ONLY -> level == QueryLevel.PATIENT || level == QueryLevel.STUDY;
        };
    }
}
