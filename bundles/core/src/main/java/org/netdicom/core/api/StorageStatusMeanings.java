package org.netdicom.core.api;

/** C-STORE status meanings of the Storage and Non-Patient Object Storage service classes. */
final class StorageStatusMeanings {

    /** PS3.4 B.2.3, Table B.2-1: the failures are ranges an SCP may assign within. */
    static final StatusTable STORAGE = StatusTable.builder()
            .range(0xA700, 0xA7FF, "Refused: Out of resources")
            .range(0xA900, 0xA9FF, "Error: Data Set does not match SOP Class")
            .range(0xC000, 0xCFFF, "Error: Cannot understand")
            .code(0xB000, "Coercion of data elements")
            .code(0xB006, "Elements discarded")
            .code(0xB007, "Data Set does not match SOP Class")
            .build();

    /** PS3.4 GG.4: single codes, not ranges, and no warnings. */
    static final StatusTable NON_PATIENT_OBJECT_STORAGE = StatusTable.builder()
            .code(0xA700, "Refused: Out of resources")
            .code(0xA900, "Error: Data Set does not match SOP Class")
            .code(0xC000, "Error: Cannot understand")
            .build();

    private StorageStatusMeanings() {
    }
}
