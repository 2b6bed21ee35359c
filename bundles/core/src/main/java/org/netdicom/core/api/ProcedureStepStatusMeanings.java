package org.netdicom.core.api;

/** Status meanings of the Procedure Step (Modality Performed Procedure Step) and Unified Procedure Step services. */
final class ProcedureStepStatusMeanings {

    private static final String OPTIONAL_ATTRIBUTES = "Requested optional Attributes are not supported";

    /**
     * PS3.4 F.7.2.2.4 Table F.7.2-2 names no code of its own but the Error ID (0000,0903) A710 that
     * comes with 0110; F.8.2 Table F.8.2-2 (Retrieve, N-GET) adds 0001.
     */
    static final StatusTable PROCEDURE_STEP = StatusTable.builder()
            .code(0x0001, OPTIONAL_ATTRIBUTES)
            .code(0x0110, "Processing failure (with Error ID A710: Performed Procedure Step Object may no longer be updated)")
            .build();

    /** PS3.4 CC.2.1 to CC.2.8: the UPS operations and the C-FIND of Search for UPS. */
    static final StatusTable UNIFIED_PROCEDURE_STEP = StatusTable.builder()
            .code(0x0001, OPTIONAL_ATTRIBUTES) // CC.2.6, CC.2.7
            .code(0xB300, "The UPS was created with modifications") // CC.2.5
            .code(0xB301, "Deletion Lock not granted") // CC.2.3
            .code(0xB304, "The UPS is already in the requested state of CANCELED") // CC.2.1, CC.2.2
            .code(0xB305, "Coerced invalid values to valid values") // CC.2.6
            .code(0xB306, "The UPS is already in the requested state of COMPLETED") // CC.2.1
            .code(0xC300, "Failed: The UPS may no longer be updated")
            .code(0xC301, "Failed: The correct Transaction UID was not provided")
            .code(0xC302, "Failed: The UPS is already IN PROGRESS")
            .code(0xC303, "Failed: The UPS may only become SCHEDULED via N-CREATE, not N-SET or N-ACTION")
            .code(0xC304, "Failed: The UPS has not met final state requirements for the requested state change")
            .code(0xC307, "Failed: Specified SOP Instance UID does not exist or is not a UPS Instance managed by this SCP")
            .code(0xC308, "Failed: Receiving AE-TITLE is Unknown to this SCP")
            .code(0xC309, "Failed: The provided value of UPS State was not SCHEDULED")
            .code(0xC310, "Failed: The UPS is not in the IN PROGRESS state")
            .code(0xC311, "Refused: The UPS is already COMPLETED")
            .code(0xC312, "Refused: The performer cannot be contacted")
            .code(0xC313, "Refused: Performer chooses not to cancel")
            .code(0xC314, "Refused: Specified action not appropriate for specified instance")
            .code(0xC315, "Refused: SCP does not support Event Reports")
            // CC.2.8.4 Table CC.2.8-2 is Table C.4-1; its Cxxx range lies under the codes above
            .include(QueryRetrieveStatusMeanings.FIND)
            .build();

    private ProcedureStepStatusMeanings() {
    }
}
