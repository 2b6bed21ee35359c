package org.netdicom.core.acse;

import org.netdicom.core.dimse.DimseSettings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.TlsSettings;

/**
 * An immutable snapshot of an Application Entity's acceptor settings, taken when a server starts so
 * that later changes to the entity never race with running associations.
 *
 * @param supportedContexts abstract syntax to transfer syntaxes in the acceptor's order of preference
 * @param rolePolicies      SOP class to how role selection proposals are answered; absent = ignored
 * @param maximumPduLength  our maximum receive length, 0 = unlimited
 * @param tls               TLS settings, or null for plain TCP
 * @param dimse             where received data sets are kept
 */
public record AcceptorSettings(
        String aeTitle,
        Map<String, List<String>> supportedContexts,
        Map<String, RolePolicy> rolePolicies,
        boolean requireCalledAeTitle,
        Set<String> allowedCallingAeTitles,
        int maximumPduLength,
        int maximumAssociations,
        Duration acseTimeout,
        Duration dimseTimeout,
        Duration networkTimeout,
        LogHandlerLevel logHandlerLevel,
        TlsSettings tls,
        DimseSettings dimse) {

    public AcceptorSettings {
        supportedContexts = Map.copyOf(supportedContexts);
        rolePolicies = Map.copyOf(rolePolicies);
        allowedCallingAeTitles = Set.copyOf(allowedCallingAeTitles);
    }
}
