package org.netdicom.core.api;

/**
 * C-FIND, C-MOVE and C-GET status meanings of Query/Retrieve and of the service classes built the
 * same way. A service class is looked up as a whole, so where C-FIND and C-MOVE/C-GET word the same
 * code differently (FE00, FF00) the meaning names both.
 */
final class QueryRetrieveStatusMeanings {

    /**
     * C-FIND alone: PS3.4 C.4.1.1.4 Table C.4-1, the same in K.4-1 (Modality Worklist) and V.4
     * (Substance Administration Query).
     */
    static final StatusTable FIND = StatusTable.builder()
            .code(0xA700, "Refused: Out of resources")
            .code(0xA900, "Error: Data Set does not match SOP Class")
            .range(0xC000, 0xCFFF, "Failed: Unable to process")
            .code(0xFE00, "Matching terminated due to Cancel request")
            .code(0xFF00, "Matches are continuing: current match supplied, optional keys supported as required keys")
            .code(0xFF01, "Matches are continuing: one or more optional keys were not supported")
            .build();

    /**
     * C-FIND with C-MOVE and C-GET: PS3.4 C.4.1.1.4 Table C.4-1, C.4.2.1.5 Table C.4-2 and C.4.3.1.4
     * Table C.4-3; the Hanging Protocol (U), Color Palette (X), Implant Template (BB), Defined
     * Procedure Protocol (HH), Protocol Approval (II) and Inventory (JJ) Query/Retrieve services
     * use the same codes.
     */
    static final StatusTable FIND_MOVE_GET = StatusTable.builder()
            .code(0xA700, "Refused: Out of resources")
            .code(0xA701, "Refused: Out of resources - unable to calculate number of matches")
            .code(0xA702, "Refused: Out of resources - unable to perform sub-operations")
            .code(0xA801, "Refused: Move destination unknown") // C-MOVE only
            .code(0xA900, "Error: Data Set does not match SOP Class")
            .range(0xC000, 0xCFFF, "Failed: Unable to process")
            .code(0xB000, "Sub-operations complete: one or more failures or warnings")
            .code(0xFE00, "Matching or sub-operations terminated due to Cancel request")
            .code(0xFF00, "Matches or sub-operations are continuing")
            .code(0xFF01, "Matches are continuing: one or more optional keys were not supported")
            .build();

    /** Query/Retrieve proper: the above and the frame-level retrieve failures of PS3.4 Y.4. */
    static final StatusTable QUERY_RETRIEVE = StatusTable.builder()
            .include(FIND_MOVE_GET)
            .code(0xAA00, "None of the frames requested were found in the SOP Instance")
            .code(0xAA01, "Unable to create new object for this SOP Class")
            .code(0xAA02, "Unable to extract frames")
            .code(0xAA03, "Time-based request received for a non-time-based original SOP Instance")
            .code(0xAA04, "Invalid request")
            .build();

    /** PS3.4 Q.2.1.1.4 Table Q.2-1: single C000 instead of a range, and two codes of its own. */
    static final StatusTable RELEVANT_PATIENT_INFORMATION = StatusTable.builder()
            .code(0xA700, "Refused: Out of resources")
            .code(0xA900, "Error: Identifier does not match SOP Class")
            .code(0xC000, "Failed: Unable to process")
            .code(0xC100, "Failed: More than one match found")
            .code(0xC200, "Failed: Unable to support requested template")
            .code(0xFE00, "Matching terminated due to Cancel request")
            .code(0xFF00, "Matches are continuing: current match supplied")
            .build();

    private QueryRetrieveStatusMeanings() {
    }
}
