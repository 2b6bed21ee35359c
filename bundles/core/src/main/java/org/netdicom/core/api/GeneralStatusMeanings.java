package org.netdicom.core.api;

/**
 * The status codes PS3.7 Annex C fixes for every DIMSE service, whatever the service class. PS3.7 C:
 * codes 01xx and 02xx are reserved to the standard and "shall not be modified by a Service Class
 * definition or an implementation"; Axxx, Bxxx and Cxxx are left to the service classes of PS3.4.
 */
final class GeneralStatusMeanings {

    static final StatusTable TABLE = StatusTable.builder()
            .code(0x0000, "Success") // C.1.1
            // PS3.7 C.4: warnings
            .code(0x0107, "Attribute list error")
            .code(0x0116, "Attribute value out of range")
            // PS3.7 C.5: failures
            .code(0x0105, "No such attribute")
            .code(0x0106, "Invalid attribute value")
            .code(0x0110, "Processing failure")
            .code(0x0111, "Duplicate SOP Instance")
            .code(0x0112, "No such SOP Instance")
            .code(0x0113, "No such event type")
            .code(0x0114, "No such argument")
            .code(0x0115, "Invalid argument value")
            .code(0x0117, "Invalid SOP Instance")
            .code(0x0118, "No such SOP Class")
            .code(0x0119, "Class-Instance conflict")
            .code(0x0120, "Missing attribute")
            .code(0x0121, "Missing attribute value")
            .code(0x0122, "Refused: SOP Class not supported")
            .code(0x0123, "No such action")
            .code(0x0124, "Refused: Not authorized")
            .code(0x0210, "Duplicate invocation")
            .code(0x0211, "Unrecognized operation")
            .code(0x0212, "Mistyped argument")
            .code(0x0213, "Resource limitation")
            .code(0xFE00, "Cancel") // C.3.1
            // PS3.7 C.2: both pending codes; every PS3.4 table that uses FF01 gives it this meaning
            .code(0xFF00, "Pending")
            .code(0xFF01, "Pending: one or more optional keys were not supported")
            .build();

    private GeneralStatusMeanings() {
    }
}
