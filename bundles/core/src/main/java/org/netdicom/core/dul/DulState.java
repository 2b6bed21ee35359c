package org.netdicom.core.dul;

/** The thirteen states of the DICOM Upper Layer protocol machine (PS3.8 Table 9-1). */
public enum DulState {
    STA1("Idle"),
    STA2("Transport connection open (awaiting A-ASSOCIATE-RQ PDU)"),
    STA3("Awaiting local A-ASSOCIATE response primitive"),
    STA4("Awaiting transport connection opening to complete"),
    STA5("Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU"),
    STA6("Association established and ready for data transfer"),
    STA7("Awaiting A-RELEASE-RP PDU"),
    STA8("Awaiting local A-RELEASE response primitive"),
    STA9("Release collision requestor side; awaiting A-RELEASE response primitive"),
    STA10("Release collision acceptor side; awaiting A-RELEASE-RP PDU"),
    STA11("Release collision requestor side; awaiting A-RELEASE-RP PDU"),
    STA12("Release collision acceptor side; awaiting A-RELEASE response primitive"),
    STA13("Awaiting transport connection close indication");

    private final String description;

    DulState(String description) {
        this.description = description;
    }

    /** The standard's short name, e.g. {@code Sta6}. */
    public String code() {
        return "Sta" + (ordinal() + 1);
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return code();
    }
}
