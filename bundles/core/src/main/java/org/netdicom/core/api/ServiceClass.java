package org.netdicom.core.api;

/**
 * The DICOM service classes of PS3.4 that a SOP Class belongs to, each named after its annex. A
 * service class decides what a DIMSE status code means beyond PS3.7 Annex C: see
 * {@link Status#meaning(ServiceClass)}. Retired service classes are not listed.
 */
public enum ServiceClass {

    /** PS3.4 Annex A: C-ECHO. */
    VERIFICATION,
    /** PS3.4 Annex B: C-STORE of composite instances. */
    STORAGE,
    /** PS3.4 Annex GG: C-STORE of hanging protocols, color palettes, implant templates, protocols. */
    NON_PATIENT_OBJECT_STORAGE,
    /**
     * PS3.4 Annex C: Patient/Study Root C-FIND, C-MOVE and C-GET, with the Composite Instance Root
     * Retrieve (Annex Y) and Composite Instance Retrieve Without Bulk Data (Annex Z) services.
     */
    QUERY_RETRIEVE,
    /** PS3.4 Annex K: Modality Worklist C-FIND. */
    BASIC_WORKLIST_MANAGEMENT,
    /** PS3.4 Annex Q: C-FIND for information about a single patient. */
    RELEVANT_PATIENT_INFORMATION_QUERY,
    /** PS3.4 Annex V: Product Characteristics and Substance Approval C-FIND. */
    SUBSTANCE_ADMINISTRATION_QUERY,
    /** PS3.4 Annex U: Hanging Protocol C-FIND, C-MOVE and C-GET. */
    HANGING_PROTOCOL_QR,
    /** PS3.4 Annex X: Color Palette C-FIND, C-MOVE and C-GET. */
    COLOR_PALETTE_QR,
    /** PS3.4 Annex HH: Defined Procedure Protocol C-FIND, C-MOVE and C-GET. */
    DEFINED_PROCEDURE_PROTOCOL_QR,
    /** PS3.4 Annex BB: Implant Template C-FIND, C-MOVE and C-GET. */
    IMPLANT_TEMPLATE_QR,
    /** PS3.4 Annex II: Protocol Approval C-FIND, C-MOVE and C-GET. */
    PROTOCOL_APPROVAL_QR,
    /** PS3.4 Annex JJ: Inventory C-FIND, C-MOVE and C-GET. */
    INVENTORY_QR,
    /** PS3.4 Annex R: N-CREATE telling a peer which instances are available. */
    INSTANCE_AVAILABILITY_NOTIFICATION,
    /** PS3.4 Annex J: N-ACTION and N-EVENT-REPORT committing to keep stored instances. */
    STORAGE_COMMITMENT,
    /** PS3.4 Annex F: Modality Performed Procedure Step and its Retrieve and Notification SOP Classes. */
    PROCEDURE_STEP,
    /** PS3.4 Annex H: film sessions, film boxes, image boxes, printers and print jobs. */
    PRINT_MANAGEMENT,
    /** PS3.4 Annex EE: N-GET of a display system's state. */
    DISPLAY_SYSTEM_MANAGEMENT,
    /** PS3.4 Annex S: N-CREATE, N-ACTION and N-GET asking a device to write interchange media. */
    MEDIA_CREATION_MANAGEMENT,
    /** PS3.4 Annex CC: UPS Push, Pull, Watch, Event and Query. */
    UNIFIED_PROCEDURE_STEP,
    /** PS3.4 Annex DD: RT Conventional and Ion Machine Verification. */
    RT_MACHINE_VERIFICATION,
    /** PS3.4 Annex P: Procedural Event Logging and Substance Administration Logging. */
    APPLICATION_EVENT_LOGGING,
    /** PS3.4 Annex KK: N-ACTION managing the storage of an SCP's instances. */
    STORAGE_MANAGEMENT;

    /**
     * The service class of an SOP class (or of a meta SOP class such as Print Management's), by
     * PS3.4; null for an SOP class netdicom does not know.
     */
    public static ServiceClass of(String sopClassUid) {
        return org.netdicom.core.service.ServiceClassRegistry.of(sopClassUid);
    }
}
