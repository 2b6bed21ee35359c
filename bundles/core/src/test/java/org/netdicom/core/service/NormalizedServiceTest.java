package org.netdicom.core.service;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.core.api.event.EventType.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.NActionEvent;
import org.netdicom.core.api.event.NCreateEvent;
import org.netdicom.core.api.event.NEventReportEvent;
import org.netdicom.core.api.event.NGetEvent;
import org.netdicom.core.api.event.NServiceEvent;
import org.netdicom.core.api.event.NSetEvent;
import org.netdicom.core.api.handler.NActionHandler;
import org.netdicom.core.api.handler.NCreateHandler;
import org.netdicom.core.api.handler.NDeleteHandler;
import org.netdicom.core.api.handler.NEventReportHandler;
import org.netdicom.core.api.handler.NGetHandler;
import org.netdicom.core.api.handler.NResult;
import org.netdicom.core.api.handler.NSetHandler;
import org.netdicom.core.service.SopClassInfo.Operation;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/** DIMSE-N from our requestor to our acceptor over loopback: request -> event -> response, and back. */
@Timeout(30)
class NormalizedServiceTest {

    static final String IMPLICIT = "1.2.840.10008.1.2";
    static final String EXPLICIT = "1.2.840.10008.1.2.1";
    static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    static final String BIG = "1.2.840.10008.1.2.2";
    static final String STORAGE_COMMITMENT = "1.2.840.10008.1.20.1";
    static final String STORAGE_COMMITMENT_INSTANCE = "1.2.840.10008.1.20.1.1";
    static final String MPPS = "1.2.840.10008.3.1.2.3.3";
    static final String PRINTER = "1.2.840.10008.5.1.1.16";
    static final String PRINTER_INSTANCE = "1.2.840.10008.5.1.1.17";
    static final String GRAYSCALE_META = "1.2.840.10008.5.1.1.9";
    static final String FILM_SESSION = "1.2.840.10008.5.1.1.1";
    static final String UPS_PUSH = "1.2.840.10008.5.1.4.34.6.1";
    static final String UPS_PULL = "1.2.840.10008.5.1.4.34.6.3";
    static final String PRIVATE = "1.2.826.0.1.3680043.9.9999.1";
    static final List<String> CLASSES = List.of(STORAGE_COMMITMENT, MPPS, PRINTER, GRAYSCALE_META, UPS_PULL, PRIVATE);

    private AssociationServer server;
    private final List<NServiceEvent> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start(EventBindings bindings, String... transferSyntaxes) throws IOException {
        ApplicationEntity scp = new ApplicationEntity("NSCP");
        for (String sopClass : CLASSES) {
            scp.addSupportedContext(sopClass, transferSyntaxes.length == 0 ? new String[] {EXPLICIT, IMPLICIT}
                    : transferSyntaxes);
        }
        server = scp.startServer(new InetSocketAddress("127.0.0.1", 0), bindings);
        return server.localAddress().getPort();
    }

    private static Association associate(int port, EventBindings bindings, String... transferSyntaxes)
            throws IOException {
        ApplicationEntity scu = new ApplicationEntity("NSCU");
        for (String sopClass : CLASSES) {
            scu.addRequestedContext(sopClass, transferSyntaxes.length == 0 ? new String[] {EXPLICIT}
                    : transferSyntaxes);
        }
        return scu.associate("127.0.0.1", port, "NSCP", bindings);
    }

    private static Association associate(int port) throws IOException {
        return associate(port, EventBindings.none());
    }

