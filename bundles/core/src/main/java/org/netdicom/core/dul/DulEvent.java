package org.netdicom.core.dul;

/** The nineteen events of the DICOM Upper Layer protocol machine (PS3.8 Table 9-2). */
public enum DulEvent {
    EVT1("A-ASSOCIATE request (local user)"),
    EVT2("Transport connect confirmation (local transport service)"),
    EVT3("A-ASSOCIATE-AC PDU (received on transport connection)"),
    EVT4("A-ASSOCIATE-RJ PDU (received on transport connection)"),
    EVT5("Transport connection indication (local transport service)"),
    EVT6("A-ASSOCIATE-RQ PDU (received on transport connection)"),
    EVT7("A-ASSOCIATE response primitive (accept)"),
    EVT8("A-ASSOCIATE response primitive (reject)"),
    EVT9("P-DATA request primitive"),
    EVT10("P-DATA-TF PDU"),
    EVT11("A-RELEASE request primitive"),
    EVT12("A-RELEASE-RQ PDU (received on open transport connection)"),
    EVT13("A-RELEASE-RP PDU (received on transport connection)"),
    EVT14("A-RELEASE response primitive"),
    EVT15("A-ABORT request primitive"),
    EVT16("A-ABORT PDU (received on open transport connection)"),
    EVT17("Transport connection closed indication (local transport service)"),
    EVT18("ARTIM timer expired (Association reject/release timer)"),
    EVT19("Unrecognized or invalid PDU received");

    private final String description;

    DulEvent(String description) {
        this.description = description;
    }

    /** The standard's short name, e.g. {@code Evt10}. */
    public String code() {
        return "Evt" + (ordinal() + 1);
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return code();
    }
}
