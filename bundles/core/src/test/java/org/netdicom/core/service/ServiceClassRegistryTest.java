package org.netdicom.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.service.SopClassInfo.Operation;

class ServiceClassRegistryTest {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    private static final String STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    private static final String STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";

    @Test
    void routesStorageSopClassesIncludingRetiredAndNewOnes() {
        assertEquals(ServiceClass.STORAGE, ServiceClassRegistry.of(CT));
        assertEquals(ServiceClass.STORAGE, ServiceClassRegistry.of("1.2.840.10008.5.1.4.1.1.88.59")); // KOS
        assertEquals(ServiceClass.STORAGE, ServiceClassRegistry.of("1.2.840.10008.5.1.4.1.1.481.5")); // RT Plan
        assertEquals(ServiceClass.STORAGE, ServiceClassRegistry.of("1.2.840.10008.5.1.4.34.7")); // RT Beams DI
        assertEquals(ServiceClass.STORAGE, ServiceClassRegistry.of("1.2.840.10008.5.1.4.1.1.601.4")); // DICONDE
        SopClassInfo usRetired = ServiceClassRegistry.info("1.2.840.10008.5.1.4.1.1.6");
        assertEquals(ServiceClass.STORAGE, usRetired.service());
        assertTrue(usRetired.retired());
        assertEquals("UltrasoundImageStorageRetired", usRetired.keyword());
        assertTrue(ServiceClassRegistry.info("1.2.840.10008.5.1.4.1.1.88.1").retired()); // Text SR - Trial
        assertTrue(ServiceClassRegistry.isStorage("1.2.840.10008.5.1.4.1.1.9.1")); // Waveform - Trial
    }

    @Test
    void routesTheNineNonPatientObjectsToTheirOwnServiceClass() {
        List<String> npos = ServiceClassRegistry.sopClasses(ServiceClass.NON_PATIENT_OBJECT_STORAGE);
        assertEquals(9, npos.size());
        assertTrue(npos.contains("1.2.840.10008.5.1.4.38.1")); // Hanging Protocol Storage
        assertTrue(npos.contains("1.2.840.10008.5.1.4.1.1.201.1")); // Inventory Storage
        assertTrue(npos.contains("1.2.840.10008.5.1.4.1.1.200.7")); // XA Defined Procedure Protocol
        // performed procedure protocols are patient objects
        assertEquals(ServiceClass.STORAGE, ServiceClassRegistry.of("1.2.840.10008.5.1.4.1.1.200.2"));
        assertTrue(ServiceClassRegistry.storageSopClasses().containsAll(npos));
    }

    @Test
    void storageSetHoldsStorageAndNonPatientObjectsOnly() {
        Set<String> storage = ServiceClassRegistry.storageSopClasses();
        long retired = storage.stream().filter(uid -> ServiceClassRegistry.info(uid).retired()).count();
        long current = storage.size() - retired;
        assertTrue(current >= 150 && current <= 200, "current storage SOP classes: " + current); // 188 in 2024
        assertTrue(retired >= 15 && retired <= 30, "retired storage SOP classes: " + retired); // 20
        assertTrue(storage.contains("1.2.840.10008.5.1.4.1.1.1.1.1")); // DX for processing
        assertTrue(storage.contains("1.2.840.10008.5.1.4.1.1.501.2.1")); // DICOS DX for presentation
        assertEquals(ServiceClassRegistry.sopClasses(ServiceClass.STORAGE).size()
                + ServiceClassRegistry.sopClasses(ServiceClass.NON_PATIENT_OBJECT_STORAGE).size(), storage.size());
        for (String uid : storage) {
            assertEquals(EnumSet.of(Operation.C_STORE), ServiceClassRegistry.info(uid).operations(), uid);
        }
        assertFalse(ServiceClassRegistry.isStorage("1.2.840.10008.1.3.10")); // Media Storage Directory
        assertNull(ServiceClassRegistry.of("1.2.840.10008.1.3.10"));
        assertFalse(ServiceClassRegistry.isStorage("1.2.840.10008.1.20.1")); // Storage Commitment
        assertFalse(ServiceClassRegistry.isStorage("1.2.840.10008.5.1.4.1.1.201.5")); // Inventory Creation
        assertThrows(UnsupportedOperationException.class, () -> storage.add("1.2.3"));
    }

