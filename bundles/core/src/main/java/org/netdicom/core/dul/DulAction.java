package org.netdicom.core.dul;

import static org.netdicom.core.dul.DulState.*;

/**
 * The actions of the DICOM Upper Layer protocol machine (PS3.8 Tables 9-6 to 9-9), each with the
 * state it leads to. Two actions choose between two next states: AE-6 (acceptable request or not)
 * and AR-8 (requestor or acceptor side of a release collision); for them {@link #nextState()} is
 * the first of the two and the machine asks its performer for the real one.
 */
public enum DulAction {
    AE_1("Issue TRANSPORT CONNECT request primitive to local transport service", STA4),
    AE_2("Send A-ASSOCIATE-RQ PDU", STA5),
    AE_3("Issue A-ASSOCIATE confirmation (accept) primitive", STA6),
    AE_4("Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection", STA1),
    AE_5("Issue Transport connection response primitive; start ARTIM timer", STA2),
    AE_6("Stop ARTIM timer; if A-ASSOCIATE-RQ acceptable issue A-ASSOCIATE indication (Sta3), "
            + "otherwise issue A-ASSOCIATE-RJ PDU and start ARTIM timer (Sta13)", STA3),
    AE_7("Send A-ASSOCIATE-AC PDU", STA6),
    AE_8("Send A-ASSOCIATE-RJ PDU and start ARTIM timer", STA13),
    DT_1("Send P-DATA-TF PDU", STA6),
    DT_2("Send P-DATA indication primitive", STA6),
    AR_1("Send A-RELEASE-RQ PDU", STA7),
    AR_2("Issue A-RELEASE indication primitive", STA8),
    AR_3("Issue A-RELEASE confirmation primitive, and close transport connection", STA1),
    AR_4("Issue A-RELEASE-RP PDU and start ARTIM timer", STA13),
    AR_5("Stop ARTIM timer", STA1),
    AR_6("Issue P-DATA indication", STA7),
    AR_7("Issue P-DATA-TF PDU", STA8),
    AR_8("Issue A-RELEASE indication (release collision): requestor Sta9, acceptor Sta10", STA9),
    AR_9("Send A-RELEASE-RP PDU", STA11),
    AR_10("Issue A-RELEASE confirmation primitive", STA12),
    AA_1("Send A-ABORT PDU (service-user source) and start (or restart) ARTIM timer", STA13),
    AA_2("Stop ARTIM timer if running; close transport connection", STA1),
    AA_3("Issue A-ABORT (service-user) or A-P-ABORT (service-provider) indication and close "
            + "transport connection", STA1),
    AA_4("Issue A-P-ABORT indication primitive", STA1),
    AA_5("Stop ARTIM timer", STA1),
    AA_6("Ignore PDU", STA13),
    AA_7("Send A-ABORT PDU", STA13),
    AA_8("Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start "
            + "ARTIM timer", STA13);

    private final String description;
    private final DulState nextState;

    DulAction(String description, DulState nextState) {
        this.description = description;
        this.nextState = nextState;
    }

    /** The standard's name, e.g. {@code AE-6}. */
    public String code() {
        return name().replace('_', '-');
    }

    public String description() {
        return description;
    }

    public DulState nextState() {
        return nextState;
    }

    @Override
    public String toString() {
        return code();
    }
}
