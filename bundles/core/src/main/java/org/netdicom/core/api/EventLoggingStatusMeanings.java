package org.netdicom.core.api;

/** Status meanings of the Application Event Logging service class, PS3.4 P. */
final class EventLoggingStatusMeanings {

    static final StatusTable TABLE = StatusTable.builder()
            // Procedural Event Logging N-ACTION, P.2.2.4 Table P.2-3
            .code(0xB101, "Specified Synchronization Frame of Reference UID does not match SCP"
                    + " Synchronization Frame of Reference")
            .code(0xB102, "Study Instance UID coercion; Event logged under a different Study Instance UID")
            .code(0xB104, "IDs inconsistent in matching a current study; Event logged")
            .code(0xC101, "Procedural Logging not available for specified Study Instance UID")
            .code(0xC102, "Event Information does not match Template")
            .code(0xC103, "Cannot match event to a current study")
            .code(0xC104, "IDs inconsistent in matching a current study; Event not logged")
            // Substance Administration Logging N-ACTION, P.3.2.4 Table P.3-3
            .code(0xC10E, "Operator not authorized to add entry to Medication Administration Record")
            .code(0xC110, "Patient cannot be identified from Patient ID (0010,0020) or Admission ID (0038,0010)")
            .code(0xC111, "Update of Medication Administration Record failed")
            .build();

    private EventLoggingStatusMeanings() {
    }
}
