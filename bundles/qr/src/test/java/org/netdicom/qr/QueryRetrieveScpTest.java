package org.netdicom.qr;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.qr.TestArchive.CT;
import static org.netdicom.qr.TestArchive.EXPLICIT;
import static org.netdicom.qr.TestArchive.IMPLICIT;
import static org.netdicom.qr.TestArchive.MR;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.data.Dataset;
import org.netdicom.index.MatchOptions;

/** The Query/Retrieve SCP over a real index and real files, driven by our own SCU. */
class QueryRetrieveScpTest {

    private static final String[] MODELS = {InformationModels.PATIENT_ROOT_FIND, InformationModels.STUDY_ROOT_FIND,
            InformationModels.PATIENT_STUDY_ONLY_FIND, InformationModels.PATIENT_ROOT_GET, InformationModels.STUDY_ROOT_GET,
            InformationModels.PATIENT_ROOT_MOVE, InformationModels.STUDY_ROOT_MOVE, InformationModels.PATIENT_STUDY_ONLY_GET,
            InformationModels.PATIENT_STUDY_ONLY_MOVE};

    @TempDir
    Path dir;
    private TestArchive archive;
    private final List<AssociationServer> servers = new ArrayList<>();
    private final List<Association> associations = new ArrayList<>();
    private final Set<String> received = new ConcurrentSkipListSet<>();
    private int destinationPort;

