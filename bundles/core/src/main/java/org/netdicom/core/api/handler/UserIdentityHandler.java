package org.netdicom.core.api.handler;

import org.netdicom.core.api.event.UserIdentityEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_USER_ID: decides on the user identity of an association request (PS3.7 D.3.3.7).
 *
 * <p>Return {@link UserIdentityResult#accept()} or {@link UserIdentityResult#accept(byte[])} (with the
 * server response for Kerberos, SAML and JWT identities when the requestor asked for a positive
 * response), or {@link UserIdentityResult#reject()}. A rejected identity, a null result or a handler
 * that throws rejects the association with A-ASSOCIATE-RJ 1/1/1 (permanent, service user, no reason
 * given), as the standard has no more specific reason. Without a bound handler, identities are
 * accepted and no response is sent.
 */
@ConsumerType
@FunctionalInterface
public interface UserIdentityHandler extends DicomEventHandler {

    UserIdentityResult onUserIdentity(UserIdentityEvent event) throws Exception;
}
