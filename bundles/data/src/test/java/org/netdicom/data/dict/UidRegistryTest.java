package org.netdicom.data.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UidRegistryTest {

    @Test
    void knowsCtImageStorageByUidAndKeyword() {
        UidEntry e = UidRegistry.entry("1.2.840.10008.5.1.4.1.1.2");
        assertEquals("CTImageStorage", e.keyword());
        assertEquals("CT Image Storage", e.name());
        assertEquals(UidType.SOP_CLASS, e.type());
        assertSame(e, UidRegistry.entryByKeyword("CTImageStorage"));
    }

    @Test
    void transferSyntaxesCarryTheirEncodingProperties() {
        TransferSyntax implicit = UidRegistry.transferSyntax("1.2.840.10008.1.2");
        assertSame(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, implicit);
        assertFalse(implicit.isExplicitVr());
        assertFalse(implicit.isBigEndian());

        TransferSyntax big = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        assertTrue(big.isExplicitVr());
        assertTrue(big.isBigEndian());
        assertTrue(big.isRetired());

        assertTrue(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.isDeflated());
        TransferSyntax jpeg = UidRegistry.transferSyntax("1.2.840.10008.1.2.4.50");
        assertTrue(jpeg.isEncapsulated());
        assertTrue(jpeg.isExplicitVr());
        assertFalse(jpeg.isRetired());
        assertTrue(UidRegistry.transferSyntax("1.2.840.10008.1.2.4.52").isRetired());
        assertTrue(UidRegistry.transferSyntax("1.2.840.10008.1.2.5").isEncapsulated());
        assertTrue(UidRegistry.transferSyntax("1.2.840.10008.1.2.4.94").isPixelDataReferenced());
    }

    @Test
    void unknownTransferSyntaxIsTakenAsExplicitLittleEndianEncapsulated() {
        assertNull(UidRegistry.transferSyntax("1.2.3.4"));
        TransferSyntax ts = UidRegistry.transferSyntaxOrUnknown("1.2.3.4");
        assertTrue(ts.isExplicitVr());
        assertFalse(ts.isBigEndian());
        assertTrue(ts.isEncapsulated());
    }

    @Test
    void everyRegisteredUidIsValidAndUnique() {
        assertTrue(UidRegistry.entries().size() > 300);
        long distinct = UidRegistry.entries().stream().map(UidEntry::uid).distinct().count();
        assertEquals(UidRegistry.entries().size(), distinct);
        for (UidEntry e : UidRegistry.entries()) {
            assertNull(Uids.problem(e.uid()), e.uid());
        }
    }

    @Test
    void knowsWellKnownInstancesFramesAndTheApplicationContext() {
        assertEquals(UidType.WELL_KNOWN_SOP_INSTANCE, UidRegistry.entry("1.2.840.10008.1.20.1.1").type());
        assertEquals(UidType.WELL_KNOWN_FRAME_OF_REFERENCE, UidRegistry.entry("1.2.840.10008.1.4.1.1").type());
        assertEquals(UidType.APPLICATION_CONTEXT_NAME, UidRegistry.entry("1.2.840.10008.3.1.1.1").type());
        assertEquals("Verification SOP Class", UidRegistry.nameOf("1.2.840.10008.1.1"));
        assertEquals("9.9.9", UidRegistry.nameOf("9.9.9"));
    }

    @Test
    void knowsTheSopClassesAndInstancesOfTheNormalizedAndNewerServices() {
        assertEquals("1.2.840.10008.5.1.4.1.1.201.5", UidRegistry.entryByKeyword("InventoryCreation").uid());
        assertEquals("1.2.840.10008.5.1.4.1.1.201.6", UidRegistry.entryByKeyword("RepositoryQuery").uid());
        assertEquals("1.2.840.10008.5.1.4.34.9", UidRegistry.entryByKeyword("RTIonMachineVerification").uid());
        assertEquals("1.2.840.10008.5.1.4.1.1.9.1.4",
                UidRegistry.entryByKeyword("General32bitECGWaveformStorage").uid());
        UidEntry storageManagement = UidRegistry.entry("1.2.840.10008.5.1.4.1.1.201.1.1");
        assertEquals(UidType.WELL_KNOWN_SOP_INSTANCE, storageManagement.type());
        assertEquals("StorageManagementInstance", storageManagement.keyword());
        assertEquals(UidType.META_SOP_CLASS, UidRegistry.entryByKeyword("BasicGrayscalePrintManagementMeta").type());
        UidEntry storedPrint = UidRegistry.entry("1.2.840.10008.5.1.1.27");
        assertEquals("StoredPrintStorage", storedPrint.keyword());
        assertTrue(storedPrint.retired());
        assertFalse(UidRegistry.entryByKeyword("ModalityPerformedProcedureStepRetrieve").retired());
    }
}