    @BeforeEach
    void start() throws Exception {
        archive = new TestArchive(dir.resolve("storage")).standard();
        CStoreHandler collect = e -> {
            received.add(e.sopInstanceUid());
            return Status.SUCCESS;
        };
        AssociationServer destination = new ApplicationEntity("DEST").addSupportedContext(CT, EXPLICIT, IMPLICIT)
                .addSupportedContext(MR, EXPLICIT, IMPLICIT)
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EventType.EVT_C_STORE, collect));
        servers.add(destination);
        destinationPort = destination.localAddress().getPort();
    }

    @AfterEach
    void stop() {
        associations.forEach(Association::abort);
        servers.forEach(AssociationServer::close);
        archive.index.close();
    }

    private Association connect(MatchOptions options) throws Exception {
        QueryRetrieveScp scp = new QueryRetrieveScp(archive.index, archive.root, options,
                MoveDestinations.parse(List.of("DEST@127.0.0.1:" + destinationPort), null), null);
        ApplicationEntity scpAe = new ApplicationEntity("QRSCP");
        for (String model : MODELS) {
            scpAe.addSupportedContext(model, EXPLICIT, IMPLICIT);
        }
        scpAe.addSupportedContext(CT, EXPLICIT, IMPLICIT).addSupportedContext(MR, EXPLICIT, IMPLICIT)
                .acceptRoles(CT, true, true).acceptRoles(MR, true, true);
        AssociationServer server = scpAe.startServer(new InetSocketAddress("127.0.0.1", 0), scp.bindings());
        servers.add(server);
        ApplicationEntity scu = new ApplicationEntity("SCU");
        for (String model : MODELS) {
            scu.addRequestedContext(model, EXPLICIT);
        }
        scu.addRequestedContext(CT, EXPLICIT).addRequestedContext(MR, EXPLICIT)
                .requestRole(CT, false, true).requestRole(MR, false, true);
        CStoreHandler collect = e -> {
            received.add(e.sopInstanceUid());
            return Status.SUCCESS;
        };
        Association a = scu.associate("127.0.0.1", server.localAddress().getPort(), "QRSCP",
                EventBindings.of(EventType.EVT_C_STORE, collect));
        associations.add(a);
        return a;
    }

    private static Dataset keys(String level, String... keywordsAndValues) {
        Dataset d = new Dataset();
        d.setString("QueryRetrieveLevel", level);
        for (int i = 0; i < keywordsAndValues.length; i += 2) {
            d.setString(keywordsAndValues[i], keywordsAndValues[i + 1]);
        }
        return d;
    }

    /** The pending identifiers, then the final response last. */
    private static List<DimseResponse> all(ResponseIterator responses) {
        List<DimseResponse> list = new ArrayList<>();
        responses.forEachRemaining(list::add);
        return list;
    }

    private static Set<String> values(List<DimseResponse> responses, String keyword) {
        Set<String> values = new TreeSet<>();
        for (DimseResponse r : responses) {
            if (r.dataSet() != null && r.status().code() >= 0xFF00) {
                values.add(r.dataSet().getString(keyword));
            }
        }
        return values;
    }

    private static DimseResponse last(List<DimseResponse> responses) {
        return responses.get(responses.size() - 1);
    }

    @Test
    void findAnswersEveryLevelOfPatientRoot() throws Exception {
        Association a = connect(MatchOptions.DEFAULT);
        String model = InformationModels.PATIENT_ROOT_FIND;
        List<DimseResponse> patients = all(a.find(keys("PATIENT", "PatientID", "", "PatientName", "DOE*",
                "NumberOfPatientRelatedStudies", ""), model));
        assertEquals(Set.of("P1"), values(patients, "PatientID"));
        assertEquals("2", patients.get(0).dataSet().getString("NumberOfPatientRelatedStudies"));
        assertEquals(Status.SUCCESS, last(patients).status());

        List<DimseResponse> studies = all(a.find(keys("STUDY", "PatientID", "P1", "StudyInstanceUID", "",
                "StudyDate", "20240101-20240201", "ModalitiesInStudy", ""), model));
        assertEquals(Set.of("1.2.826.0.1.1"), values(studies, "StudyInstanceUID"));
        assertArrayEquals(new String[] {"CT", "MR"}, studies.get(0).dataSet().getStrings("ModalitiesInStudy"));

        List<DimseResponse> series = all(a.find(keys("SERIES", "PatientID", "P1", "StudyInstanceUID", "1.2.826.0.1.1",
                "SeriesInstanceUID", "", "Modality", "MR"), model));
        assertEquals(Set.of("1.2.826.0.1.1.2"), values(series, "SeriesInstanceUID"));

        Dataset images = keys("IMAGE", "PatientID", "P1", "StudyInstanceUID", "1.2.826.0.1.1",
                "SeriesInstanceUID", "1.2.826.0.1.1.1", "InstanceNumber", "");
        images.setString("SOPInstanceUID", "1.2.826.0.1.1.1.1", "1.2.826.0.1.1.1.3");
        assertEquals(Set.of("1.2.826.0.1.1.1.1", "1.2.826.0.1.1.1.3"), values(all(a.find(images, model)),
                "SOPInstanceUID"));
    }

    @Test
    void studyRootStudiesCarryPatientAttributesAndOurRetrieveAeTitle() throws Exception {
        Association a = connect(MatchOptions.DEFAULT);
        List<DimseResponse> studies = all(a.find(keys("STUDY", "PatientName", "roe^jane", "PatientID", "",
                "StudyInstanceUID", "", "RetrieveAETitle", "", "InstanceAvailability", "",
                "NumberOfStudyRelatedInstances", ""), InformationModels.STUDY_ROOT_FIND));
        assertEquals(2, studies.size());
        Dataset match = studies.get(0).dataSet();
        assertEquals("P2", match.getString("PatientID"));
        assertEquals("QRSCP", match.getString("RetrieveAETitle"));
        assertEquals("ONLINE", match.getString("InstanceAvailability"));
        assertEquals("2", match.getString("NumberOfStudyRelatedInstances"));
        assertEquals("STUDY", match.getString("QueryRetrieveLevel"));
        assertEquals("ISO_IR 100", match.getString("SpecificCharacterSet"));
    }

    @Test
    void patientStudyOnlyAnswersStudiesAndRefusesSeries() throws Exception {
        Association a = connect(MatchOptions.DEFAULT);
        List<DimseResponse> studies = all(a.find(keys("STUDY", "PatientID", "P1", "StudyInstanceUID", ""),
                InformationModels.PATIENT_STUDY_ONLY_FIND));
        assertEquals(Set.of("1.2.826.0.1.1", "1.2.826.0.1.2"), values(studies, "StudyInstanceUID"));
        List<DimseResponse> series = all(a.find(keys("SERIES", "StudyInstanceUID", "1.2.826.0.1.1"),
                InformationModels.PATIENT_STUDY_ONLY_FIND));
        assertEquals(1, series.size());
        assertEquals(0xA900, last(series).status().code());
    }

    @Test
    void aKeyBelowTheLevelGivesPendingWarning() throws Exception {
        Association a = connect(MatchOptions.DEFAULT);
        List<DimseResponse> studies = all(a.find(keys("STUDY", "StudyInstanceUID", "", "SOPInstanceUID", "1.2.3"),
                InformationModels.STUDY_ROOT_FIND));
        assertEquals(4, studies.size());
        assertEquals(0xFF01, studies.get(0).status().code());
    }

    @Test
    void badIdentifiersAreRefused() throws Exception {
        Association a = connect(MatchOptions.DEFAULT.withRelational(false));
        assertEquals(0xA900, a.find(keys("PATIENTS"), InformationModels.STUDY_ROOT_FIND).finalResponse().status().code());
        assertEquals(0xA900, a.find(keys("STUDY", "StudyDate", "yesterday"), InformationModels.STUDY_ROOT_FIND)
                .finalResponse().status().code());
        assertEquals(0xA900, a.find(keys("SERIES", "SeriesInstanceUID", ""), InformationModels.STUDY_ROOT_FIND)
                .finalResponse().status().code(), "hierarchical: the StudyInstanceUID is missing");
        assertEquals(0xA900, a.get(keys("STUDY", "StudyInstanceUID", ""), InformationModels.STUDY_ROOT_GET)
                .finalResponse().status().code(), "a retrieve of everything");
    }

    @Test
    void cancelStopsAFindPromptly() throws Exception {
        // Enough matches that a cancel honoured late still shows: the C-CANCEL travels to a reading
        // thread that on a loaded 2-core machine may wait a scheduler slice for a core, while the
        // worker sends on (up to 114 of 158 responses once in CI with 30 images a series).
        int series = 5;
        int images = 120;
        for (int s = 0; s < series; s++) {
            archive.add("P9", "Many^Images", "1.2.826.0.9." + s, 1, "CT", images, "20240101", "120000");
        }
        int matches = series * images + 8; // and the 8 instances every test has
        Association a = connect(MatchOptions.DEFAULT);
        int pending = 0;
        DimseResponse last = null;
        try (ResponseIterator responses = a.find(keys("IMAGE", "SOPInstanceUID", ""), InformationModels.STUDY_ROOT_FIND)) {
            while (responses.hasNext()) {
                last = responses.next();
                if (last.status().code() >= 0xFF00 && ++pending == 5) {
                    responses.cancel();
                }
            }
        }
        assertEquals(Status.CANCEL, last.status());
        assertTrue(pending < matches / 2, "stopped after " + pending + " of " + matches + " matches");
    }

    @Test
    void getSendsTheStudyOverTheSameAssociation() throws Exception {
        Association a = connect(MatchOptions.DEFAULT);
        List<DimseResponse> responses = all(a.get(keys("STUDY", "StudyInstanceUID", "1.2.826.0.1.1"),
                InformationModels.STUDY_ROOT_GET));
        DimseResponse done = last(responses);
        assertEquals(Status.SUCCESS, done.status());
        assertEquals(5, done.subOperations().completed());
        assertEquals(Set.of("1.2.826.0.1.1.1.1", "1.2.826.0.1.1.1.2", "1.2.826.0.1.1.1.3", "1.2.826.0.1.1.2.1",
                "1.2.826.0.1.1.2.2"), received);
        assertEquals(4, responses.stream().filter(r -> r.status().code() == 0xFF00).count(), "a pending after each but the last");
    }

    @Test
    void aMissingFileFailsItsSubOperationAndIsListed() throws Exception {
        Files.delete(archive.fileOf("1.2.826.0.1.3.1.2"));
        Association a = connect(MatchOptions.DEFAULT);
        DimseResponse done = a.get(keys("PATIENT", "PatientID", "P2"), InformationModels.PATIENT_ROOT_GET)
                .finalResponse();
        assertEquals(0xB000, done.status().code());
        assertEquals(1, done.subOperations().completed());
        assertEquals(1, done.subOperations().failed());
        assertArrayEquals(new String[] {"1.2.826.0.1.3.1.2"}, done.dataSet().getStrings("FailedSOPInstanceUIDList"));
        assertEquals(Set.of("1.2.826.0.1.3.1.1"), received);
    }

    @Test
    void moveSendsTheSeriesToTheConfiguredDestination() throws Exception {
        Association a = connect(MatchOptions.DEFAULT);
        DimseResponse done = a.move("DEST", keys("SERIES", "PatientID", "P1", "StudyInstanceUID", "1.2.826.0.1.1",
                "SeriesInstanceUID", "1.2.826.0.1.1.1"), InformationModels.PATIENT_ROOT_MOVE).finalResponse();
        assertEquals(Status.SUCCESS, done.status(), done.toString());
        assertEquals(3, done.subOperations().completed());
        assertEquals(Set.of("1.2.826.0.1.1.1.1", "1.2.826.0.1.1.1.2", "1.2.826.0.1.1.1.3"), received);
    }

    @Test
    void theMoveAssociationHasTheServersAeTitleAndSettings() throws Exception {
        // the sub-association is the node's: the AE title it was called by, its maximum PDU length (and timeouts)
        Map<String, String> seen = new ConcurrentHashMap<>();
        AssociationServer destination = new ApplicationEntity("DEST2").addSupportedContext(CT, EXPLICIT, IMPLICIT)
                .addSupportedContext(MR, EXPLICIT, IMPLICIT)
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EventType.EVT_C_STORE,
                        (CStoreHandler) e -> {
                            seen.put(e.sopInstanceUid(), e.association().callingAeTitle() + " "
                                    + e.association().peerMaxPduLength());
                            return Status.SUCCESS;
                        }));
        servers.add(destination);
        QueryRetrieveScp scp = new QueryRetrieveScp(archive.index, archive.root, MatchOptions.DEFAULT,
                MoveDestinations.parse(List.of("DEST2@127.0.0.1:" + destination.localAddress().getPort()), null), null);
        AssociationServer server = new ApplicationEntity("NODE").maximumPduLength(32768)
                .addSupportedContext(InformationModels.STUDY_ROOT_MOVE, EXPLICIT)
                .startServer(new InetSocketAddress("127.0.0.1", 0), scp.bindings());
        servers.add(server);
        try (Association a = new ApplicationEntity("SCU").addRequestedContext(InformationModels.STUDY_ROOT_MOVE, EXPLICIT)
                .associate("127.0.0.1", server.localAddress().getPort(), "ALIAS")) { // any called AE title goes
            DimseResponse done = a.move("DEST2", keys("SERIES", "StudyInstanceUID", "1.2.826.0.1.1",
                    "SeriesInstanceUID", "1.2.826.0.1.1.1"), InformationModels.STUDY_ROOT_MOVE).finalResponse();
            assertEquals(Status.SUCCESS, done.status(), done.toString());
        }
        assertEquals(Map.of("1.2.826.0.1.1.1.1", "ALIAS 32768", "1.2.826.0.1.1.1.2", "ALIAS 32768",
                "1.2.826.0.1.1.1.3", "ALIAS 32768"), seen, "the title the mover was called by, as before");
    }

    @Test
    void moveToAnUnknownDestinationIsRefused() throws Exception {
        Association a = connect(MatchOptions.DEFAULT);
        DimseResponse done = a.move("NOWHERE", keys("STUDY", "StudyInstanceUID", "1.2.826.0.1.1"),
                InformationModels.STUDY_ROOT_MOVE).finalResponse();
        assertEquals(0xA801, done.status().code());
        assertEquals(Set.of(), received);
    }

    @Test
    void cancelStopsAGetBetweenInstances() throws Exception {
        archive.add("P9", "Many^Images", "1.2.826.0.9.1", 1, "CT", 100, "20240101", "120000");
        Association a = connect(MatchOptions.DEFAULT);
        DimseResponse last = null;
        try (ResponseIterator responses = a.get(keys("STUDY", "StudyInstanceUID", "1.2.826.0.9.1"),
                InformationModels.STUDY_ROOT_GET)) {
            int pending = 0;
            while (responses.hasNext()) {
                last = responses.next();
                if (last.status().code() == 0xFF00 && ++pending == 3) {
                    responses.cancel();
                }
            }
        }
        assertEquals(Status.CANCEL, last.status());
        assertTrue(last.subOperations().remaining() > 0, last.toString());
        assertTrue(received.size() < 100, received.size() + " sent");
    }
}
