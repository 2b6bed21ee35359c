package org.netdicom.core.association;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DimseFormatException;

/**
 * The DIMSE-N requests we send, byte for byte as PS3.7 10.3 and Annex E lay them out (Implicit VR
 * Little Endian, group length first, elements in tag order, UIDs padded to even length with NUL),
 * and the context each goes on.
 */
class NormalizedOperationsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    static final String STORAGE_COMMITMENT = "1.2.840.10008.1.20.1";          // 20 characters
    static final String STORAGE_COMMITMENT_INSTANCE = "1.2.840.10008.1.20.1.1"; // 22
    static final String PRINTER = "1.2.840.10008.5.1.1.16";                    // 22
    static final String PRINTER_INSTANCE = "1.2.840.10008.5.1.1.17";           // 22
    static final String FILM_SESSION = "1.2.840.10008.5.1.1.1";                // 21: one NUL of padding
    static final String MPPS = "1.2.840.10008.3.1.2.3.3";                      // 23: one NUL of padding
    static final String GRAYSCALE_META = "1.2.840.10008.5.1.1.9";
    static final String COLOR_META = "1.2.840.10008.5.1.1.18";
    static final String GRAYSCALE_IMAGE_BOX = "1.2.840.10008.5.1.1.4";
    static final String COLOR_IMAGE_BOX = "1.2.840.10008.5.1.1.4.1";
    static final String UPS_PUSH = "1.2.840.10008.5.1.4.34.6.1";
    static final String UPS_PULL = "1.2.840.10008.5.1.4.34.6.3";

    static String ascii(String s) {
        return HEX.formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String encode(CommandSet command, int messageId) {
        return HEX.formatHex(command.put(CommandTag.MESSAGE_ID, messageId).encode());
    }

    @Test
    void encodesNEventReportRqByteExact() {
        String expected = "00000000" + "04000000" + "62000000"                  // group length 98
                + "00000200" + "14000000" + ascii(STORAGE_COMMITMENT)          // Affected SOP Class UID
                + "00000001" + "02000000" + "0001"                             // Command Field 0x0100
                + "00001001" + "02000000" + "0700"                             // Message ID 7
                + "00000008" + "02000000" + "0000"                             // data set present
                + "00000010" + "16000000" + ascii(STORAGE_COMMITMENT_INSTANCE) // Affected SOP Instance UID
                + "00000210" + "02000000" + "0100";                            // Event Type ID 1
        assertEquals(expected, encode(NormalizedOperations.eventReportRq(STORAGE_COMMITMENT,
                STORAGE_COMMITMENT_INSTANCE, 1, true), 7));
    }

    @Test
    void encodesNGetRqWithItsAttributeIdentifierListByteExact() {
        String expected = "00000000" + "04000000" + "6a000000"                  // group length 106
                + "00000300" + "16000000" + ascii(PRINTER)                     // Requested SOP Class UID
                + "00000001" + "02000000" + "1001"                             // Command Field 0x0110
                + "00001001" + "02000000" + "0300"                             // Message ID 3
                + "00000008" + "02000000" + "0101"                             // no data set
                + "00000110" + "16000000" + ascii(PRINTER_INSTANCE)            // Requested SOP Instance UID
                + "00000510" + "08000000" + "10211000" + "10212000";           // AT (2110,0010) (2110,0020)
        assertEquals(expected, encode(NormalizedOperations.getRq(PRINTER, PRINTER_INSTANCE, 0x21100010, 0x21100020),
                3));
    }

    @Test
    void leavesAnEmptyAttributeIdentifierListOut() {
        CommandSet all = NormalizedOperations.getRq(PRINTER, PRINTER_INSTANCE);
        assertFalse(all.contains(CommandTag.ATTRIBUTE_IDENTIFIER_LIST));
    }

    @Test
    void encodesNSetRqByteExact() {
        String expected = "00000000" + "04000000" + "4e000000"                  // group length 78
                + "00000300" + "16000000" + ascii(FILM_SESSION) + "00"         // Requested SOP Class, NUL-padded
                + "00000001" + "02000000" + "2001"                             // Command Field 0x0120
                + "00001001" + "02000000" + "0200"                             // Message ID 2
                + "00000008" + "02000000" + "0000"                             // Modification List present
                + "00000110" + "0a000000" + ascii("1.2.3.4.5") + "00";         // Requested SOP Instance UID
        assertEquals(expected, encode(NormalizedOperations.setRq(FILM_SESSION, "1.2.3.4.5"), 2));
    }

    @Test
    void encodesNActionRqByteExact() {
        String expected = "00000000" + "04000000" + "62000000"                  // group length 98
                + "00000300" + "14000000" + ascii(STORAGE_COMMITMENT)          // Requested SOP Class UID
                + "00000001" + "02000000" + "3001"                             // Command Field 0x0130
                + "00001001" + "02000000" + "0500"                             // Message ID 5
                + "00000008" + "02000000" + "0000"                             // Action Information present
                + "00000110" + "16000000" + ascii(STORAGE_COMMITMENT_INSTANCE) // Requested SOP Instance UID
                + "00000810" + "02000000" + "0100";                            // Action Type ID 1
        assertEquals(expected, encode(NormalizedOperations.actionRq(STORAGE_COMMITMENT, STORAGE_COMMITMENT_INSTANCE,
                1, true), 5));
    }

    @Test
    void encodesNCreateRqWithAndWithoutInstanceByteExact() {
        String head = "00000200" + "18000000" + ascii(MPPS) + "00"             // Affected SOP Class, NUL-padded
                + "00000001" + "02000000" + "4001"                             // Command Field 0x0140
                + "00001001" + "02000000" + "0900"                             // Message ID 9
                + "00000008" + "02000000" + "0000";                            // Attribute List present
        assertEquals("00000000" + "04000000" + "3e000000" + head,             // group length 62
                encode(NormalizedOperations.createRq(MPPS, null, true), 9));
        assertEquals("00000000" + "04000000" + "4c000000" + head              // group length 76
                + "00000010" + "06000000" + ascii("1.2.3") + "00",             // Affected SOP Instance UID
                encode(NormalizedOperations.createRq(MPPS, "1.2.3", true), 9));
    }

    @Test
    void encodesNDeleteRqByteExact() {
        String expected = "00000000" + "04000000" + "4e000000"                  // group length 78
                + "00000300" + "16000000" + ascii(FILM_SESSION) + "00"         // Requested SOP Class UID
                + "00000001" + "02000000" + "5001"                             // Command Field 0x0150
                + "00001001" + "02000000" + "0400"                             // Message ID 4
                + "00000008" + "02000000" + "0101"                             // no data set
                + "00000110" + "0a000000" + ascii("1.2.3.4.5") + "00";         // Requested SOP Instance UID
        assertEquals(expected, encode(NormalizedOperations.deleteRq(FILM_SESSION, "1.2.3.4.5"), 4));
    }

    @Test
    void attributeIdentifierListDecodesToTheTagsSent() throws DimseFormatException {
        byte[] bytes = NormalizedOperations.getRq(PRINTER, PRINTER_INSTANCE, 0x21100010, 0x00080018)
                .put(CommandTag.MESSAGE_ID, 1).encode();
        assertArrayEquals(new int[] {0x21100010, 0x00080018},
                CommandSet.decode(bytes, 0, bytes.length).getTags(CommandTag.ATTRIBUTE_IDENTIFIER_LIST));
    }

    @Test
    void printRequestsUseTheMetaContextWhenTheirOwnClassWasNotNegotiated() throws AssociationException {
        List<PresentationContext> accepted = List.of(new PresentationContext(1, COLOR_META, IMPLICIT),
                new PresentationContext(3, GRAYSCALE_META, IMPLICIT), new PresentationContext(5, PRINTER, IMPLICIT));
        assertEquals(3, NormalizedOperations.chooseContext(accepted, false, FILM_SESSION, false).id());
        assertEquals(3, NormalizedOperations.chooseContext(accepted, false, GRAYSCALE_IMAGE_BOX, false).id());
        assertEquals(1, NormalizedOperations.chooseContext(accepted, false, COLOR_IMAGE_BOX, false).id());
        assertEquals(5, NormalizedOperations.chooseContext(accepted, false, PRINTER, false).id(), "own context first");
        // a Presentation LUT is not part of either meta class
        assertThrows(AssociationException.class,
                () -> NormalizedOperations.chooseContext(accepted, false, "1.2.840.10008.5.1.1.23", false));
    }

    @Test
    void upsPushRequestsMayUseAnotherUpsContext() throws AssociationException {
        List<PresentationContext> accepted = List.of(new PresentationContext(7, UPS_PULL, IMPLICIT));
        assertEquals(7, NormalizedOperations.chooseContext(accepted, false, UPS_PUSH, false).id());
    }

    @Test
    void eventReportsGoWhereWeAreScpAndOtherRequestsWhereWeAreScu() throws AssociationException {
        List<PresentationContext> defaultRoles = List.of(new PresentationContext(1, STORAGE_COMMITMENT, IMPLICIT));
        // Default roles: the requestor is SCU (sends N-ACTION), the acceptor SCP (sends N-EVENT-REPORT).
        assertEquals(1, NormalizedOperations.chooseContext(defaultRoles, false, STORAGE_COMMITMENT, false).id());
        assertEquals(1, NormalizedOperations.chooseContext(defaultRoles, true, STORAGE_COMMITMENT, true).id());
        AssociationException requestorReport = assertThrows(AssociationException.class,
                () -> NormalizedOperations.chooseContext(defaultRoles, false, STORAGE_COMMITMENT, true));
        assertTrue(requestorReport.getMessage().contains("requestRole"), requestorReport.getMessage());
        assertThrows(AssociationException.class,
                () -> NormalizedOperations.chooseContext(defaultRoles, true, STORAGE_COMMITMENT, false));
        // A Storage Commitment SCP that requested a new association with the SCP role only reports.
        List<PresentationContext> scpRole = List.of(new PresentationContext(3, STORAGE_COMMITMENT, IMPLICIT, false,
                true));
        assertEquals(3, NormalizedOperations.chooseContext(scpRole, false, STORAGE_COMMITMENT, true).id());
        assertThrows(AssociationException.class,
                () -> NormalizedOperations.chooseContext(scpRole, false, STORAGE_COMMITMENT, false));
    }
}
