package org.netdicom.core.service;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.core.service.QueryRetrieveServiceTest.CT;
import static org.netdicom.core.service.QueryRetrieveServiceTest.EXPLICIT;
import static org.netdicom.core.service.QueryRetrieveServiceTest.FAILED_SOP_INSTANCE_UID_LIST;
import static org.netdicom.core.service.QueryRetrieveServiceTest.IMPLICIT;
import static org.netdicom.core.service.QueryRetrieveServiceTest.STUDY_MOVE;
import static org.netdicom.core.service.QueryRetrieveServiceTest.qrScp;
import static org.netdicom.core.service.QueryRetrieveServiceTest.scu;
import static org.netdicom.core.service.QueryRetrieveServiceTest.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.SubOperations;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CMoveHandler;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.service.QueryRetrieveServiceTest.Archive;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/** C-MOVE between our requestor and our acceptor, with a destination of ours, over loopback. */
class MoveServiceTest {

    private final List<AssociationServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(AssociationServer::close);
    }

    private int start(ApplicationEntity ae, EventType type, DicomEventHandler handler) throws IOException {
        return QueryRetrieveServiceTest.start(servers, ae, type, handler);
    }

    @Test
    void moveSendsToTheDestinationWithTheMoveOriginator() throws Exception {
        List<String> arrived = new CopyOnWriteArrayList<>();
        Map<String, Dataset> stored = new ConcurrentHashMap<>();
        int destination = start(new ApplicationEntity("DEST").addSupportedContext(CT, EXPLICIT, IMPLICIT),
                EventType.EVT_C_STORE, (CStoreHandler) e -> {
                    arrived.add(e.association().callingAeTitle() + "->" + e.association().calledAeTitle() + " for "
                            + e.moveOriginatorAeTitle() + "/" + e.moveOriginatorMessageId());
                    stored.put(e.sopInstanceUid(), e.dataset());
                    return Status.SUCCESS;
                });
        Archive archive = new Archive(3);
        int port = start(qrScp(), EventType.EVT_C_MOVE, (CMoveHandler) e -> {
            if (!e.moveDestination().equals("DEST")) {
                return new Status(0xA801);
            }
            e.destination("127.0.0.1", destination);
            return archive.retrieve(e);
        });
        int messageId;
        try (Association a = scu(STUDY_MOVE).associate("127.0.0.1", port, "QRSCP")) {
            ResponseIterator responses = a.move("DEST", study("P-1"), STUDY_MOVE);
            messageId = responses.messageId();
            List<DimseResponse> all = responses.stream().toList();
            assertEquals(List.of(0xFF00, 0xFF00, 0x0000), all.stream().map(r -> r.status().code()).toList());
            assertEquals(new SubOperations(-1, 3, 0, 0), all.get(2).subOperations());

            assertEquals(0xA801, a.move("NOWHERE", study("P-1"), STUDY_MOVE).finalResponse().status().code());
        }
        assertEquals(archive.instances, stored);
        String expected = "QRSCP->DEST for QRSCU/" + messageId;
        assertEquals(List.of(expected, expected, expected), arrived);
    }

    @Test
    void moveAnswersA801WhenTheDestinationIsNotResolvedOrNotReachable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        int port = start(qrScp(), EventType.EVT_C_MOVE, (CMoveHandler) e -> {
            switch (e.moveDestination()) {
                case "GONE" -> e.destination("127.0.0.1", closedPort);
                case "LAZY" -> {
                    return Status.SUCCESS; // never said where LAZY is
                }
                default -> {
                    // stores without saying where: each sub-operation fails
                }
            }
            return new Archive(2).retrieve(e);
        });
        try (Association a = scu(STUDY_MOVE).associate("127.0.0.1", port, "QRSCP")) {
            assertEquals(0xA801, a.move("LAZY", study("P-1"), STUDY_MOVE).finalResponse().status().code());
            DimseResponse unreachable = a.move("GONE", study("P-1"), STUDY_MOVE).finalResponse();
            assertEquals(0xA801, unreachable.status().code());
            assertEquals(new SubOperations(-1, 0, 2, 0), unreachable.subOperations());
            DimseResponse unresolved = a.move("NOBODY", study("P-1"), STUDY_MOVE).finalResponse();
            assertEquals(0xA801, unresolved.status().code());
            assertEquals(new SubOperations(-1, 0, 2, 0), unresolved.subOperations());
        }
    }

    @Test
    void anInstanceTheMoveAssociationCannotCarryGoesOverAnotherOneProposingIt() throws Exception {
        // The handler's requestor proposes CT only (as when more SOP classes than 128 contexts
        // come up): the MR instances go over a second association, the SC one is refused there
        String mr = "1.2.840.10008.5.1.4.1.1.4";
        String sc = "1.2.840.10008.5.1.4.1.1.7";
        Map<String, String> arrived = new ConcurrentHashMap<>();
        int destination = start(new ApplicationEntity("DEST").addSupportedContext(CT, EXPLICIT)
                .addSupportedContext(mr, EXPLICIT), EventType.EVT_C_STORE, (CStoreHandler) e -> {
                    arrived.put(e.sopInstanceUid(), e.association().callingAeTitle() + " "
                            + e.association().remoteAddress().getPort());
                    return Status.SUCCESS;
                });
        int port = start(qrScp(), EventType.EVT_C_MOVE, (CMoveHandler) e -> {
            e.destination("127.0.0.1", destination, new ApplicationEntity("MOVER").addRequestedContext(CT, EXPLICIT));
            e.subOperations(5);
            for (String[] instance : new String[][] {{CT, "1.2.9.1"}, {mr, "1.2.9.2"}, {sc, "1.2.9.3"}, {mr, "1.2.9.4"},
                    {sc, "1.2.9.5"}}) {
                Dataset d = StorageServiceTest.ct(instance[1], 64);
                d.setString(Tag.SOP_CLASS_UID, VR.UI, instance[0]);
                e.store(d);
            }
            return Status.SUCCESS;
        });
        try (Association a = scu(STUDY_MOVE).associate("127.0.0.1", port, "QRSCP")) {
            DimseResponse last = a.move("DEST", study("P-1"), STUDY_MOVE).finalResponse();
            assertEquals(0xB000, last.status().code());
            assertEquals(new SubOperations(-1, 3, 2, 0), last.subOperations());
            assertArrayEquals(new String[] {"1.2.9.3", "1.2.9.5"}, last.dataSet().getStrings(FAILED_SOP_INSTANCE_UID_LIST));
        }
        assertEquals(java.util.Set.of("1.2.9.1", "1.2.9.2", "1.2.9.4"), arrived.keySet());
        assertTrue(arrived.values().stream().allMatch(v -> v.startsWith("MOVER ")), arrived.toString());
        assertNotEquals(arrived.get("1.2.9.1"), arrived.get("1.2.9.2"), "another association: another local port");
        assertEquals(arrived.get("1.2.9.2"), arrived.get("1.2.9.4"), "kept for the next MR");
    }
}
