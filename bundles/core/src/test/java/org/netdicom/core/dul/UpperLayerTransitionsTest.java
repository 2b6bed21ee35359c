package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.core.dul.DulEvent.*;
import static org.netdicom.core.dul.DulState.*;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netdicom.core.pdu.AAbort;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.AReleaseRp;
import org.netdicom.core.pdu.AReleaseRq;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.Pdu;
import org.netdicom.core.pdu.PduEncoder;
import org.netdicom.core.pdu.PduReader;
import org.netdicom.core.pdu.PresentationContextAc;
import org.netdicom.core.pdu.PresentationContextRq;
import org.netdicom.core.pdu.PresentationDataValue;
import org.netdicom.core.pdu.UserInformation;

/**
 * Drives a real Upper Layer over loopback into each of the thirteen states and applies every event
 * the standard defines there: received PDUs really arrive on the socket, local primitives are really
 * called, the transport really closes and the ARTIM timer really expires. Each cell must run the
 * action of PS3.8 Table 9-10 (checked against the table, itself checked against the standard in
 * {@link DulStateTableTest}) and end in the state that action names.
 */
class UpperLayerTransitionsTest {

    private static final PduEncoder ENCODER = new PduEncoder();
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT_ARTIM = Duration.ofMillis(400);

    private static final AAssociateRq RQ = new AAssociateRq(1, "SCP", "SCU", "1.2.840.10008.3.1.1.1",
            List.of(new PresentationContextRq(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2"))),
            UserInformation.of(16384, "1.2.3", "TEST"));
    private static final AAssociateAc AC = new AAssociateAc(1, "SCP", "SCU", "1.2.840.10008.3.1.1.1",
            List.of(PresentationContextAc.accepted(1, "1.2.840.10008.1.2")), UserInformation.of(16384, "1.2.3", "T"));
    private static final AAssociateRj RJ = new AAssociateRj(1, 1, 1);
    private static final PDataTf DATA = new PDataTf(List.of(PresentationDataValue.of(1, 0x03, new byte[] {1, 2})));

    record Step(DulState from, DulEvent event, DulAction action, DulState to) {
    }

    /** An Upper Layer on one end of a loopback connection, the test playing the peer on the other. */
    static final class Rig implements DulUser, AutoCloseable {
        final boolean requestor;
        final Socket ours;
        final Socket peer;
        final UpperLayer layer;
        final PduReader peerIn;
        final BlockingQueue<Step> steps = new LinkedBlockingQueue<>();
        Thread reader;

        Rig(boolean requestor, Duration artim) throws IOException {
            this.requestor = requestor;
            try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket accepted = listener.accept();
                ours = requestor ? client : accepted;
                peer = requestor ? accepted : client;
            }
            peer.setSoTimeout(3000);
            layer = new UpperLayer(ours, this, 0, artim, LONG, requestor);
            peerIn = new PduReader(peer.getInputStream(), 0);
        }

        @Override
        public void transitioned(DulState from, DulEvent event, DulAction action, DulState to) {
            steps.add(new Step(from, event, action, to));
        }

        void startReading() {
            reader = new Thread(requestor ? layer::readUntilClosed : layer::serveAcceptor, "rig-reader");
            reader.setDaemon(true);
            reader.start();
        }

        Step await(DulEvent event) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < deadline) {
                Step step = steps.poll(50, TimeUnit.MILLISECONDS);
                if (step != null && step.event() == event) {
                    return step;
                }
            }
            throw new AssertionError("no transition on " + event + "; state " + layer.state());
        }

        void peerSends(Pdu pdu) throws IOException {
            OutputStream out = peer.getOutputStream();
            ENCODER.write(pdu, out);
            out.flush();
        }

        Pdu peerReads() throws IOException {
            return peerIn.read();
        }

