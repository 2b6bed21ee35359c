package org.netdicom.qr;

import java.util.Map;

import org.netdicom.index.QueryModel;

/** The Query/Retrieve SOP classes this plugin answers and their information models (PS3.4 C.6). */
final class InformationModels {

    static final String PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";
    static final String PATIENT_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.1.2";
    static final String PATIENT_ROOT_GET = "1.2.840.10008.5.1.4.1.2.1.3";
    static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    static final String STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    static final String STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";
    static final String PATIENT_STUDY_ONLY_FIND = "1.2.840.10008.5.1.4.1.2.3.1";
    static final String PATIENT_STUDY_ONLY_MOVE = "1.2.840.10008.5.1.4.1.2.3.2";
    static final String PATIENT_STUDY_ONLY_GET = "1.2.840.10008.5.1.4.1.2.3.3";
    /** Composite Instance Root Retrieve and Retrieve Without Bulk Data (PS3.4 Y, Z): STUDY, SERIES, IMAGE levels. */
    static final String COMPOSITE_INSTANCE_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.4.2";
    static final String COMPOSITE_INSTANCE_ROOT_GET = "1.2.840.10008.5.1.4.1.2.4.3";
    static final String WITHOUT_BULK_DATA_GET = "1.2.840.10008.5.1.4.1.2.5.3";

    private static final Map<String, QueryModel> FIND = Map.of(PATIENT_ROOT_FIND, QueryModel.PATIENT_ROOT,
            STUDY_ROOT_FIND, QueryModel.STUDY_ROOT, PATIENT_STUDY_ONLY_FIND, QueryModel.PATIENT_STUDY_ONLY);

    private static final Map<String, QueryModel> RETRIEVE = Map.of(PATIENT_ROOT_MOVE, QueryModel.PATIENT_ROOT,
            PATIENT_ROOT_GET, QueryModel.PATIENT_ROOT, STUDY_ROOT_MOVE, QueryModel.STUDY_ROOT, STUDY_ROOT_GET,
            QueryModel.STUDY_ROOT, PATIENT_STUDY_ONLY_MOVE, QueryModel.PATIENT_STUDY_ONLY, PATIENT_STUDY_ONLY_GET,
            QueryModel.PATIENT_STUDY_ONLY, COMPOSITE_INSTANCE_ROOT_MOVE, QueryModel.STUDY_ROOT,
            COMPOSITE_INSTANCE_ROOT_GET, QueryModel.STUDY_ROOT, WITHOUT_BULK_DATA_GET, QueryModel.STUDY_ROOT);

    private InformationModels() {
    }

    /** The model of a C-FIND SOP class, or null if it is not a Query/Retrieve one (a worklist...). */
    static QueryModel find(String sopClassUid) {
        return FIND.get(sopClassUid);
    }

    /** The model of a C-GET or C-MOVE SOP class, or null. */
    static QueryModel retrieve(String sopClassUid) {
        return RETRIEVE.get(sopClassUid);
    }
}
