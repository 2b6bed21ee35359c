package org.netdicom.core.api.event;

import org.osgi.annotation.versioning.ProviderType;

/** EVT_USER_ID: the requestor sent a User Identity item (PS3.7 D.3.3.7). */
@ProviderType
public interface UserIdentityEvent extends Event {

    /** 1 username, 2 username and passcode, 3 Kerberos, 4 SAML, 5 JSON Web Token. */
    int userIdentityType();

    /** A copy of the primary field (the username or the token). */
    byte[] primaryField();

    /** A copy of the secondary field (the passcode) for type 2, empty otherwise. */
    byte[] secondaryField();

    boolean positiveResponseRequested();
}