    @Test
    void commonStorageListFitsTwoContextsEachWithinOneAssociation() {
        List<String> common = ServiceClassRegistry.commonStorageSopClasses();
        assertTrue(common.size() <= 64, "common: " + common.size());
        assertTrue(common.size() >= 50, "common: " + common.size());
        assertEquals(common.size(), new HashSet<>(common).size());
        assertTrue(ServiceClassRegistry.storageSopClasses().containsAll(common));
        for (String uid : common) {
            assertFalse(ServiceClassRegistry.info(uid).retired(), uid);
        }
        for (String uid : List.of(CT, "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.1",
                "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.481.2", "1.2.840.10008.5.1.4.1.1.104.1",
                "1.2.840.10008.5.1.4.1.1.88.50", "1.2.840.10008.5.1.4.1.1.9.1.1", "1.2.840.10008.5.1.4.1.1.66.4")) {
            assertTrue(common.contains(uid), uid);
        }
    }

    @Test
    void queryRetrieveModelsNameTheirFindMoveAndGetSopClasses() {
        List<InformationModel> qr = ServiceClassRegistry.informationModels(ServiceClass.QUERY_RETRIEVE);
        assertEquals(List.of("Patient Root", "Study Root", "Patient/Study Only", "Composite Instance Root",
                "Composite Instance Retrieve Without Bulk Data", "Repository Query"),
                qr.stream().map(InformationModel::name).toList());
        InformationModel studyRoot = qr.get(1);
        assertEquals(List.of(STUDY_ROOT_FIND, STUDY_ROOT_MOVE, STUDY_ROOT_GET), studyRoot.sopClasses());
        assertEquals(STUDY_ROOT_MOVE, studyRoot.sopClass(Operation.C_MOVE));
        assertSame(studyRoot, ServiceClassRegistry.informationModelOf(STUDY_ROOT_GET));

        InformationModel compositeRoot = qr.get(3);
        assertNull(compositeRoot.find());
        assertEquals("1.2.840.10008.5.1.4.1.2.4.2", compositeRoot.move());
        assertEquals("1.2.840.10008.5.1.4.1.2.4.3", compositeRoot.get());
        assertEquals(List.of("1.2.840.10008.5.1.4.1.2.5.3"), qr.get(4).sopClasses());
        assertEquals("1.2.840.10008.5.1.4.1.1.201.6", qr.get(5).find());
        assertEquals(13, ServiceClassRegistry.sopClasses(ServiceClass.QUERY_RETRIEVE).size());
        assertTrue(ServiceClassRegistry.info("1.2.840.10008.5.1.4.1.2.3.1").retired()); // Patient/Study Only
    }

    @Test
    void everyQueryLikeServiceClassHasItsModels() {
        assertModels(ServiceClass.BASIC_WORKLIST_MANAGEMENT, 1, 1);
        assertModels(ServiceClass.RELEVANT_PATIENT_INFORMATION_QUERY, 3, 3);
        assertModels(ServiceClass.SUBSTANCE_ADMINISTRATION_QUERY, 2, 2);
        assertModels(ServiceClass.HANGING_PROTOCOL_QR, 1, 3);
        assertModels(ServiceClass.COLOR_PALETTE_QR, 1, 3);
        assertModels(ServiceClass.DEFINED_PROCEDURE_PROTOCOL_QR, 1, 3);
        assertModels(ServiceClass.IMPLANT_TEMPLATE_QR, 3, 9);
        assertModels(ServiceClass.PROTOCOL_APPROVAL_QR, 1, 3);
        assertModels(ServiceClass.INVENTORY_QR, 1, 3);
        assertEquals("1.2.840.10008.5.1.4.31",
                ServiceClassRegistry.informationModels(ServiceClass.BASIC_WORKLIST_MANAGEMENT).get(0).find());
        assertEquals("1.2.840.10008.5.1.4.1.1.201.4",
                ServiceClassRegistry.informationModels(ServiceClass.INVENTORY_QR).get(0).get());
        assertEquals(ServiceClass.IMPLANT_TEMPLATE_QR, ServiceClassRegistry.of("1.2.840.10008.5.1.4.44.3"));
        assertTrue(ServiceClassRegistry.informationModels(ServiceClass.PRINT_MANAGEMENT).isEmpty());
        assertNull(ServiceClassRegistry.informationModelOf(CT));
    }

