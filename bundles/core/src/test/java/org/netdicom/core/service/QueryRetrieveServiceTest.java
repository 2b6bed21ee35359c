package org.netdicom.core.service;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.SubOperations;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.event.RetrieveEvent;
import org.netdicom.core.api.handler.CFindHandler;
import org.netdicom.core.api.handler.CGetHandler;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/** C-FIND and C-GET between our requestor and our acceptor over loopback (C-MOVE: MoveServiceTest). */
class QueryRetrieveServiceTest {

    static final String STUDY_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    static final String STUDY_GET = "1.2.840.10008.5.1.4.1.2.2.3";
    static final String STUDY_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    static final String WITHOUT_BULK_GET = "1.2.840.10008.5.1.4.1.2.5.3";
    static final String RELEVANT_PATIENT = "1.2.840.10008.5.1.4.37.1";
    static final String CT = StorageServiceTest.CT;
    static final String EXPLICIT = StorageServiceTest.EXPLICIT;
    static final String IMPLICIT = StorageServiceTest.IMPLICIT;
    static final int FAILED_SOP_INSTANCE_UID_LIST = 0x00080058;

    private final List<AssociationServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(AssociationServer::close);
    }

    private int start(ApplicationEntity ae, EventType type, DicomEventHandler handler) throws IOException {
        return start(servers, ae, type, handler);
    }

    /** Starts {@code ae} on a free port with {@code handler} bound (none if null), kept in {@code servers} to close. */
    static int start(List<AssociationServer> servers, ApplicationEntity ae, EventType type, DicomEventHandler handler)
            throws IOException {
        AssociationServer server = ae.startServer(new InetSocketAddress("127.0.0.1", 0),
                handler == null ? EventBindings.none() : EventBindings.of(type, handler));
        servers.add(server);
        return server.localAddress().getPort();
    }

    static ApplicationEntity qrScp() {
        return new ApplicationEntity("QRSCP")
                .addSupportedContext(STUDY_FIND, EXPLICIT, IMPLICIT)
                .addSupportedContext(RELEVANT_PATIENT, EXPLICIT)
                .addSupportedContext(STUDY_GET, EXPLICIT)
                .addSupportedContext(WITHOUT_BULK_GET, EXPLICIT)
                .addSupportedContext(STUDY_MOVE, EXPLICIT)
                .addSupportedContext(CT, EXPLICIT, IMPLICIT)
                .acceptRoles(CT, true, true);
    }

    static ApplicationEntity scu(String... models) {
        ApplicationEntity ae = new ApplicationEntity("QRSCU");
        for (String model : models) {
            ae.addRequestedContext(model, EXPLICIT);
        }
        return ae;
    }

    static Dataset study(String patientId) {
        Dataset d = new Dataset();
        d.setString("QueryRetrieveLevel", "STUDY");
        d.setString("PatientID", patientId);
        d.setString("StudyInstanceUID", "");
        return d;
    }

    private static Dataset match(String studyUid) {
        Dataset d = new Dataset();
        d.setString("QueryRetrieveLevel", "STUDY");
        d.setString("PatientID", "P-1");
        d.setString("StudyInstanceUID", studyUid);
        return d;
    }

    // ---- C-FIND ----------------------------------------------------------------------------------

    @Test
    void streamsEachMatchBeforeTheHandlerFindsTheNext() throws Exception {
        CountDownLatch firstReceived = new CountDownLatch(1);
        AtomicBoolean sawFirstBeforeSecond = new AtomicBoolean();
        int port = start(qrScp(), EventType.EVT_C_FIND, (CFindHandler) e -> {
            assertEquals("P-1", e.identifier().getString("PatientID"));
            assertEquals(STUDY_FIND, e.sopClassUid());
            assertTrue(e.pending(match("1.2.1")));
            // the SCU must have the first match while the handler still works on the second
            sawFirstBeforeSecond.set(firstReceived.await(10, TimeUnit.SECONDS));
            assertTrue(e.pending(match("1.2.2"), true));
            return Status.SUCCESS;
        });
        try (Association a = scu(STUDY_FIND).associate("127.0.0.1", port, "QRSCP");
             ResponseIterator responses = a.find(study("P-1"), STUDY_FIND)) {
            DimseResponse first = responses.next();
            assertEquals(0xFF00, first.status().code());
            assertEquals("1.2.1", first.dataSet().getString("StudyInstanceUID"));
            firstReceived.countDown();
            DimseResponse second = responses.next();
            assertEquals(0xFF01, second.status().code());
            assertEquals("1.2.2", second.dataSet().getString("StudyInstanceUID"));
            DimseResponse last = responses.next();
            assertEquals(Status.SUCCESS, last.status());
            assertNull(last.dataSet(), "PS3.4 C.4.1.1.4: no identifier in the final response");
            assertFalse(responses.hasNext());
            assertEquals(STUDY_FIND, last.affectedSopClassUid());
        }
        assertTrue(sawFirstBeforeSecond.get(), "the first match reached the SCU before the handler returned");
    }

    @Test
    void cancelStopsTheHandlerAndEndsWithCancel() throws Exception {
        AtomicBoolean sawCancel = new AtomicBoolean();
        List<Boolean> pendingAfterCancel = new CopyOnWriteArrayList<>();
        int port = start(qrScp(), EventType.EVT_C_FIND, (CFindHandler) e -> {
            if (e.identifier().getString("PatientID").equals("P-2")) {
                return Status.SUCCESS;
            }
            e.pending(match("1.2.1"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!e.isCancelled() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            sawCancel.set(e.isCancelled());
            pendingAfterCancel.add(e.pending(match("1.2.2")));
            return Status.SUCCESS; // after a cancel, netdicom answers Cancel
        });
        try (Association a = scu(STUDY_FIND).associate("127.0.0.1", port, "QRSCP")) {
            try (ResponseIterator responses = a.find(study("P-1"), STUDY_FIND)) {
                assertEquals(0xFF00, responses.next().status().code());
                responses.cancel();
                DimseResponse last = responses.next();
                assertEquals(0xFE00, last.status().code());
                assertFalse(responses.hasNext());
            }
            assertTrue(a.isEstablished());
            assertEquals(Status.SUCCESS, a.find(study("P-2"), STUDY_FIND).finalResponse().status(),
                    "the association serves the next request");
        }
        assertTrue(sawCancel.get());
        assertEquals(List.of(false), pendingAfterCancel, "pending() refuses after the cancel");
    }

    @Test
    void answersC311WhenTheHandlerThrowsAndA700WithoutAHandler() throws Exception {
        int port = start(qrScp(), EventType.EVT_C_FIND, (CFindHandler) e -> {
            e.pending(match("1.2.1"));
            throw new IllegalStateException("broken index");
        });
        try (Association a = scu(STUDY_FIND).associate("127.0.0.1", port, "QRSCP")) {
            ResponseIterator responses = a.find(study("P-1"), STUDY_FIND);
            assertEquals(0xFF00, responses.next().status().code());
            assertEquals(0xC311, responses.next().status().code());
        }
        int bare = start(qrScp(), null, null);
        try (Association a = scu(STUDY_FIND).associate("127.0.0.1", bare, "QRSCP")) {
            assertEquals(0xA700, a.find(study("P-1"), STUDY_FIND).finalResponse().status().code());
        }
    }

    @Test
    void answersC312WhenAMatchDoesNotEncode() throws Exception {
        int port = start(qrScp(), EventType.EVT_C_FIND, (CFindHandler) e -> {
            Dataset bad = match("1.2.1");
            bad.setString(Tag.SOP_INSTANCE_UID, org.netdicom.data.VR.UI, "x".repeat(70_000));
            try {
                e.pending(bad);
            } catch (IllegalArgumentException expected) {
                // the handler goes on as if nothing happened: the answer is still C312
            }
            return Status.SUCCESS;
        });
        try (Association a = scu(STUDY_FIND).associate("127.0.0.1", port, "QRSCP")) {
            assertEquals(0xC312, a.find(study("P-1"), STUDY_FIND).finalResponse().status().code());
        }
    }

    @Test
    void relevantPatientInformationQuerySendsOnlyTheFirstMatch() throws Exception {
        List<Boolean> accepted = new CopyOnWriteArrayList<>();
        int port = start(qrScp(), EventType.EVT_C_FIND, (CFindHandler) e -> {
            accepted.add(e.pending(match("1.2.1")));
            accepted.add(e.pending(match("1.2.2")));
            return Status.SUCCESS;
        });
        try (Association a = scu(RELEVANT_PATIENT).associate("127.0.0.1", port, "QRSCP")) {
            List<DimseResponse> all = a.find(study("P-1"), RELEVANT_PATIENT).stream().toList();
            assertEquals(2, all.size());
            assertEquals("1.2.1", all.get(0).dataSet().getString("StudyInstanceUID"));
            assertEquals(Status.SUCCESS, all.get(1).status());
        }
        assertEquals(List.of(true, false), accepted);
    }

    @Test
    void answers0211ForAnOperationTheSopClassDoesNotDefine() throws Exception {
        int port = start(qrScp(), EventType.EVT_C_FIND, (CFindHandler) e -> Status.SUCCESS);
        try (Association a = scu(STUDY_GET).associate("127.0.0.1", port, "QRSCP")) {
            assertEquals(0x0211, a.find(study("P-1"), STUDY_GET).finalResponse().status().code());
        }
    }

    // ---- C-GET -------------------------------------------------------------------------------------

    /** A Q/R handler over a few in-memory CT instances of patient P-1, matched on PatientID. */
    static final class Archive {
        final Map<String, Dataset> instances = new java.util.LinkedHashMap<>();

        Archive(int count) {
            for (int i = 1; i <= count; i++) {
                Dataset ct = StorageServiceTest.ct("1.2.3." + i, 64);
                ct.setString("StudyInstanceUID", "1.2.3");
                instances.put("1.2.3." + i, ct);
            }
        }

        Status retrieve(RetrieveEvent e) {
            List<Dataset> matches = instances.values().stream()
                    .filter(d -> d.getString("PatientID").equals(e.identifier().getString("PatientID"))).toList();
            e.subOperations(matches.size());
            for (Dataset d : matches) {
                if (e.isCancelled()) {
                    return new Status(0xFE00);
                }
                e.store(d);
            }
            return Status.SUCCESS;
        }
    }

    private static ApplicationEntity getScu() {
        return scu(STUDY_GET, WITHOUT_BULK_GET).addRequestedContext(CT, EXPLICIT).requestRole(CT, false, true);
    }

    private static EventBindings storeInto(Map<String, Dataset> received, CStoreHandler answer) {
        return EventBindings.of(EventType.EVT_C_STORE, (CStoreHandler) e -> {
            received.put(e.sopInstanceUid(), e.dataset());
            return answer.onCStore(e);
        });
    }

    @Test
    void getSendsEachInstanceToTheRequestorsStoreHandlerWithCounts() throws Exception {
        Archive archive = new Archive(3);
        int port = start(qrScp(), EventType.EVT_C_GET, (CGetHandler) archive::retrieve);
        Map<String, Dataset> received = new ConcurrentHashMap<>();
        try (Association a = getScu().associate("127.0.0.1", port, "QRSCP",
                storeInto(received, e -> Status.SUCCESS))) {
            List<DimseResponse> responses = a.get(study("P-1"), STUDY_GET).stream().toList();
            assertEquals(List.of(0xFF00, 0xFF00, 0x0000), responses.stream().map(r -> r.status().code()).toList());
            assertEquals(new SubOperations(2, 1, 0, 0), responses.get(0).subOperations());
            assertEquals(new SubOperations(1, 2, 0, 0), responses.get(1).subOperations());
            assertEquals(new SubOperations(-1, 3, 0, 0), responses.get(2).subOperations());
            assertNull(responses.get(2).dataSet());
        }
        assertEquals(archive.instances, received);
    }

    @Test
    void aStoreHandlerThatLeavesTheCallersThreadInterruptedDoesNotFailTheNextSubOperation(@TempDir Path spool)
            throws Exception {
        // A C-GET's C-STOREs are handled on the thread that reads the responses: the caller's. A
        // status the handler left there (restored after an InterruptedException, as it should be)
        // must not close the next data set's spool file, nor reach the caller's other I/O.
        Map<String, Dataset> instances = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            Dataset ct = StorageServiceTest.ct("1.2.3." + i, 40_000);
            ct.setString("StudyInstanceUID", "1.2.3");
            instances.put("1.2.3." + i, ct);
        }
        int port = start(qrScp(), EventType.EVT_C_GET, (CGetHandler) e -> {
            e.subOperations(instances.size());
            instances.values().forEach(e::store);
            return Status.SUCCESS;
        });
        Map<String, Dataset> received = new ConcurrentHashMap<>();
        try (Association a = getScu().spoolDirectory(spool).spoolStoreDataSets(true).associate("127.0.0.1", port,
                "QRSCP", storeInto(received, e -> {
                    Thread.currentThread().interrupt();
                    return Status.SUCCESS;
                }))) {
            for (int get = 1; get <= 2; get++) { // the second starts with the caller's status set
                DimseResponse last = a.get(study("P-1"), STUDY_GET).finalResponse();
                assertEquals(Status.SUCCESS, last.status(), "get " + get);
                assertEquals(new SubOperations(-1, 3, 0, 0), last.subOperations(), "get " + get);
            }
        } finally {
            Thread.interrupted();
        }
        assertEquals(instances, received);
    }

    @Test
    void aCallerLeftInterruptedByItsStoreHandlerWaitsForTheNextResponseWithoutAborting() throws Exception {
        // The caller takes its time over each response, so the background reader holds the read
        // turn when the caller asks for the next one: the status the first sub-operation's handler
        // left on the caller's thread must not be taken for an interrupt of that wait.
        Archive archive = new Archive(3);
        int port = start(qrScp(), EventType.EVT_C_GET, (CGetHandler) e -> {
            e.subOperations(archive.instances.size());
            for (Dataset d : archive.instances.values()) {
                e.store(d);
                try {
                    Thread.sleep(40);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return Status.SUCCESS;
                }
            }
            return Status.SUCCESS;
        });
        Map<String, Dataset> received = new ConcurrentHashMap<>();
        List<Integer> statuses = new ArrayList<>();
        try (Association a = getScu().associate("127.0.0.1", port, "QRSCP", storeInto(received, e -> {
            Thread.currentThread().interrupt();
            return Status.SUCCESS;
        }))) {
            a.get(study("P-1"), STUDY_GET).stream().forEach(response -> {
                statuses.add(response.status().code());
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(15); // not sleep: the status is set
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            });
            assertTrue(a.isEstablished());
        } finally {
            Thread.interrupted();
        }
        assertEquals(0x0000, statuses.get(statuses.size() - 1), statuses.toString());
        assertEquals(archive.instances, received);
    }

    @Test
    void aFileThatCannotBeReadIsListedByTheUidTheHandlerKnows(@TempDir Path dir) throws Exception {
        Archive archive = new Archive(1);
        Path truncated = java.nio.file.Files.write(dir.resolve("cut.dcm"), new byte[40]);
        int port = start(qrScp(), EventType.EVT_C_GET, (CGetHandler) e -> {
            e.subOperations(2);
            try {
                e.store(truncated, "1.2.3.9");
                fail("a file without a Part 10 header cannot be sent");
            } catch (IOException expected) {
                // counted and listed
            }
            e.store(archive.instances.get("1.2.3.1"));
            return Status.SUCCESS;
        });
        Map<String, Dataset> received = new ConcurrentHashMap<>();
        try (Association a = getScu().associate("127.0.0.1", port, "QRSCP", storeInto(received, e -> Status.SUCCESS))) {
            List<DimseResponse> responses = a.get(study("P-1"), STUDY_GET).stream().toList();
            assertEquals(List.of(0xFF00, 0xB000), responses.stream().map(r -> r.status().code()).toList(),
                    "a Pending after the unreadable file, as after a store");
            assertEquals(new SubOperations(1, 0, 1, 0), responses.get(0).subOperations());
            assertEquals(new SubOperations(-1, 1, 1, 0), responses.get(1).subOperations());
            assertArrayEquals(new String[] {"1.2.3.9"}, responses.get(1).dataSet().getStrings(FAILED_SOP_INSTANCE_UID_LIST));
        }
    }

    @Test
    void getAnswersB000WithTheFailedUidsWhenSomeFailAndA702WhenAllFail() throws Exception {
        int port = start(qrScp(), EventType.EVT_C_GET, (CGetHandler) new Archive(3)::retrieve);
        Map<String, Dataset> received = new ConcurrentHashMap<>();
        try (Association a = getScu().associate("127.0.0.1", port, "QRSCP", storeInto(received,
                e -> e.sopInstanceUid().equals("1.2.3.2") ? new Status(0xA700)
                        : e.sopInstanceUid().equals("1.2.3.3") ? new Status(0xB007) : Status.SUCCESS))) {
            DimseResponse last = a.get(study("P-1"), STUDY_GET).finalResponse();
            assertEquals(0xB000, last.status().code());
            assertEquals(new SubOperations(-1, 1, 1, 1), last.subOperations());
            assertArrayEquals(new String[] {"1.2.3.2"}, last.dataSet().getStrings(FAILED_SOP_INSTANCE_UID_LIST));
        }
        try (Association a = getScu().associate("127.0.0.1", port, "QRSCP",
                storeInto(received, e -> new Status(0xA700)))) {
            DimseResponse last = a.get(study("P-1"), STUDY_GET).finalResponse();
            assertEquals(0xA702, last.status().code());
            assertEquals(new SubOperations(-1, 0, 3, 0), last.subOperations());
            assertArrayEquals(new String[] {"1.2.3.1", "1.2.3.2", "1.2.3.3"},
                    last.dataSet().getStrings(FAILED_SOP_INSTANCE_UID_LIST));
        }
    }

    @Test
    void aFailedUidListLongerThanExplicitVrCarriesIsCutToTheUidsThatFit() throws Exception {
        // 2,000 UIDs of 60 characters: 122,000 bytes, beyond the 65,534 of a UI element in Explicit VR
        String[] uids = new String[2000];
        for (int i = 0; i < uids.length; i++) {
            uids[i] = String.format("1.2.826.0.1.3680043.2.1143.%033d", i);
        }
        int port = start(qrScp(), EventType.EVT_C_GET, (CGetHandler) e -> {
            e.subOperations(uids.length);
            for (String uid : uids) {
                e.failed(uid);
            }
            return Status.SUCCESS;
        });
        try (Association a = getScu().associate("127.0.0.1", port, "QRSCP", storeInto(new ConcurrentHashMap<>(),
                e -> Status.SUCCESS))) {
            DimseResponse last = a.get(study("P-1"), STUDY_GET).finalResponse();
            assertEquals(0xA702, last.status().code());
            assertEquals(new SubOperations(-1, 0, 2000, 0), last.subOperations());
            String[] listed = last.dataSet().getStrings(FAILED_SOP_INSTANCE_UID_LIST);
            assertEquals(1074, listed.length, "(65,534 + 1) / 61 whole UIDs and their separators");
            assertArrayEquals(java.util.Arrays.copyOf(uids, 1074), listed);
        }
    }

    @Test
    void theUidsThatFitAnExplicitVrValueLengthAreCountedWithSeparatorsAndPadding() {
        String[] even = new String[] {"1".repeat(32766), "2".repeat(32767), "3"}; // 32,766 + 1 + 32,767 = 65,534
        String[] odd = new String[] {"1".repeat(32766), "2".repeat(32766), "3"}; // 65,533 padded to 65,534
        String[] over = new String[] {"1".repeat(32767), "2".repeat(32767)}; // 65,535

        assertEquals(2, RetrieveOperation.fittingExplicitLength(even));
        assertEquals(2, RetrieveOperation.fittingExplicitLength(odd));
        assertEquals(1, RetrieveOperation.fittingExplicitLength(over));
        assertEquals(0, RetrieveOperation.fittingExplicitLength(new String[] {"9".repeat(65535)}));
    }

    @Test
    void failedCountsAnInstanceThatCannotBeSentAndListsIt() throws Exception {
        Archive archive = new Archive(3);
        int port = start(qrScp(), EventType.EVT_C_GET, (CGetHandler) e -> {
            e.subOperations(3);
            e.store(archive.instances.get("1.2.3.1"));
            assertEquals(0x0110, e.failed("1.2.3.2").code());
            e.store(archive.instances.get("1.2.3.3"));
            return Status.SUCCESS;
        });
        Map<String, Dataset> received = new ConcurrentHashMap<>();
        try (Association a = getScu().associate("127.0.0.1", port, "QRSCP", storeInto(received, e -> Status.SUCCESS))) {
            List<DimseResponse> responses = a.get(study("P-1"), STUDY_GET).stream().toList();
            assertEquals(List.of(0xFF00, 0xFF00, 0xB000), responses.stream().map(r -> r.status().code()).toList());
            assertEquals(new SubOperations(1, 1, 1, 0), responses.get(1).subOperations(), "a pending after the failure");
            assertEquals(new SubOperations(-1, 2, 1, 0), responses.get(2).subOperations());
            assertArrayEquals(new String[] {"1.2.3.2"}, responses.get(2).dataSet().getStrings(FAILED_SOP_INSTANCE_UID_LIST));
        }
        assertEquals(java.util.Set.of("1.2.3.1", "1.2.3.3"), received.keySet());
    }

    @Test
    void getCountsUnperformedSubOperationsAndHandlerFailures() throws Exception {
        int port = start(qrScp(), EventType.EVT_C_GET, (CGetHandler) e -> {
            e.subOperations(3);
            e.store(new Archive(1).instances.get("1.2.3.1"));
            if (e.identifier().getString("PatientID").equals("THROW")) {
                throw new IOException("disk gone");
            }
            return Status.SUCCESS; // but two announced instances never went out
        });
        try (Association a = getScu().associate("127.0.0.1", port, "QRSCP",
                storeInto(new ConcurrentHashMap<>(), e -> Status.SUCCESS))) {
            DimseResponse last = a.get(study("P-1"), STUDY_GET).finalResponse();
            assertEquals(0xB000, last.status().code());
            assertEquals(new SubOperations(-1, 1, 2, 0), last.subOperations());
            DimseResponse failed = a.get(study("THROW"), STUDY_GET).finalResponse();
            assertEquals(0xC411, failed.status().code());
            assertEquals(new SubOperations(-1, 1, 2, 0), failed.subOperations());
        }
    }

    @Test
    void getWithoutBulkDataLeavesPixelDataOut() throws Exception {
        int port = start(qrScp(), EventType.EVT_C_GET, (CGetHandler) new Archive(1)::retrieve);
        Map<String, Dataset> received = new ConcurrentHashMap<>();
        try (Association a = getScu().associate("127.0.0.1", port, "QRSCP",
                storeInto(received, e -> Status.SUCCESS))) {
            assertEquals(Status.SUCCESS, a.get(study("P-1"), WITHOUT_BULK_GET).finalResponse().status());
        }
        Dataset got = received.get("1.2.3.1");
        assertFalse(got.contains(Tag.PIXEL_DATA));
        assertEquals("Doe^Jane", got.getString("PatientName"));
    }

    @Test
    void getCancelledAnswersCancelWithTheRemainingCount() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        int port = start(qrScp(), EventType.EVT_C_GET, (CGetHandler) e -> {
            Archive archive = new Archive(3);
            e.subOperations(3);
            e.store(archive.instances.get("1.2.3.1"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!e.isCancelled() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(0xFE00, e.store(archive.instances.get("1.2.3.2")).code(), "nothing is sent after a cancel");
            cancelled.countDown();
            return Status.SUCCESS;
        });
        try (Association a = getScu().associate("127.0.0.1", port, "QRSCP",
                storeInto(new ConcurrentHashMap<>(), e -> Status.SUCCESS))) {
            ResponseIterator responses = a.get(study("P-1"), STUDY_GET);
            assertEquals(0xFF00, responses.next().status().code());
            responses.cancel();
            DimseResponse last = responses.next();
            assertEquals(0xFE00, last.status().code());
            assertEquals(new SubOperations(2, 1, 0, 0), last.subOperations());
            String[] failedUids = last.dataSet().getStrings(FAILED_SOP_INSTANCE_UID_LIST);
            assertTrue(failedUids == null || failedUids.length == 0, "no instance failed");
        }
        assertTrue(cancelled.await(5, TimeUnit.SECONDS));
    }
}