        @Override
        public void close() throws IOException {
            peer.close();
            ours.close();
        }
    }

    /** A rig brought into {@code state} by the shortest legal path. */
    private static Rig reach(DulState state, DulEvent next, Duration artim) throws Exception {
        // Sta1 is the requestor's start (Evt1) or the acceptor's (Evt5); 4, 5, 9 and 11 are the
        // requestor's; the others are reached on the acceptor's side.
        boolean requestorSide = state == STA1 ? next == EVT1
                : state == STA4 || state == STA5 || state == STA9 || state == STA11;
        Rig rig = new Rig(requestorSide, artim);
        switch (state) {
            case STA1 -> { }
            case STA4 -> {
                rig.layer.associateRequest(RQ);
                rig.startReading();
            }
            case STA5 -> toSta5(rig);
            case STA9, STA11 -> {
                toSta5(rig);
                rig.peerSends(AC);
                rig.await(EVT3);
                rig.layer.releaseRequest();
                assertInstanceOf(AReleaseRq.class, rig.peerReads());
                rig.peerSends(new AReleaseRq());
                rig.await(EVT12);
                if (state == STA11) {
                    rig.layer.releaseResponse();
                    assertInstanceOf(AReleaseRp.class, rig.peerReads());
                }
            }
            default -> toAcceptorState(rig, state);
        }
        assertEquals(state, rig.layer.state(), "could not reach " + state);
        return rig;
    }

    private static void toSta5(Rig rig) throws Exception {
        rig.layer.associateRequest(RQ);
        rig.startReading();
        rig.layer.transportConnected();
        assertInstanceOf(AAssociateRq.class, rig.peerReads());
    }

    private static void toAcceptorState(Rig rig, DulState state) throws Exception {
        rig.startReading();
        rig.await(EVT5);
        if (state == STA2) {
            return;
        }
        rig.peerSends(RQ);
        rig.await(EVT6);
        if (state == STA3) {
            return;
        }
        if (state == STA13) {
            rig.layer.reject(RJ);
            assertInstanceOf(AAssociateRj.class, rig.peerReads());
            return;
        }
        rig.layer.accept(AC);
        assertInstanceOf(AAssociateAc.class, rig.peerReads());
        switch (state) {
            case STA6 -> { }
            case STA8 -> {
                rig.peerSends(new AReleaseRq());
                rig.await(EVT12);
            }
            case STA7, STA10, STA12 -> {
                rig.layer.releaseRequest();
                assertInstanceOf(AReleaseRq.class, rig.peerReads());
                if (state != STA7) {
                    rig.peerSends(new AReleaseRq());
                    rig.await(EVT12);
                }
                if (state == STA12) {
                    rig.peerSends(new AReleaseRp());
                    rig.await(EVT13);
                }
            }
            default -> throw new AssertionError("no acceptor path to " + state);
        }
    }

    /** Makes {@code event} happen to the rig's Upper Layer the way it happens in real life. */
    private static void fire(Rig rig, DulEvent event) throws Exception {
        switch (event) {
            case EVT1 -> rig.layer.associateRequest(RQ);
            case EVT2 -> rig.layer.transportConnected();
            case EVT3 -> rig.peerSends(AC);
            case EVT4 -> rig.peerSends(RJ);
            case EVT5 -> rig.startReading();
            case EVT6 -> rig.peerSends(RQ);
            case EVT7 -> rig.layer.accept(AC);
            case EVT8 -> rig.layer.reject(RJ);
            case EVT9 -> rig.layer.sendData(1, 0x03, new byte[] {1, 2}, 0, 2);
            case EVT10 -> rig.peerSends(DATA);
            case EVT11 -> rig.layer.releaseRequest();
            case EVT12 -> rig.peerSends(new AReleaseRq());
            case EVT13 -> rig.peerSends(new AReleaseRp());
            case EVT14 -> rig.layer.releaseResponse();
            case EVT15 -> rig.layer.abort(new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
            case EVT16 -> rig.peerSends(new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
            case EVT17 -> rig.peer.close();
            case EVT18 -> { } // the rig's short ARTIM timer is running: wait for it
            case EVT19 -> {
                rig.peer.getOutputStream().write(new byte[] {0x09, 0, 0, 0, 0, 0}); // no such PDU type
                rig.peer.getOutputStream().flush();
            }
        }
    }

    @TestFactory
    List<DynamicTest> everyCellOfTable9_10RunsItsAction() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DulState state : DulState.values()) {
            for (DulEvent event : DulEvent.values()) {
                DulAction action = DulStateTable.action(state, event);
                if (action != null) {
                    tests.add(DynamicTest.dynamicTest(state + " + " + event + " -> " + action,
                            () -> runCell(state, event, action)));
                }
            }
        }
        assertEquals(123, tests.size(), "PS3.8 Table 9-10 has 123 non-empty cells");
        return tests;
    }

    private static void runCell(DulState state, DulEvent event, DulAction action) throws Exception {
        Duration artim = event == EVT18 ? SHORT_ARTIM : LONG;
        try (Rig rig = reach(state, event, artim)) {
            fire(rig, event);
            Step step = rig.await(event);
            assertEquals(new Step(state, event, action, expectedNext(rig, action)), step);
            checkWhatThePeerSees(rig, action);
        }
    }

    private static DulState expectedNext(Rig rig, DulAction action) {
        if (action == DulAction.AR_8) {
            return rig.requestor ? STA9 : STA10;
        }
        return action.nextState();
    }

    /** The observable half of each action that sends something. */
    private static void checkWhatThePeerSees(Rig rig, DulAction action) throws IOException {
        switch (action) {
            case AE_2 -> assertInstanceOf(AAssociateRq.class, rig.peerReads());
            case AE_7 -> assertInstanceOf(AAssociateAc.class, rig.peerReads());
            case AE_8 -> assertInstanceOf(AAssociateRj.class, rig.peerReads());
            case DT_1, AR_7 -> assertInstanceOf(PDataTf.class, rig.peerReads());
            case AR_1 -> assertInstanceOf(AReleaseRq.class, rig.peerReads());
            case AR_4, AR_9 -> assertInstanceOf(AReleaseRp.class, rig.peerReads());
            case AA_1 -> assertEquals(AAbort.SOURCE_SERVICE_USER,
                    assertInstanceOf(AAbort.class, rig.peerReads()).source());
            case AA_7, AA_8 -> assertEquals(AAbort.SOURCE_SERVICE_PROVIDER,
                    assertInstanceOf(AAbort.class, rig.peerReads()).source());
            case AA_2, AA_3, AA_4, AR_3, AE_4 -> {
                if (!rig.peer.isClosed()) {
                    assertNull(rig.peerReads(), action + " closes the transport");
                }
            }
            default -> { }
        }
    }

    @Test
    void localPrimitivesOutsideTheirStatesAreRefused() throws Exception {
        try (Rig rig = reach(STA2, EVT9, LONG)) {
            assertThrows(IllegalStateException.class, () -> rig.layer.sendData(1, 3, new byte[1], 0, 1));
            assertThrows(IllegalStateException.class, rig.layer::releaseRequest);
            assertThrows(IllegalStateException.class, () -> rig.layer.accept(AC));
            assertEquals(STA2, rig.layer.state());
        }
    }
}
