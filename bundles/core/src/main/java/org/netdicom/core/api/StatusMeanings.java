package org.netdicom.core.api;

/**
 * Which table of service-specific status meanings belongs to each service class. A service class
 * with no table gets the empty one: only the general codes of PS3.7 Annex C apply to it.
 */
final class StatusMeanings {

    private StatusMeanings() {
    }

    static StatusTable of(ServiceClass service) {
        return switch (service) {
            case STORAGE -> StorageStatusMeanings.STORAGE;
            case NON_PATIENT_OBJECT_STORAGE -> StorageStatusMeanings.NON_PATIENT_OBJECT_STORAGE;
            case QUERY_RETRIEVE -> QueryRetrieveStatusMeanings.QUERY_RETRIEVE;
            case HANGING_PROTOCOL_QR, COLOR_PALETTE_QR, DEFINED_PROCEDURE_PROTOCOL_QR, IMPLANT_TEMPLATE_QR,
                    PROTOCOL_APPROVAL_QR, INVENTORY_QR -> QueryRetrieveStatusMeanings.FIND_MOVE_GET;
            case BASIC_WORKLIST_MANAGEMENT, SUBSTANCE_ADMINISTRATION_QUERY -> QueryRetrieveStatusMeanings.FIND;
            case RELEVANT_PATIENT_INFORMATION_QUERY -> QueryRetrieveStatusMeanings.RELEVANT_PATIENT_INFORMATION;
            case PROCEDURE_STEP -> ProcedureStepStatusMeanings.PROCEDURE_STEP;
            case UNIFIED_PROCEDURE_STEP -> ProcedureStepStatusMeanings.UNIFIED_PROCEDURE_STEP;
            case PRINT_MANAGEMENT -> PrintStatusMeanings.TABLE;
            case MEDIA_CREATION_MANAGEMENT -> MediaCreationStatusMeanings.TABLE;
            case RT_MACHINE_VERIFICATION -> MachineVerificationStatusMeanings.TABLE;
            case APPLICATION_EVENT_LOGGING -> EventLoggingStatusMeanings.TABLE;
            // PS3.4 A, R and J define no codes of their own; EE and KK are not tabulated here yet
            case VERIFICATION, INSTANCE_AVAILABILITY_NOTIFICATION, STORAGE_COMMITMENT, DISPLAY_SYSTEM_MANAGEMENT,
                    STORAGE_MANAGEMENT -> StatusTable.EMPTY;
        };
    }
}
