package org.netdicom.core.acse;

/**
 * How an acceptor answers SCP/SCU role selection for one SOP class (PS3.7 D.3.3.4): each proposed
 * role is accepted only if this policy accepts it. Where no policy is set, proposals are ignored: no
 * reply item is sent and the default roles apply.
 */
public record RolePolicy(boolean acceptScuRole, boolean acceptScpRole) {
}
