package org.netdicom.core.pdu;

/** A-RELEASE-RQ PDU (PS3.8 9.3.6): four reserved bytes, nothing else. */
public record AReleaseRq() implements Pdu {

    @Override
    public int type() {
        return A_RELEASE_RQ;
    }

    @Override
    public String toString() {
        return "A-RELEASE-RQ";
    }
}
