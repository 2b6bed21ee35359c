package org.netdicom.core.pdu;

import java.util.List;

/** Valid PDUs with every item and sub-item filled in, for round-trip and fuzz tests. */
final class SamplePdus {

    private SamplePdus() {
    }

    static UserInformation fullRequestUserInformation() {
        return new UserInformation(32768, "1.2.3.4.5", "NETDICOM_010",
                new AsyncOperationsWindow(5, 0),
                List.of(new RoleSelection("1.2.840.10008.5.1.4.1.2.2.3", true, true),
                        new RoleSelection("1.2.840.10008.5.1.4.1.1.2", false, true)),
                List.of(new SopClassExtendedNegotiation("1.2.840.10008.5.1.4.1.2.2.1", new byte[] {1, 1, 0})),
                List.of(new SopClassCommonExtendedNegotiation("1.2.840.10008.5.1.4.1.1.88.40", "1.2.840.10008.4.2",
                                List.of("1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.33")),
                        new SopClassCommonExtendedNegotiation("1.2.840.10008.5.1.4.1.1.7.1", "1.2.840.10008.4.2",
                                List.of())),
                UserIdentityRq.usernameAndPasscode("alice", "s3cret", true),
                null,
                List.of(new UnknownItem(0x5A, new byte[] {9, 8, 7}), new UnknownItem(0x70, new byte[0])));
    }

    static UserInformation fullAcceptUserInformation() {
        return new UserInformation(0, "1.2.3.4.6", null, new AsyncOperationsWindow(1, 1),
                List.of(new RoleSelection("1.2.840.10008.5.1.4.1.2.2.3", false, true)),
                List.of(new SopClassExtendedNegotiation("1.2.840.10008.5.1.4.1.2.2.1", new byte[] {1, 0, 0})),
                List.of(), null, new UserIdentityAc(new byte[] {0x4A, 0x57, 0x54}), List.of());
    }

    static AAssociateRq fullRequest() {
        return new AAssociateRq(1, "STORESCP", "MODALITY_01", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, "1.2.840.10008.1.1", "1.2.840.10008.1.2"),
                        new PresentationContextRq(3, "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1",
                                "1.2.840.10008.1.2", "1.2.840.10008.1.2.4.50"),
                        new PresentationContextRq(255, "1.2.840.10008.5.1.4.1.2.2.3", "1.2.840.10008.1.2")),
                fullRequestUserInformation());
    }

    static AAssociateAc fullAccept() {
        return new AAssociateAc(1, "STORESCP", "MODALITY_01", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(PresentationContextAc.accepted(1, "1.2.840.10008.1.2"),
                        PresentationContextAc.accepted(3, "1.2.840.10008.1.2.1"),
                        new PresentationContextAc(255, PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                                "1.2.840.10008.1.2")),
                fullAcceptUserInformation());
    }

    static PDataTf pData() {
        byte[] body = new byte[300];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 7);
        }
        return new PDataTf(new PresentationDataValue(1, 0x03, body, 0, 100),
                new PresentationDataValue(3, 0x00, body, 100, 0),
                new PresentationDataValue(3, 0x02, body, 100, 200));
    }

    static List<Pdu> all() {
        return List.of(fullRequest(), fullAccept(),
                new AAssociateRj(AAssociateRj.RESULT_REJECTED_TRANSIENT,
                        AAssociateRj.SOURCE_SERVICE_PROVIDER_PRESENTATION, AAssociateRj.REASON_TEMPORARY_CONGESTION),
                pData(), new AReleaseRq(), new AReleaseRp(), AAbort.byServiceUser(),
                AAbort.byServiceProvider(AAbort.REASON_UNEXPECTED_PDU));
    }
}
