package org.netdicom.core.pdu;

/** A-RELEASE-RP PDU (PS3.8 9.3.7): four reserved bytes, nothing else. */
public record AReleaseRp() implements Pdu {

    @Override
    public int type() {
        return A_RELEASE_RP;
    }

    @Override
    public String toString() {
        return "A-RELEASE-RP";
    }
}
