package org.netdicom.core.event;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.core.api.event.EventType.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.handler.AsyncOpsHandler;
import org.netdicom.core.api.handler.SopCommonHandler;
import org.netdicom.core.api.handler.SopExtendedHandler;
import org.netdicom.core.api.handler.UserIdentityHandler;
import org.netdicom.core.api.handler.UserIdentityResult;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.AsyncOperationsWindow;
import org.netdicom.core.pdu.Pdu;
import org.netdicom.core.pdu.PduEncoder;
import org.netdicom.core.pdu.PduReader;
import org.netdicom.core.pdu.PresentationContextRq;
import org.netdicom.core.pdu.SopClassCommonExtendedNegotiation;
import org.netdicom.core.pdu.SopClassExtendedNegotiation;
import org.netdicom.core.pdu.UserIdentityRq;
import org.netdicom.core.pdu.UserInformation;
import org.netdicom.core.service.StandardContexts;

/** The intervention events of association negotiation, seen in the A-ASSOCIATE-AC/RJ on the wire. */
class ExtendedNegotiationTest {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1";
    private AssociationServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Pdu request(EventBindings bindings, UserIdentityRq identity, AsyncOperationsWindow window,
            List<SopClassExtendedNegotiation> extended, List<SopClassCommonExtendedNegotiation> common)
            throws IOException {
        server = StandardContexts.addVerification(new ApplicationEntity("NETDICOM"))
                .logHandlerLevel(LogHandlerLevel.NONE)
                .startServer(new InetSocketAddress("127.0.0.1", 0), bindings);
        AAssociateRq rq = new AAssociateRq(1, "NETDICOM", "SCU", "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextRq(1, StandardContexts.VERIFICATION,
                        List.of(StandardContexts.IMPLICIT_VR_LITTLE_ENDIAN))),
                new UserInformation(16384, "1.2.3", "TEST", window, List.of(), extended, common, identity, null,
                        List.of()));
        try (Socket socket = new Socket("127.0.0.1", server.localAddress().getPort())) {
            socket.setSoTimeout(5000);
            new PduEncoder().write(rq, socket.getOutputStream());
            return new PduReader(socket.getInputStream(), 0).read();
        }
    }

    @Test
    void verifiedUserGetsItsServerResponseWhenOneWasRequested() throws IOException {
        UserIdentityHandler check = event -> "alice".equals(new String(event.primaryField(), StandardCharsets.UTF_8))
                && "secret".equals(new String(event.secondaryField(), StandardCharsets.UTF_8))
                ? UserIdentityResult.accept("token".getBytes(StandardCharsets.US_ASCII)) : UserIdentityResult.reject();

        AAssociateAc ac = assertInstanceOf(AAssociateAc.class, request(EventBindings.of(EVT_USER_ID, check),
                UserIdentityRq.usernameAndPasscode("alice", "secret", true), null, List.of(), List.of()));

        assertArrayEquals("token".getBytes(StandardCharsets.US_ASCII),
                ac.userInformation().userIdentityAc().serverResponse());
    }

    @Test
    void wrongPasscodeIsRejectedWithNoReasonGiven() throws IOException {
        UserIdentityHandler check = event -> "secret".equals(new String(event.secondaryField(), StandardCharsets.UTF_8))
                ? UserIdentityResult.accept() : UserIdentityResult.reject();

        AAssociateRj rj = assertInstanceOf(AAssociateRj.class, request(EventBindings.of(EVT_USER_ID, check),
                UserIdentityRq.usernameAndPasscode("alice", "guess", false), null, List.of(), List.of()));

        assertEquals(new AAssociateRj(1, 1, 1), rj);
    }

    @Test
    void throwingUserIdentityHandlerRejects() throws IOException {
        UserIdentityHandler broken = event -> {
            throw new IOException("directory unreachable");
        };

        assertInstanceOf(AAssociateRj.class, request(EventBindings.of(EVT_USER_ID, broken),
                UserIdentityRq.usernameAndPasscode("alice", "secret", true), null, List.of(), List.of()));
    }

    @Test
    void withoutHandlerAUserIsAcceptedAndNoResponseSent() throws IOException {
        AAssociateAc ac = assertInstanceOf(AAssociateAc.class, request(EventBindings.none(),
                UserIdentityRq.usernameAndPasscode("anyone", "x", true), null, List.of(), List.of()));

        assertNull(ac.userInformation().userIdentityAc());
    }

    @Test
    void asyncOpsHandlerAnswerIsSentAndTheDefaultSendsNone() throws IOException {
        AsyncOpsHandler handler = event -> new AsyncOperationsWindow(1, Math.min(4, event.maxOperationsPerformed()));
        AAssociateAc handled = assertInstanceOf(AAssociateAc.class, request(EventBindings.of(EVT_ASYNC_OPS, handler),
                null, new AsyncOperationsWindow(8, 8), List.of(), List.of()));
        server.close();
        AAssociateAc unhandled = assertInstanceOf(AAssociateAc.class, request(EventBindings.none(), null,
                new AsyncOperationsWindow(8, 8), List.of(), List.of()));

        assertEquals(new AsyncOperationsWindow(1, 4), handled.userInformation().asyncOperationsWindow());
        assertNull(unhandled.userInformation().asyncOperationsWindow());
    }

    @Test
    void sopExtendedRepliesOnlyForRequestedClasses() throws IOException {
        SopExtendedHandler handler = event -> Map.of(CT, new byte[] {1}, ENHANCED_CT, new byte[] {1});

        AAssociateAc ac = assertInstanceOf(AAssociateAc.class, request(EventBindings.of(EVT_SOP_EXTENDED, handler),
                null, null, List.of(new SopClassExtendedNegotiation(CT, new byte[] {1, 1})), List.of()));

        assertEquals(List.of(new SopClassExtendedNegotiation(CT, new byte[] {1})),
                ac.userInformation().sopClassExtended());
    }

    @Test
    void sopCommonHandlerSeesTheItemsAndNoReplyIsSent() throws IOException {
        SopClassCommonExtendedNegotiation item = new SopClassCommonExtendedNegotiation(ENHANCED_CT,
                "1.2.840.10008.4.2", List.of(CT));
        List<Map<String, SopClassCommonExtendedNegotiation>> seen = new java.util.ArrayList<>();
        SopCommonHandler handler = event -> {
            seen.add(event.items());
            return event.items();
        };

        AAssociateAc ac = assertInstanceOf(AAssociateAc.class, request(EventBindings.of(EVT_SOP_COMMON, handler),
                null, null, List.of(), List.of(item)));

        assertEquals(List.of(Map.of(ENHANCED_CT, item)), seen);
        assertTrue(ac.userInformation().sopClassCommonExtended().isEmpty(), "PS3.7 D.3.3.6: no reply item");
    }

    @Test
    void userIdentityEventHidesCredentialsInToString() throws IOException {
        String[] text = new String[1];
        UserIdentityHandler handler = event -> {
            text[0] = event.toString();
            assertEquals(2, event.userIdentityType());
            return UserIdentityResult.accept();
        };

        request(EventBindings.of(EVT_USER_ID, handler), UserIdentityRq.usernameAndPasscode("alice", "secret", false),
                null, List.of(), List.of());

        assertFalse(text[0].contains("secret"), text[0]);
    }
}