    @Test
    void nGetHandsTheAttributeListToTheHandlerAndReturnsItsValues() throws IOException {
        int port = start(EventBindings.of(EVT_N_GET, (NGetHandler) e -> {
            seen.add(e);
            assertArrayEquals(new int[] {0x21100010, 0x21100020}, e.attributeIdentifiers());
            return NResult.success(new Dataset().setString(0x21100010, VR.CS, "NORMAL")
                    .setString(0x21100020, VR.CS, "READY"));
        }));
        try (Association a = associate(port)) {
            DimseResponse response = a.nGet(PRINTER, PRINTER_INSTANCE, 0x21100010, 0x21100020);
            assertEquals(Status.SUCCESS, response.status());
            assertEquals(PRINTER, response.affectedSopClassUid());
            assertEquals(PRINTER_INSTANCE, response.affectedSopInstanceUid());
            assertEquals("NORMAL", response.dataSet().getString(0x21100010));
            assertEquals("READY", response.dataSet().getString(0x21100020));
        }
        NServiceEvent event = seen.get(0);
        assertEquals(EVT_N_GET, event.type());
        assertEquals(PRINTER, event.sopClassUid());
        assertEquals(PRINTER_INSTANCE, event.sopInstanceUid());
        assertEquals(PRINTER, event.context().abstractSyntax());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {IMPLICIT, EXPLICIT, DEFLATED, BIG})
    void nSetCarriesTheModificationListAndTheReplyInTheContextsSyntax(String ts) throws IOException {
        AtomicReference<Dataset> received = new AtomicReference<>();
        int port = start(EventBindings.of(EVT_N_SET, (NSetHandler) e -> {
            received.set(e.modificationList());
            return NResult.success(e.modificationList().copy().setString("PerformedProcedureStepStatus",
                    "COMPLETED"));
        }), ts);
        Dataset modifications = new Dataset().setString("PerformedProcedureStepStatus", "COMPLETED")
                .setString("PerformedProcedureStepEndDate", "20240102").setInt("NumberOfCopies", 3);
        try (Association a = associate(port, EventBindings.none(), ts)) {
            assertEquals(ts, a.acceptedContexts().get(0).transferSyntax());
            DimseResponse response = a.nSet(MPPS, "1.2.3.4", modifications);
            assertEquals(Status.SUCCESS, response.status());
            assertEquals("1.2.3.4", response.affectedSopInstanceUid());
            assertEquals("COMPLETED", response.dataSet().getString("PerformedProcedureStepStatus"));
        }
        assertEquals("20240102", received.get().getString("PerformedProcedureStepEndDate"));
        assertEquals(3, received.get().getInt("NumberOfCopies", -1));
    }

    @Test
    void nActionGivesTypeAndInformationAndReturnsTheReply() throws IOException {
        AtomicReference<NActionEvent> event = new AtomicReference<>();
        AtomicReference<String> transaction = new AtomicReference<>();
        int port = start(EventBindings.of(EVT_N_ACTION, (NActionHandler) e -> {
            event.set(e);
            transaction.set(e.actionInformation().getString("TransactionUID"));
            return NResult.success(new Dataset().setString("TransactionUID", "9.8.7"));
        }));
        try (Association a = associate(port)) {
            DimseResponse response = a.nAction(STORAGE_COMMITMENT, STORAGE_COMMITMENT_INSTANCE, 1,
                    new Dataset().setString("TransactionUID", "1.2.3.99"));
            assertEquals(Status.SUCCESS, response.status());
            assertEquals(1, response.command().getInt(0x00001008, -1), "Action Type ID echoed with a reply");
            assertEquals("9.8.7", response.dataSet().getString("TransactionUID"));
        }
        assertEquals(1, event.get().actionTypeId());
        assertEquals("1.2.3.99", transaction.get());
    }

    @Test
    void nCreateWithoutInstanceReturnsTheUidTheHandlerAssigned() throws IOException {
        int port = start(EventBindings.of(EVT_N_CREATE, (NCreateHandler) e -> {
            assertNull(e.sopInstanceUid());
            assertEquals("IN PROGRESS", e.attributeList().getString("PerformedProcedureStepStatus"));
            return NResult.success().withAffectedSopInstanceUid("1.2.3.777");
        }));
        try (Association a = associate(port)) {
            DimseResponse response = a.nCreate(MPPS, null,
                    new Dataset().setString("PerformedProcedureStepStatus", "IN PROGRESS"));
            assertEquals(Status.SUCCESS, response.status());
            assertEquals("1.2.3.777", response.affectedSopInstanceUid());
            assertNull(response.dataSet());
        }
    }