    private static void assertModels(ServiceClass service, int models, int sopClasses) {
        List<InformationModel> list = ServiceClassRegistry.informationModels(service);
        assertEquals(models, list.size(), service.name());
        assertEquals(sopClasses, ServiceClassRegistry.sopClasses(service).size(), service.name());
        for (InformationModel m : list) {
            assertEquals(service, m.service());
            for (String uid : m.sopClasses()) {
                assertEquals(service, ServiceClassRegistry.of(uid), uid);
            }
        }
    }

    @Test
    void normalizedServiceClassesHaveTheirSopClasses() {
        assertCount(ServiceClass.VERIFICATION, 1);
        assertCount(ServiceClass.INSTANCE_AVAILABILITY_NOTIFICATION, 1);
        assertCount(ServiceClass.STORAGE_COMMITMENT, 1);
        assertCount(ServiceClass.PROCEDURE_STEP, 3);
        assertCount(ServiceClass.PRINT_MANAGEMENT, 11);
        assertCount(ServiceClass.DISPLAY_SYSTEM_MANAGEMENT, 1);
        assertCount(ServiceClass.MEDIA_CREATION_MANAGEMENT, 1);
        assertCount(ServiceClass.UNIFIED_PROCEDURE_STEP, 5);
        assertCount(ServiceClass.RT_MACHINE_VERIFICATION, 2);
        assertCount(ServiceClass.APPLICATION_EVENT_LOGGING, 2);
        assertCount(ServiceClass.STORAGE_MANAGEMENT, 1);
        assertEquals(ServiceClass.PRINT_MANAGEMENT, ServiceClassRegistry.of("1.2.840.10008.5.1.1.9")); // meta
        assertEquals(ServiceClass.PROCEDURE_STEP, ServiceClassRegistry.of("1.2.840.10008.3.1.2.3.3"));
        assertEquals(ServiceClass.RT_MACHINE_VERIFICATION, ServiceClassRegistry.of("1.2.840.10008.5.1.4.34.9"));
        assertEquals(ServiceClass.STORAGE_MANAGEMENT, ServiceClassRegistry.of("1.2.840.10008.5.1.4.1.1.201.5"));
        assertEquals(ServiceClass.APPLICATION_EVENT_LOGGING, ServiceClassRegistry.of("1.2.840.10008.1.42"));
    }

    private static void assertCount(ServiceClass service, int expected) {
        assertEquals(expected, ServiceClassRegistry.sopClasses(service).size(), service.name());
    }

    @Test
    void everyServiceClassHasSopClassesAndNoneIsListedTwice() {
        Set<String> seen = new HashSet<>();
        for (ServiceClass service : ServiceClass.values()) {
            List<String> uids = ServiceClassRegistry.sopClasses(service);
            assertFalse(uids.isEmpty(), service.name());
            for (String uid : uids) {
                assertTrue(seen.add(uid), uid);
                assertEquals(service, ServiceClassRegistry.of(uid), uid);
            }
        }
    }

