package org.netdicom.core.association;

import org.netdicom.core.dimse.DimseSettings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.TlsSettings;
import org.netdicom.core.pdu.RoleSelection;

/** What a requestor association needs from its Application Entity, fixed when it starts. */
public record RequestorSettings(
        String callingAeTitle,
        List<Map.Entry<String, List<String>>> requestedContexts,
        List<RoleSelection> roleSelections,
        int maximumPduLength,
        Duration connectionTimeout,
        Duration acseTimeout,
        Duration dimseTimeout,
        Duration networkTimeout,
        LogHandlerLevel logHandlerLevel,
        TlsSettings tls,
        DimseSettings dimse) {

    public RequestorSettings {
        requestedContexts = List.copyOf(requestedContexts);
        roleSelections = List.copyOf(roleSelections);
    }
}
