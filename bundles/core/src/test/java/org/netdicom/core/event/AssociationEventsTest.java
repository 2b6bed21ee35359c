package org.netdicom.core.event;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.core.api.event.EventType.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.AcseEvent;
import org.netdicom.core.api.event.ConnectionEvent;
import org.netdicom.core.api.event.DataEvent;
import org.netdicom.core.api.event.DimseEvent;
import org.netdicom.core.api.event.Event;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.event.FsmTransitionEvent;
import org.netdicom.core.api.event.PduEvent;
import org.netdicom.core.api.handler.CEchoHandler;
import org.netdicom.core.api.handler.NotificationHandler;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.service.StandardContexts;

/** Every event fires with its attributes, on both sides of real associations over loopback. */
class AssociationEventsTest {

    private AssociationServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start(EventBindings bindings) throws IOException {
        server = StandardContexts.addVerification(new ApplicationEntity("NETDICOM"))
                .logHandlerLevel(LogHandlerLevel.NONE)
                .startServer(new InetSocketAddress("127.0.0.1", 0), bindings);
        return server.localAddress().getPort();
    }

    private static ApplicationEntity scu() {
        return new ApplicationEntity("SCU").logHandlerLevel(LogHandlerLevel.NONE)
                .addRequestedContext(StandardContexts.VERIFICATION, StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    /** Records every notification event it sees, and counts down when the connection closes. */
    private static final class Recorder implements NotificationHandler {
        final List<Event> events = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void onEvent(Event event) {
            events.add(event);
            if (event.type() == EVT_CONN_CLOSE) {
                closed.countDown();
            }
        }

        List<EventType> types() {
            synchronized (events) {
                return events.stream().map(Event::type).toList();
            }
        }

        <T extends Event> T first(EventType type, Class<T> kind) {
            synchronized (events) {
                return kind.cast(events.stream().filter(e -> e.type() == type).findFirst().orElseThrow(
                        () -> new AssertionError("no " + type + " in " + types())));
            }
        }
    }

    private static EventBindings all(Recorder recorder) {
        EventBindings bindings = EventBindings.none();
        for (EventType type : EventType.values()) {
            if (type.isNotification()) {
                bindings.and(type, recorder);
            }
        }
        return bindings;
    }

    @Test
    void acceptorSeesEveryNotificationEventOfAnAssociation() throws Exception {
        Recorder acceptor = new Recorder();
        int port = start(all(acceptor));

        try (Association association = scu().associate("127.0.0.1", port, "NETDICOM")) {
            association.echo();
        }
        assertTrue(acceptor.closed.await(5, TimeUnit.SECONDS));

        List<EventType> types = acceptor.types();
        for (EventType type : List.of(EVT_CONN_OPEN, EVT_FSM_TRANSITION, EVT_DATA_RECV, EVT_PDU_RECV, EVT_ACSE_RECV,
                EVT_REQUESTED, EVT_PDU_SENT, EVT_DATA_SENT, EVT_ACSE_SENT, EVT_ACCEPTED, EVT_ESTABLISHED,
                EVT_DIMSE_RECV, EVT_DIMSE_SENT, EVT_RELEASED, EVT_CONN_CLOSE)) {
            assertTrue(types.contains(type), type + " missing from " + types);
        }
        assertFalse(types.contains(EVT_ABORTED));
        assertFalse(types.contains(EVT_REJECTED));
        assertEquals(EVT_CONN_OPEN, types.get(0));
        assertEquals(EVT_CONN_CLOSE, types.get(types.size() - 1));
        assertTrue(types.indexOf(EVT_REQUESTED) < types.indexOf(EVT_ACCEPTED));
        assertTrue(types.indexOf(EVT_ACCEPTED) < types.indexOf(EVT_ESTABLISHED));
        assertTrue(types.indexOf(EVT_ESTABLISHED) < types.indexOf(EVT_DIMSE_RECV));

        FsmTransitionEvent first = acceptor.first(EVT_FSM_TRANSITION, FsmTransitionEvent.class);
        assertEquals(List.of("Sta1", "Evt5", "AE-5", "Sta2"),
                List.of(first.currentState(), first.fsmEvent(), first.action(), first.nextState()));
        assertInstanceOf(AAssociateRq.class, acceptor.first(EVT_PDU_RECV, PduEvent.class).pdu());
        assertEquals(0x01, acceptor.first(EVT_DATA_RECV, DataEvent.class).data()[0], "A-ASSOCIATE-RQ type byte");
        assertEquals("A-ASSOCIATE", acceptor.first(EVT_ACSE_RECV, AcseEvent.class).primitive());
        assertInstanceOf(AAssociateAc.class, acceptor.first(EVT_ACSE_SENT, AcseEvent.class).pdu());
        DimseEvent received = acceptor.first(EVT_DIMSE_RECV, DimseEvent.class);
        assertEquals("C-ECHO-RQ", received.commandName());
        assertEquals(1, received.contextId());
        DimseEvent sent = acceptor.first(EVT_DIMSE_SENT, DimseEvent.class);
        assertEquals("C-ECHO-RSP", sent.commandName());
        assertEquals(received.messageId(), sent.messageId());
        assertEquals(0, sent.status());
        assertEquals("1.2.840.10008.1.1", received.command().getString(0x00000002), "the decoded command set");
        assertEquals(0x8030, sent.command().getInt(0x00000100, -1));
        assertEquals(received.messageId(), sent.command().getInt(0x00000120, -1));
        ConnectionEvent open = acceptor.first(EVT_CONN_OPEN, ConnectionEvent.class);
        assertEquals("127.0.0.1", open.address().getAddress().getHostAddress());
        Event accepted = acceptor.first(EVT_ACCEPTED, Event.class);
        assertTrue(accepted.association().isAcceptor());
        assertEquals("SCU", accepted.association().callingAeTitle());
        assertNotNull(accepted.timestamp());
    }

    @Test
    void requestorSeesItsSideOfTheAssociation() throws Exception {
        int port = start(EventBindings.none());
        Recorder requestor = new Recorder();

        try (Association association = scu().associate("127.0.0.1", port, "NETDICOM", all(requestor))) {
            association.echo();
        }
        assertTrue(requestor.closed.await(5, TimeUnit.SECONDS));

        List<EventType> types = requestor.types();
        assertEquals(EVT_CONN_OPEN, types.get(0));
        assertTrue(types.indexOf(EVT_REQUESTED) < types.indexOf(EVT_ACCEPTED), types.toString());
        assertTrue(types.contains(EVT_RELEASED), types.toString());
        assertEquals("C-ECHO-RQ", requestor.first(EVT_DIMSE_SENT, DimseEvent.class).commandName());
        assertEquals("C-ECHO-RSP", requestor.first(EVT_DIMSE_RECV, DimseEvent.class).commandName());
        assertFalse(requestor.first(EVT_ACCEPTED, Event.class).association().isAcceptor());
        FsmTransitionEvent first = requestor.first(EVT_FSM_TRANSITION, FsmTransitionEvent.class);
        assertEquals(List.of("Sta1", "Evt1", "AE-1", "Sta4"),
                List.of(first.currentState(), first.fsmEvent(), first.action(), first.nextState()));
    }

    @Test
    void bothSidesSeeTheRejection() throws Exception {
        Recorder acceptor = new Recorder();
        server = StandardContexts.addVerification(new ApplicationEntity("NETDICOM"))
                .logHandlerLevel(LogHandlerLevel.NONE).allowCallingAeTitles(List.of("FRIEND"))
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EVT_REJECTED, acceptor)
                        .and(EVT_CONN_CLOSE, acceptor).and(EVT_ACCEPTED, acceptor));
        Recorder requestor = new Recorder();

        assertThrows(AssociationException.class, () -> scu().associate("127.0.0.1", server.localAddress().getPort(),
                "NETDICOM", EventBindings.of(EVT_REJECTED, requestor)));

        assertTrue(acceptor.closed.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(EVT_REJECTED, EVT_CONN_CLOSE), acceptor.types());
        assertEquals(List.of(EVT_REJECTED), requestor.types());
    }