    @Test
    void permitsOnlyTheOperationsASopClassDefines() {
        assertTrue(ServiceClassRegistry.permits(CT, Operation.C_STORE));
        assertFalse(ServiceClassRegistry.permits(CT, Operation.C_FIND));
        assertTrue(ServiceClassRegistry.permits(STUDY_ROOT_FIND, Operation.C_FIND));
        assertFalse(ServiceClassRegistry.permits(STUDY_ROOT_FIND, Operation.C_MOVE));
        assertFalse(ServiceClassRegistry.permits(STUDY_ROOT_MOVE, Operation.C_GET));
        assertTrue(ServiceClassRegistry.permits("1.2.840.10008.1.1", Operation.C_ECHO));
        assertEquals(EnumSet.of(Operation.N_ACTION, Operation.N_EVENT_REPORT),
                ServiceClassRegistry.info("1.2.840.10008.1.20.1").operations());
        assertEquals(EnumSet.of(Operation.N_CREATE, Operation.N_SET),
                ServiceClassRegistry.info("1.2.840.10008.3.1.2.3.3").operations());
        assertEquals(EnumSet.of(Operation.N_SET), ServiceClassRegistry.info("1.2.840.10008.5.1.1.4").operations());
        assertEquals(EnumSet.of(Operation.N_GET), ServiceClassRegistry.info("1.2.840.10008.5.1.1.40").operations());
        assertEquals(EnumSet.of(Operation.N_CREATE), ServiceClassRegistry.info("1.2.840.10008.5.1.4.33").operations());
        assertEquals(6, ServiceClassRegistry.info("1.2.840.10008.5.1.4.34.8").operations().size());
        assertTrue(ServiceClassRegistry.permits("1.2.840.10008.5.1.4.34.6.3", Operation.C_FIND)); // UPS Pull
        assertFalse(ServiceClassRegistry.permits("1.2.840.10008.5.1.4.34.6.4", Operation.C_FIND)); // UPS Event
        assertTrue(ServiceClassRegistry.permits("1.2.840.10008.5.1.4.31", Operation.C_FIND)); // MWL
        assertFalse(ServiceClassRegistry.permits("1.2.840.10008.5.1.4.31", Operation.C_GET));
        assertFalse(ServiceClassRegistry.permits("9.9.9", Operation.C_STORE));
    }

    @Test
    void operationsMapToAndFromCommandFields() {
        for (Operation op : Operation.values()) {
            assertSame(op, Operation.ofCommandField(op.commandField()));
            assertSame(op, Operation.ofCommandField(op.commandField() | CommandField.RESPONSE_BIT));
        }
        assertEquals(CommandField.N_EVENT_REPORT_RQ, Operation.N_EVENT_REPORT.commandField());
        assertNull(Operation.ofCommandField(CommandField.C_CANCEL_RQ));
        assertNull(Operation.ofCommandField(0x0042));
    }

    @Test
    void knowsTheWellKnownInstancesOfNormalizedSopClasses() {
        assertEquals(List.of("1.2.840.10008.5.1.1.17"),
                ServiceClassRegistry.wellKnownInstances("1.2.840.10008.5.1.1.16"));
        assertEquals(List.of("1.2.840.10008.5.1.1.40.1"),
                ServiceClassRegistry.wellKnownInstances("1.2.840.10008.5.1.1.40"));
        assertEquals(List.of("1.2.840.10008.1.20.1.1"),
                ServiceClassRegistry.wellKnownInstances("1.2.840.10008.1.20.1"));
        assertEquals(List.of("1.2.840.10008.5.1.4.1.1.201.1.1"),
                ServiceClassRegistry.wellKnownInstances("1.2.840.10008.5.1.4.1.1.201.5"));
        assertEquals(List.of("1.2.840.10008.5.1.4.34.5", "1.2.840.10008.5.1.4.34.5.1"),
                ServiceClassRegistry.wellKnownInstances("1.2.840.10008.5.1.4.34.6.2"));
        assertTrue(ServiceClassRegistry.wellKnownInstances(CT).isEmpty());
    }

    @Test
    void unknownAndPrivateUidsHaveNoServiceClass() {
        for (String uid : new String[] {"1.2.3.4.5", "1.2.840.113619.4.2", "", null}) {
            assertNull(ServiceClassRegistry.of(uid));
            assertNull(ServiceClassRegistry.info(uid));
            assertFalse(ServiceClassRegistry.isStorage(uid));
            assertNull(ServiceClassRegistry.informationModelOf(uid));
            assertTrue(ServiceClassRegistry.wellKnownInstances(uid).isEmpty());
        }
        assertNull(ServiceClassRegistry.of("1.2.840.10008.1.2.1")); // a transfer syntax
        assertNull(ServiceClassRegistry.of("1.2.840.10008.5.1.1.17")); // a well-known instance
        assertNull(ServiceClassRegistry.of("1.2.840.10008.3.1.2.1.1")); // retired, unserved (not registered)
    }
}
