package org.netdicom.core.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PduRecordsTest {

    @Test
    void namesEveryAssociateRjResultSourceAndReasonOfPs38Table921() {
        assertEquals("rejected-permanent", AAssociateRj.resultName(1));
        assertEquals("rejected-transient", AAssociateRj.resultName(2));
        assertEquals("service-user", AAssociateRj.sourceName(1));
        assertEquals("service-provider (ACSE)", AAssociateRj.sourceName(2));
        assertEquals("service-provider (presentation)", AAssociateRj.sourceName(3));
        assertEquals("no-reason-given", AAssociateRj.reasonName(1, 1));
        assertEquals("application-context-name-not-supported", AAssociateRj.reasonName(1, 2));
        assertEquals("calling-AE-title-not-recognized", AAssociateRj.reasonName(1, 3));
        assertEquals("reserved reason 4", AAssociateRj.reasonName(1, 4));
        assertEquals("called-AE-title-not-recognized", AAssociateRj.reasonName(1, 7));
        assertEquals("no-reason-given", AAssociateRj.reasonName(2, 1));
        assertEquals("protocol-version-not-supported", AAssociateRj.reasonName(2, 2));
        assertEquals("reserved reason 0", AAssociateRj.reasonName(3, 0));
        assertEquals("temporary-congestion", AAssociateRj.reasonName(3, 1));
        assertEquals("local-limit-exceeded", AAssociateRj.reasonName(3, 2));
        assertEquals("A-ASSOCIATE-RJ[rejected-transient, service-provider (presentation), local-limit-exceeded]",
                new AAssociateRj(2, 3, 2).toString());
        assertTrue(new AAssociateRj(2, 3, 2).isTransient());
    }

    @Test
    void namesEveryAbortSourceAndReasonOfPs38Table926() {
        String[] reasons = {"reason-not-specified", "unrecognized-PDU", "unexpected-PDU", "reserved reason 3",
            "unrecognized-PDU-parameter", "unexpected-PDU-parameter", "invalid-PDU-parameter-value"};
        for (int reason = 0; reason < reasons.length; reason++) {
            assertEquals(reasons[reason], AAbort.reasonName(reason));
        }
        assertEquals("A-ABORT[service-user]", AAbort.byServiceUser().toString());
        assertEquals("A-ABORT[service-provider, unexpected-PDU]", AAbort.byServiceProvider(2).toString());
    }

    @Test
    void namesPresentationContextResultsOfPs38Table918() {
        assertEquals("acceptance", PresentationContextAc.resultName(0));
        assertEquals("user-rejection", PresentationContextAc.resultName(1));
        assertEquals("no-reason (provider rejection)", PresentationContextAc.resultName(2));
        assertEquals("abstract-syntax-not-supported (provider rejection)", PresentationContextAc.resultName(3));
        assertEquals("transfer-syntaxes-not-supported (provider rejection)", PresentationContextAc.resultName(4));
    }

    @Test
    void namesPduTypesAndKnowsTheSeven() {
        assertEquals("A-ASSOCIATE-RQ", Pdu.typeName(1));
        assertEquals("P-DATA-TF", Pdu.typeName(4));
        assertEquals("A-ABORT", Pdu.typeName(7));
        assertEquals("PDU type 0x08", Pdu.typeName(8));
        assertFalse(Pdu.isKnownType(0));
        assertTrue(Pdu.isKnownType(7));
        int[] types = SamplePdus.all().stream().mapToInt(Pdu::type).distinct().toArray();
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7}, types);
    }

    @Test
    void presentationDataValueIsASliceWithCommandAndLastBits() {
        byte[] buffer = {9, 9, 1, 2, 3, 9};
        PresentationDataValue pdv = new PresentationDataValue(3, 0x03, buffer, 2, 3);
        assertTrue(pdv.isCommand());
        assertTrue(pdv.isLast());
        assertFalse(new PresentationDataValue(3, 0x02, buffer, 2, 3).isCommand());
        assertFalse(new PresentationDataValue(3, 0x01, buffer, 2, 3).isLast());
        assertArrayEquals(new byte[] {1, 2, 3}, pdv.copyData());
        PresentationDataValue same = PresentationDataValue.of(3, 0x03, new byte[] {1, 2, 3});
        assertEquals(same, pdv, "equality is by content, not by buffer");
        assertEquals(same.hashCode(), pdv.hashCode());
        assertNotEquals(PresentationDataValue.of(3, 0x01, new byte[] {1, 2, 3}), pdv);
        assertEquals("[PDV ctx=3 command last 3 bytes: 010203]", pdv.toString());
        assertThrows(IndexOutOfBoundsException.class, () -> new PresentationDataValue(1, 0, buffer, 4, 3));
    }

    @Test
    void recordsHoldingByteArraysCompareByContentAndCopyTheirArrays() {
        byte[] info = {1, 0, 1};
        SopClassExtendedNegotiation ext = new SopClassExtendedNegotiation("1.2", info);
        info[0] = 7;
        assertArrayEquals(new byte[] {1, 0, 1}, ext.applicationInformation(), "copied in");
        ext.applicationInformation()[1] = 7;
        assertArrayEquals(new byte[] {1, 0, 1}, ext.applicationInformation(), "copied out");
        assertEquals(new SopClassExtendedNegotiation("1.2", new byte[] {1, 0, 1}), ext);
        assertEquals(new SopClassExtendedNegotiation("1.2", new byte[] {1, 0, 1}).hashCode(), ext.hashCode());
        assertEquals(new UnknownItem(0x60, new byte[] {5}), new UnknownItem(0x60, new byte[] {5}));
        assertNotEquals(new UnknownItem(0x60, new byte[] {5}), new UnknownItem(0x61, new byte[] {5}));
        assertEquals(new UserIdentityAc(new byte[] {1}), new UserIdentityAc(new byte[] {1}));
        assertEquals(new UserIdentityRq(1, false, new byte[] {65}, null),
                new UserIdentityRq(1, false, new byte[] {65}, new byte[0]));
    }

    @Test
    void userIdentityToStringDoesNotShowCredentials() {
        String text = UserIdentityRq.usernameAndPasscode("alice", "s3cret", true).toString();
        assertFalse(text.contains("s3cret") || text.contains("alice"), text);
        assertFalse(SamplePdus.fullRequest().toString().contains("s3cret"));
        assertEquals("UserIdentityAc[serverResponse=3 bytes]", new UserIdentityAc(new byte[3]).toString());
    }

    @Test
    void associateRqToStringIsOneReadableLine() {
        assertEquals("A-ASSOCIATE-RQ[version=1, called=\"ANY-SCP\", calling=\"ECHOSCU\", "
                + "applicationContext=1.2.840.10008.3.1.1.1, presentationContexts=[[1: 1.2.840.10008.1.1 "
                + "[1.2.840.10008.1.2]]], UserInformation[maxLength=16384, implementationClassUid=1.2.3.4.5, "
                + "implementationVersionName=NETDICOM_010]]", PduVectorsTest.associateRq().toString());
    }

    @Test
    void refusesValuesThatTheirFieldsCannotCarry() {
        UserInformation ui = PduVectorsTest.USER_INFO;
        assertThrows(IllegalArgumentException.class, () -> new AAssociateRq("SEVENTEEN_CHARS_X", "A", List.of(), ui));
        assertThrows(IllegalArgumentException.class, () -> new AAssociateRq("A", "\u0100", List.of(), ui));
        assertThrows(IllegalArgumentException.class, () -> new AAssociateRq(0x10000, "A", "B", "1.2", List.of(), ui));
        assertThrows(IllegalArgumentException.class, () -> new PresentationContextRq(256, "1.2", "1.2"));
        assertThrows(IllegalArgumentException.class, () -> PresentationContextAc.accepted(1, ""));
        assertThrows(IllegalArgumentException.class, () -> PresentationContextAc.rejected(1, 0));
        assertThrows(IllegalArgumentException.class, () -> UserInformation.of(-1, null, null));
        assertThrows(IllegalArgumentException.class, () -> UserInformation.of(0x1_0000_0000L, null, null));
        assertThrows(IllegalArgumentException.class, () -> new AsyncOperationsWindow(65536, 0));
        assertThrows(IllegalArgumentException.class, () -> new PDataTf(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new AAbort(2, 256));
    }

    @Test
    void encoderRefusesItemsLongerThanTheirSixteenBitLengthField() {
        String longUid = "1.".repeat(40_000);
        AAssociateRq rq = new AAssociateRq("A", "B", List.of(new PresentationContextRq(1, longUid, "1.2")),
                PduVectorsTest.USER_INFO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PduEncoder().encode(rq));
        assertTrue(e.getMessage().contains("abstract syntax"), e.getMessage());
    }

    @Test
    void formatExceptionCarriesOffsetAndSuggestedAbortReason() {
        PduFormatException e = new PduFormatException("bad", 42);
        assertEquals(42, e.offset());
        assertEquals(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE, e.abortReason());
        assertEquals("bad (at byte 42 of the PDU)", e.getMessage());
        PduTooLargeException big = new PduTooLargeException(Pdu.P_DATA_TF, 70000, 16384);
        assertEquals("P-DATA-TF PDU-length 70000 exceeds the limit of 16384 (at byte 2 of the PDU)", big.getMessage());
    }
}