    @Test
    void bothSidesSeeAnAbort() throws Exception {
        Recorder acceptor = new Recorder();
        int port = start(EventBindings.of(EVT_ABORTED, acceptor).and(EVT_CONN_CLOSE, acceptor));

        Association association = scu().associate("127.0.0.1", port, "NETDICOM");
        association.abort();

        assertTrue(acceptor.closed.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(EVT_ABORTED, EVT_CONN_CLOSE), acceptor.types());
        assertFalse(association.isEstablished());
        assertThrows(AssociationException.class, association::echo);
    }

    @Test
    void throwingNotificationHandlerDoesNotStopTheOthersOrTheAssociation() throws Exception {
        Recorder after = new Recorder();
        NotificationHandler failing = event -> {
            throw new IllegalStateException("handler bug");
        };
        int port = start(EventBindings.of(EVT_ACCEPTED, failing).and(EVT_ACCEPTED, after)
                .and(EVT_DIMSE_RECV, failing).and(EVT_CONN_CLOSE, after));

        try (Association association = scu().associate("127.0.0.1", port, "NETDICOM")) {
            assertEquals(Status.SUCCESS, association.echo());
        }

        assertTrue(after.closed.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(EVT_ACCEPTED, EVT_CONN_CLOSE), after.types());
    }

