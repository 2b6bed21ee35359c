package org.netdicom.core.event;

import static org.netdicom.core.api.event.EventType.*;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.event.AcseEvent;
import org.netdicom.core.api.event.DimseEvent;
import org.netdicom.core.api.event.Event;
import org.netdicom.core.api.event.PduEvent;
import org.netdicom.core.api.handler.NotificationHandler;
import org.netdicom.core.pdu.AAssociateRj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logging handlers netdicom binds by itself, by {@link LogHandlerLevel}. They log under
 * {@code org.netdicom.association}: one INFO line per association outcome, DIMSE messages at DEBUG,
 * and at level DEBUG every PDU.
 */
public final class LoggingHandlers {

    private static final Logger LOG = LoggerFactory.getLogger("org.netdicom.association");

    private static final NotificationHandler OUTCOME = LoggingHandlers::outcome;
    private static final NotificationHandler DIMSE = LoggingHandlers::dimse;
    private static final NotificationHandler PDU = LoggingHandlers::pdu;

    private LoggingHandlers() {
    }

    public static void bind(HandlerRegistry registry, LogHandlerLevel level) {
        if (level == LogHandlerLevel.NONE) {
            return;
        }
        registry.bind(EVT_ACCEPTED, OUTCOME);
        registry.bind(EVT_ACSE_SENT, OUTCOME);
        registry.bind(EVT_ACSE_RECV, OUTCOME);
        registry.bind(EVT_ABORTED, OUTCOME);
        registry.bind(EVT_RELEASED, OUTCOME);
        // DIMSE and PDU lines cost an event object per message: bind them only where they print.
        if (LOG.isDebugEnabled()) {
            registry.bind(EVT_DIMSE_RECV, DIMSE);
            registry.bind(EVT_DIMSE_SENT, DIMSE);
            if (level == LogHandlerLevel.DEBUG) {
                registry.bind(EVT_PDU_RECV, PDU);
                registry.bind(EVT_PDU_SENT, PDU);
            }
        }
    }

    private static void outcome(Event event) {
        Association a = event.association();
        String who = a.callingAeTitle() + "@" + address(a) + " -> " + a.calledAeTitle();
        switch (event.type()) {
            case EVT_ACCEPTED -> LOG.info("association {} accepted ({} presentation contexts)", who,
                    a.acceptedContexts().size());
            case EVT_RELEASED -> LOG.debug("association {} released", who);
            case EVT_ABORTED -> LOG.info("association {} aborted", who);
            case EVT_ACSE_SENT, EVT_ACSE_RECV -> {
                if (((AcseEvent) event).pdu() instanceof AAssociateRj rj) {
                    LOG.info("association {} rejected{}: {}", who, event.type() == EVT_ACSE_SENT ? "" : " by the peer",
                            rj);
                }
            }
            default -> {
            }
        }
    }

    private static void dimse(Event event) {
        DimseEvent dimse = (DimseEvent) event;
        LOG.debug("{} {} {} (message {}{}) on context {}", event.association().calledAeTitle(),
                event.type() == EVT_DIMSE_RECV ? "received" : "sent", dimse.commandName(), dimse.messageId(),
                dimse.status() < 0 ? "" : String.format(", status 0x%04X", dimse.status()), dimse.contextId());
    }

    private static void pdu(Event event) {
        LOG.debug("{} {}", event.type() == EVT_PDU_RECV ? "received" : "sent", ((PduEvent) event).pdu());
    }

    private static String address(Association association) {
        var address = association.remoteAddress();
        return address == null ? "?" : address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
