package org.netdicom.core.pdu;

import java.util.Arrays;

/**
 * User Identity Negotiation sub-item of an accept (0x59, PS3.7 D.3.3.7.2): the server response
 * (empty for username types, a Kerberos/SAML/JWT response otherwise). Copied in and out.
 */
public record UserIdentityAc(byte[] serverResponse) {

    public UserIdentityAc {
        serverResponse = serverResponse.clone();
    }

    @Override
    public byte[] serverResponse() {
        return serverResponse.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserIdentityAc other && Arrays.equals(serverResponse, other.serverResponse);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(serverResponse);
    }

    /** Shows the length only: a server response may be a security token. */
    @Override
    public String toString() {
        return "UserIdentityAc[serverResponse=" + serverResponse.length + " bytes]";
    }
}