    @Test
    void nCreateTakesTheAssignedUidFromTheReturnedAttributesOrFailsWithoutOne() throws IOException {
        int port = start(EventBindings.of(EVT_N_CREATE, (NCreateHandler) e -> {
            Dataset created = e.attributeList().copy();
            if ("name it".equals(created.getString("PerformedProcedureStepID"))) {
                created.setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.3.778");
            }
            return NResult.success(created);
        }));
        try (Association a = associate(port)) {
            DimseResponse named = a.nCreate(MPPS, null, new Dataset().setString("PerformedProcedureStepID", "name it"));
            assertEquals(Status.SUCCESS, named.status());
            assertEquals("1.2.3.778", named.affectedSopInstanceUid());
            DimseResponse unnamed = a.nCreate(MPPS, null, new Dataset().setString("PerformedProcedureStepID", "no"));
            assertEquals(Status.PROCESSING_FAILURE, unnamed.status());
            assertNull(unnamed.affectedSopInstanceUid());
            assertNull(unnamed.dataSet());
            // the request's own UID needs nothing from the handler
            assertEquals("1.2.3.5", a.nCreate(MPPS, "1.2.3.5", new Dataset()).affectedSopInstanceUid());
        }
    }

    @Test
    void nDeleteAndNEventReportReachTheirHandlers() throws IOException {
        ApplicationEntity scu = new ApplicationEntity("NSCU").addRequestedContext(FILM_SESSION, EXPLICIT)
                .addRequestedContext(PRINTER, EXPLICIT).requestRole(PRINTER, true, true);
        ApplicationEntity scp = new ApplicationEntity("NSCP").addSupportedContext(FILM_SESSION, EXPLICIT)
                .addSupportedContext(PRINTER, EXPLICIT).acceptRoles(PRINTER, true, true);
        server = scp.startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EVT_N_DELETE,
                (NDeleteHandler) e -> {
                    seen.add(e);
                    return NResult.success(new Dataset().setString("PatientID", "never sent"));
                }).and(EVT_N_EVENT_REPORT, (NEventReportHandler) e -> {
                    seen.add(e);
                    assertEquals(2, e.eventTypeId());
                    assertEquals("x", e.eventInformation().getString("PatientID"));
                    return NResult.success(new Dataset().setString("PatientID", "reply"));
                }));
        int port = server.localAddress().getPort();
        try (Association a = scu.associate("127.0.0.1", port, "NSCP")) {
            DimseResponse deleted = a.nDelete(FILM_SESSION, "1.2.3.4");
            assertEquals(Status.SUCCESS, deleted.status());
            assertNull(deleted.dataSet(), "N-DELETE-RSP has no data set");
            // with both roles, the requestor may report printer events too
            DimseResponse reported = a.nEventReport(PRINTER, PRINTER_INSTANCE, 2,
                    new Dataset().setString("PatientID", "x"));
            assertEquals(Status.SUCCESS, reported.status());
            assertEquals("reply", reported.dataSet().getString("PatientID"));
            assertEquals(2, reported.command().getInt(0x00001002, -1), "Event Type ID echoed");
        }
        assertEquals(List.of(EVT_N_DELETE, EVT_N_EVENT_REPORT), seen.stream().map(NServiceEvent::type).toList());
    }

    @Test
    void handlersBoundWithArgumentsSeeTheirArgumentsOnEachEventType() throws IOException {
        ApplicationEntity scu = new ApplicationEntity("NSCU").addRequestedContext(PRIVATE, EXPLICIT)
                .requestRole(PRIVATE, true, true);
        ApplicationEntity scp = new ApplicationEntity("NSCP").addSupportedContext(PRIVATE, EXPLICIT)
                .acceptRoles(PRIVATE, true, true);
        server = scp.startServer(new InetSocketAddress("127.0.0.1", 0),
                EventBindings.of(EVT_N_EVENT_REPORT, (NEventReportHandler) e -> answer(e), "bound", 1)
                        .and(EVT_N_GET, (NGetHandler) e -> answer(e), "bound", 2)
                        .and(EVT_N_SET, (NSetHandler) e -> answer(e), "bound", 3)
                        .and(EVT_N_ACTION, (NActionHandler) e -> answer(e), "bound", 4)
                        .and(EVT_N_CREATE, (NCreateHandler) e -> answer(e), "bound", 5)
                        .and(EVT_N_DELETE, (NDeleteHandler) e -> answer(e), "bound", 6));
        try (Association a = scu.associate("127.0.0.1", server.localAddress().getPort(), "NSCP")) {
            a.nEventReport(PRIVATE, "1.2.3.4", 1, new Dataset());
            a.nGet(PRIVATE, "1.2.3.4", 0x21100010);
            a.nSet(PRIVATE, "1.2.3.4", new Dataset().setString(0x21100010, VR.CS, "NORMAL"));
            a.nAction(PRIVATE, "1.2.3.4", 1, new Dataset());
            a.nCreate(PRIVATE, "1.2.3.4", new Dataset());
            a.nDelete(PRIVATE, "1.2.3.4");
        }
        assertEquals(List.of(EVT_N_EVENT_REPORT, EVT_N_GET, EVT_N_SET, EVT_N_ACTION, EVT_N_CREATE, EVT_N_DELETE),
                seen.stream().map(NServiceEvent::type).toList());
        for (int i = 0; i < seen.size(); i++) {
            NServiceEvent event = seen.get(i);
            assertEquals(List.of("bound", i + 1), event.arguments(), event.type() + ": the binding's arguments");
            assertEquals("1.2.3.4", event.sopInstanceUid(), event.type() + ": the same request");
        }
        assertInstanceOf(NEventReportEvent.class, seen.get(0));
        assertInstanceOf(NGetEvent.class, seen.get(1));
        assertInstanceOf(NSetEvent.class, seen.get(2));
        assertInstanceOf(NActionEvent.class, seen.get(3));
        assertInstanceOf(NCreateEvent.class, seen.get(4));
    }

    private NResult answer(NServiceEvent event) {
        seen.add(event);
        return NResult.success(new Dataset());
    }

    @Test
    void aThrowingHandlerAnswersProcessingFailureAndTheAssociationGoesOn() throws IOException {
        int port = start(EventBindings.of(EVT_N_GET, (NGetHandler) e -> {
            if (e.attributeIdentifiers().length == 0) {
                throw new IllegalStateException("boom");
            }
            return e.attributeIdentifiers()[0] == 1 ? null : NResult.of(Status.PENDING);
        }));
        try (Association a = associate(port)) {
            assertEquals(Status.PROCESSING_FAILURE, a.nGet(PRINTER, PRINTER_INSTANCE).status());
            assertEquals(Status.PROCESSING_FAILURE, a.nGet(PRINTER, PRINTER_INSTANCE, 1).status(), "null result");
            assertEquals(Status.PROCESSING_FAILURE, a.nGet(PRINTER, PRINTER_INSTANCE, 2).status(), "pending");
            assertTrue(a.isEstablished());
        }
    }

    @Test
    void failuresCarryTheirStatusElementsButNoDataSet() throws IOException {
        int port = start(EventBindings.of(EVT_N_SET, (NSetHandler) e -> NResult.of(Status.INVALID_ATTRIBUTE_VALUE,
                e.modificationList()).withOffendingElements(0x20000010).withErrorComment("copies").withErrorId(7)));
        try (Association a = associate(port)) {
            DimseResponse response = a.nSet(MPPS, "1.2.3", new Dataset().setInt("NumberOfCopies", 0));
            assertEquals(Status.INVALID_ATTRIBUTE_VALUE, response.status());
            assertArrayEquals(new int[] {0x20000010}, response.offendingElements());
            assertEquals("copies", response.errorComment());
            assertEquals(7, response.errorId());
            assertNull(response.dataSet());
        }
    }

    @Test
    void withoutAHandlerTheOperationIsUnrecognized() throws IOException {
        int port = start(EventBindings.none());
        try (Association a = associate(port)) {
            DimseResponse response = a.nAction(STORAGE_COMMITMENT, STORAGE_COMMITMENT_INSTANCE, 1, new Dataset());
            assertEquals(Status.UNRECOGNIZED_OPERATION, response.status());
            assertTrue(response.errorComment().contains("EVT_N_ACTION"), response.errorComment());
        }
    }

    @Test
    void anOperationTheSopClassDoesNotDefineIsRefusedBeforeTheHandler() throws IOException {
        int port = start(EventBindings.of(EVT_N_DELETE, (NDeleteHandler) e -> {
            seen.add(e);
            return NResult.success();
        }).and(EVT_N_GET, (NGetHandler) e -> {
            seen.add(e);
            return NResult.success();
        }));
        try (Association a = associate(port)) {
            assertEquals(Status.UNRECOGNIZED_OPERATION, a.nDelete(PRINTER, PRINTER_INSTANCE).status(),
                    "PS3.4 H: a Printer is never deleted");
            assertEquals(Status.UNRECOGNIZED_OPERATION, a.nGet(STORAGE_COMMITMENT, STORAGE_COMMITMENT_INSTANCE)
                    .status(), "Storage Commitment has N-ACTION and N-EVENT-REPORT only");
            // a private SOP class accepted on its own context may use any operation
            assertEquals(Status.SUCCESS, a.nDelete(PRIVATE, "1.2.3").status());
        }
        assertEquals(1, seen.size());
        assertEquals(PRIVATE, seen.get(0).sopClassUid());
    }

    @Test
    void printClassesTravelOnTheMetaContextAndUpsPushOnAPullContext() throws IOException {
        int port = start(EventBindings.of(EVT_N_CREATE, (NCreateHandler) e -> {
            seen.add(e);
            return NResult.success().withAffectedSopInstanceUid("1.2.3.42");
        }).and(EVT_N_GET, (NGetHandler) e -> {
            seen.add(e);
            return NResult.success();
        }));
        try (Association a = associate(port)) {
            DimseResponse session = a.nCreate(FILM_SESSION, null, new Dataset().setString("NumberOfCopies", "1"));
            assertEquals(Status.SUCCESS, session.status());
            assertEquals(FILM_SESSION, session.affectedSopClassUid());
            assertEquals(Status.SUCCESS, a.nGet(UPS_PUSH, "1.2.3.43").status());
            // the meta class does not make a film session gettable (PS3.4 H.4.1: no N-GET)
            assertEquals(Status.UNRECOGNIZED_OPERATION, a.nGet(FILM_SESSION, "1.2.3.42").status());
        }
        assertEquals(FILM_SESSION, seen.get(0).sopClassUid());
        assertEquals(GRAYSCALE_META, seen.get(0).context().abstractSyntax());
        assertEquals(UPS_PUSH, seen.get(1).sopClassUid());
        assertEquals(UPS_PULL, seen.get(1).context().abstractSyntax());
        assertEquals(2, seen.size());
    }

    @Test
    void storageCommitmentResultComesBackOnTheSameAssociation() throws Exception {
        BlockingQueue<DimseResponse> reportResponses = new ArrayBlockingQueue<>(1);
        int port = start(EventBindings.of(EVT_N_ACTION, (NActionHandler) e -> {
            Dataset request = e.actionInformation();
            Dataset result = new Dataset().setString("TransactionUID", request.getString("TransactionUID"));
            result.newSequence("ReferencedSOPSequence").addNew()
                    .setString("ReferencedSOPClassUID", "1.2.840.10008.5.1.4.1.1.2")
                    .setString("ReferencedSOPInstanceUID", "1.2.3.4.5.6");
            Association association = e.association();
            return NResult.success().thenRun(() -> reportResponses.add(association.nEventReport(
                    STORAGE_COMMITMENT, STORAGE_COMMITMENT_INSTANCE, 1, result)));
        }));
        BlockingQueue<NEventReportEvent> reports = new ArrayBlockingQueue<>(1);
        BlockingQueue<String> transactions = new ArrayBlockingQueue<>(1);
        EventBindings scuHandlers = EventBindings.of(EVT_N_EVENT_REPORT, (NEventReportHandler) e -> {
            reports.add(e);
            transactions.add(e.eventInformation().getString("TransactionUID"));
            return NResult.success();
        });
        try (Association a = associate(port, scuHandlers)) {
            Dataset commit = new Dataset().setString("TransactionUID", "1.2.3.1000");
            commit.newSequence("ReferencedSOPSequence").addNew()
                    .setString("ReferencedSOPClassUID", "1.2.840.10008.5.1.4.1.1.2")
                    .setString("ReferencedSOPInstanceUID", "1.2.3.4.5.6");
            assertEquals(Status.SUCCESS, a.nAction(STORAGE_COMMITMENT, STORAGE_COMMITMENT_INSTANCE, 1, commit)
                    .status());
            NEventReportEvent report = reports.poll(10, TimeUnit.SECONDS);
            assertNotNull(report, "the N-EVENT-REPORT reached the SCU's handler");
            assertEquals(1, report.eventTypeId());
            assertEquals(STORAGE_COMMITMENT_INSTANCE, report.sopInstanceUid());
            assertEquals("1.2.3.1000", transactions.poll(1, TimeUnit.SECONDS));
            DimseResponse answered = reportResponses.poll(10, TimeUnit.SECONDS);
            assertNotNull(answered);
            assertEquals(Status.SUCCESS, answered.status(), "the SCP got the SCU's N-EVENT-REPORT-RSP");
        }
    }

    @Test
    void storageCommitmentResultOnANewAssociationNeedsTheScpRole() throws Exception {
        // The SCU of Storage Commitment listens for the result; the SCP requests an association with
        // the SCP role for itself (PS3.4 J.3.3) and reports.
        BlockingQueue<NEventReportEvent> reports = new ArrayBlockingQueue<>(1);
        server = new ApplicationEntity("SCU_LISTENS").addSupportedContext(STORAGE_COMMITMENT, EXPLICIT)
                .acceptRoles(STORAGE_COMMITMENT, false, true)
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EVT_N_EVENT_REPORT,
                        (NEventReportHandler) e -> {
                            reports.add(e);
                            return NResult.success();
                        }));
        ApplicationEntity reporter = new ApplicationEntity("COMMIT_SCP")
                .addRequestedContext(STORAGE_COMMITMENT, EXPLICIT).requestRole(STORAGE_COMMITMENT, false, true);
        try (Association a = reporter.associate("127.0.0.1", server.localAddress().getPort(), "SCU_LISTENS")) {
            assertTrue(a.acceptedContexts().get(0).requestorIsScp());
            DimseResponse response = a.nEventReport(STORAGE_COMMITMENT, STORAGE_COMMITMENT_INSTANCE, 2,
                    new Dataset().setString("TransactionUID", "1.2.3.1001"));
            assertEquals(Status.SUCCESS, response.status());
        }
        NEventReportEvent report = reports.poll(10, TimeUnit.SECONDS);
        assertNotNull(report);
        assertEquals(2, report.eventTypeId());
        assertTrue(report.association().isAcceptor());
    }

    @Test
    void permittedOperationsFollowTheNegotiatedClassAndTheMetaMember() {
        assertTrue(NormalizedService.permits(GRAYSCALE_META, FILM_SESSION, Operation.N_CREATE));
        assertFalse(NormalizedService.permits(GRAYSCALE_META, FILM_SESSION, Operation.N_GET));
        assertTrue(NormalizedService.permits(GRAYSCALE_META, PRINTER, Operation.N_EVENT_REPORT));
        assertTrue(NormalizedService.permits(UPS_PULL, UPS_PUSH, Operation.N_SET), "Pull defines N-SET");
        assertFalse(NormalizedService.permits(UPS_PUSH, UPS_PUSH, Operation.N_SET), "Push does not");
        assertTrue(NormalizedService.permits(PRIVATE, PRIVATE, Operation.N_DELETE));
        assertTrue(SharedContexts.carries(UPS_PULL, UPS_PUSH));
        assertFalse(SharedContexts.carries(UPS_PUSH, UPS_PULL));
        assertFalse(SharedContexts.carries(GRAYSCALE_META, "1.2.840.10008.5.1.1.4.1"), "color image box");
    }
}