    @Test
    void echoHandlerChoosesTheStatusAndFailuresAnswerProcessingFailure() throws Exception {
        int port = start(EventBindings.of(EVT_C_ECHO, (CEchoHandler) event -> new Status(0xB000)));

        try (Association association = scu().associate("127.0.0.1", port, "NETDICOM")) {
            assertEquals(new Status(0xB000), association.echo());

            server.bind(EVT_C_ECHO, (CEchoHandler) event -> {
                throw new IllegalStateException("database down");
            });
            assertEquals(new Status(0x0110), association.echo(), "a server binding applies to live associations");

            server.bind(EVT_C_ECHO, (CEchoHandler) event -> null);
            assertEquals(new Status(0x0110), association.echo());
        }
    }

    @Test
    void aHandlerThatLeavesItsThreadInterruptedCostsNoConnection() throws Exception {
        // The connection's socket is a channel, which closes itself on I/O by an interrupted
        // thread: the engine's writes put the status aside, and its connection thread clears it
        // once the message is handled.
        List<Boolean> interruptedOnEntry = new java.util.concurrent.CopyOnWriteArrayList<>();
        int port = start(EventBindings.of(EVT_C_ECHO, (CEchoHandler) event -> {
            interruptedOnEntry.add(Thread.currentThread().isInterrupted());
            Thread.currentThread().interrupt(); // as a handler does that caught an InterruptedException
            return Status.SUCCESS;
        }));
        try (Association association = scu().associate("127.0.0.1", port, "NETDICOM")) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Status.SUCCESS, association.echo(), "echo " + i);
            }
        }
        assertEquals(List.of(false, false, false), interruptedOnEntry, "the status ended with the message it was set in");
    }

    @Test
    void aHandlerThatInterruptsTheConnectionThreadAtTheCloseDoesNotStopTheServer() throws Exception {
        // The listening socket is a channel's, which closes itself when an interrupted thread
        // waits on it: a connection thread goes back to accept() after its connection closed.
        int port = start(EventBindings.of(EVT_CONN_CLOSE, (NotificationHandler) event -> Thread.currentThread().interrupt()));
        for (int i = 0; i < 6; i++) {
            try (Association association = scu().associate("127.0.0.1", port, "NETDICOM")) {
                assertEquals(Status.SUCCESS, association.echo(), "association " + i);
            }
        }
    }

    @Test
    void associationBindingWinsOverTheServersAndUnbindFallsBack() throws Exception {
        int port = start(EventBindings.of(EVT_C_ECHO, (CEchoHandler) event -> new Status(0xB001)));
        CountDownLatch established = new CountDownLatch(1);
        CEchoHandler own = event -> new Status(0xB002);
        NotificationHandler bindOwn = event -> {
            event.association().bind(EVT_C_ECHO, own);
            established.countDown();
        };
        server.bind(EVT_ESTABLISHED, bindOwn);

        try (Association association = scu().associate("127.0.0.1", port, "NETDICOM")) {
            assertTrue(established.await(5, TimeUnit.SECONDS));
            assertEquals(new Status(0xB002), association.echo());
        }
        server.unbind(EVT_ESTABLISHED, bindOwn);
        server.unbind(EVT_C_ECHO, server.handlers(EVT_C_ECHO).get(0));
        assertTrue(server.handlers(EVT_C_ECHO).isEmpty());
        try (Association association = scu().associate("127.0.0.1", port, "NETDICOM")) {
            assertEquals(Status.SUCCESS, association.echo(), "the default answers once no handler is bound");
        }
    }

    @Test
    void handlersReceiveTheArgumentsTheyWereBoundWith() throws Exception {
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        CEchoHandler echo = event -> {
            seen.add(event.arguments());
            seen.add(event.context().abstractSyntax());
            return Status.SUCCESS;
        };
        int port = start(EventBindings.of(EVT_C_ECHO, echo, "site-a", 42));

        try (Association association = scu().associate("127.0.0.1", port, "NETDICOM")) {
            association.echo();
        }

        assertEquals(List.of(List.of("site-a", 42), StandardContexts.VERIFICATION), seen);
    }

    @Test
    void requestedHandlerCanAbortBeforeNegotiation() throws Exception {
        int port = start(EventBindings.of(EVT_REQUESTED, (NotificationHandler) event -> event.association().abort()));

        AssociationException e = assertThrows(AssociationException.class,
                () -> scu().associate("127.0.0.1", port, "NETDICOM"));
        assertTrue(e.getMessage().contains("abort"), e.getMessage());
    }

    @Test
    void bindingRefusesHandlersOfTheWrongType() throws IOException {
        int port = start(EventBindings.none());
        NotificationHandler notification = event -> { };
        CEchoHandler echo = event -> Status.SUCCESS;

        assertThrows(IllegalArgumentException.class, () -> server.bind(EVT_C_ECHO, notification));
        assertThrows(IllegalArgumentException.class, () -> server.bind(EVT_ACCEPTED, echo));
        IllegalArgumentException notYet = assertThrows(IllegalArgumentException.class,
                () -> server.bind(EVT_C_STORE, echo));
        assertTrue(notYet.getMessage().contains("EVT_C_STORE"), notYet.getMessage());
        assertTrue(port > 0);
    }

    @Test
    void eventNamesParseInLongAndShortForm() {
        assertEquals(EVT_C_STORE, EventType.parse("EVT_C_STORE"));
        assertEquals(EVT_C_STORE, EventType.parse("c_store"));
        assertTrue(EVT_C_ECHO.isIntervention());
        assertTrue(EVT_ACCEPTED.isNotification());
        assertThrows(IllegalArgumentException.class, () -> EventType.parse("EVT_NOPE"));
    }

    @Test
    void acceptorMayReleaseFromAHandlerAndBothSidesSeeTheRelease() throws Exception {
        Recorder acceptor = new Recorder();
        NotificationHandler releaseAtOnce = event -> event.association().release();
        int port = start(EventBindings.of(EVT_ESTABLISHED, releaseAtOnce).and(EVT_RELEASED, acceptor)
                .and(EVT_CONN_CLOSE, acceptor));
        Recorder requestor = new Recorder();

        Association association = scu().associate("127.0.0.1", port, "NETDICOM",
                EventBindings.of(EVT_RELEASED, requestor).and(EVT_CONN_CLOSE, requestor));

        assertTrue(acceptor.closed.await(5, TimeUnit.SECONDS));
        assertTrue(requestor.closed.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(EVT_RELEASED, EVT_CONN_CLOSE), acceptor.types());
        assertEquals(List.of(EVT_RELEASED, EVT_CONN_CLOSE), requestor.types());
        AssociationException after = assertThrows(AssociationException.class, association::echo);
        assertTrue(after.getMessage().contains("released"), after.getMessage());
    }
}
