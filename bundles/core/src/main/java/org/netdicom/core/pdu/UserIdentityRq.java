package org.netdicom.core.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * User Identity Negotiation sub-item of a request (0x58, PS3.7 D.3.3.7.1). The arrays are copied
 * in and out; the secondary field is empty unless the type is {@link #USERNAME_AND_PASSCODE}.
 *
 * @param type one of {@link #USERNAME} .. {@link #JWT}
 * @param positiveResponseRequested whether the acceptor should answer with a 0x59 sub-item
 * @param primaryField username, Kerberos ticket, SAML assertion or JWT, as sent
 * @param secondaryField passcode, or empty
 */
public record UserIdentityRq(int type, boolean positiveResponseRequested, byte[] primaryField,
        byte[] secondaryField) {

    public static final int USERNAME = 1;
    public static final int USERNAME_AND_PASSCODE = 2;
    public static final int KERBEROS = 3;
    public static final int SAML = 4;
    public static final int JWT = 5;

    /** A null secondary field is stored as empty. */
    public UserIdentityRq {
        FieldChecks.u8("type", type);
        primaryField = primaryField.clone();
        secondaryField = secondaryField == null ? new byte[0] : secondaryField.clone();
    }

    /** Username and passcode encoded as UTF-8, as PS3.7 D.3.3.7 specifies. */
    public static UserIdentityRq usernameAndPasscode(String username, String passcode,
            boolean positiveResponseRequested) {
        return new UserIdentityRq(USERNAME_AND_PASSCODE, positiveResponseRequested,
                username.getBytes(StandardCharsets.UTF_8), passcode.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] primaryField() {
        return primaryField.clone();
    }

    @Override
    public byte[] secondaryField() {
        return secondaryField.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserIdentityRq other && type == other.type
                && positiveResponseRequested == other.positiveResponseRequested
                && Arrays.equals(primaryField, other.primaryField)
                && Arrays.equals(secondaryField, other.secondaryField);
    }

    @Override
    public int hashCode() {
        int h = 31 * type + Boolean.hashCode(positiveResponseRequested);
        h = 31 * h + Arrays.hashCode(primaryField);
        return 31 * h + Arrays.hashCode(secondaryField);
    }

    /** Shows lengths only: the fields hold credentials and must not reach a log. */
    @Override
    public String toString() {
        return "UserIdentityRq[type=" + type + ", positiveResponseRequested=" + positiveResponseRequested
                + ", primaryField=" + primaryField.length + " bytes, secondaryField=" + secondaryField.length
                + " bytes]";
    }
}
