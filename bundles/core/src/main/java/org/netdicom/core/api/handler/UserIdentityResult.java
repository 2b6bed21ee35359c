package org.netdicom.core.api.handler;

/**
 * The outcome of user identity negotiation.
 *
 * @param serverResponse sent back in a User Identity AC item when the requestor asked for a positive
 *                       response; null sends an empty response for username identities
 */
public record UserIdentityResult(boolean verified, byte[] serverResponse) {

    public static UserIdentityResult accept() {
        return new UserIdentityResult(true, null);
    }

    public static UserIdentityResult accept(byte[] serverResponse) {
        return new UserIdentityResult(true, serverResponse.clone());
    }

    public static UserIdentityResult reject() {
        return new UserIdentityResult(false, null);
    }
}
