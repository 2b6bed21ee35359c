package org.netdicom.core.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * SOP Class Extended Negotiation sub-item (0x56, PS3.7 D.3.3.5): a SOP class UID and the
 * service-class-application-information bytes, whose meaning the service class defines.
 * The array is copied in and out.
 */
public record SopClassExtendedNegotiation(String sopClassUid, byte[] applicationInformation) {

    public SopClassExtendedNegotiation {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        applicationInformation = applicationInformation.clone();
    }

    @Override
    public byte[] applicationInformation() {
        return applicationInformation.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SopClassExtendedNegotiation other && sopClassUid.equals(other.sopClassUid)
                && Arrays.equals(applicationInformation, other.applicationInformation);
    }

    @Override
    public int hashCode() {
        return 31 * sopClassUid.hashCode() + Arrays.hashCode(applicationInformation);
    }

    @Override
    public String toString() {
        return "SopClassExtendedNegotiation[" + sopClassUid + ", " + Hex.bytes(applicationInformation) + ']';
    }
}
