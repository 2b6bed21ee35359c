package org.netdicom.core.service;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;

/**
 * The DIMSE-N responses we send, byte for byte as PS3.7 10.3 and Annex E lay them out (Implicit VR
 * Little Endian, group length first, elements in tag order, UIDs NUL-padded, text space-padded),
 * with the status elements of PS3.7 Annex C.
 */
class NormalizedResponseTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String STORAGE_COMMITMENT = "1.2.840.10008.1.20.1";          // 20 characters
    private static final String STORAGE_COMMITMENT_INSTANCE = "1.2.840.10008.1.20.1.1"; // 22
    private static final String PRINTER = "1.2.840.10008.5.1.1.16";                    // 22
    private static final String PRINTER_INSTANCE = "1.2.840.10008.5.1.1.17";           // 22
    private static final String FILM_SESSION = "1.2.840.10008.5.1.1.1";                // 21
    private static final String MPPS = "1.2.840.10008.3.1.2.3.3";                      // 23

    private static String ascii(String s) {
        return HEX.formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static CommandSet request(int field, int messageId) {
        return new CommandSet().put(CommandTag.COMMAND_FIELD, field).put(CommandTag.MESSAGE_ID, messageId)
                .put(CommandTag.EVENT_TYPE_ID, 1).put(CommandTag.ACTION_TYPE_ID, 1);
    }

    private static String hex(NormalizedResponse response) {
        return HEX.formatHex(response.command().encode());
    }

    @Test
    void encodesNEventReportRspByteExact() {
        String expected = "00000000" + "04000000" + "6c000000"                  // group length 108
                + "00000200" + "14000000" + ascii(STORAGE_COMMITMENT)          // Affected SOP Class UID
                + "00000001" + "02000000" + "0081"                             // Command Field 0x8100
                + "00002001" + "02000000" + "0700"                             // Message ID Being Responded To 7
                + "00000008" + "02000000" + "0101"                             // no Event Reply
                + "00000009" + "02000000" + "0000"                             // Status: Success
                + "00000010" + "16000000" + ascii(STORAGE_COMMITMENT_INSTANCE) // Affected SOP Instance UID
                + "00000210" + "02000000" + "0100";                            // Event Type ID 1
        assertEquals(expected, hex(new NormalizedResponse(request(CommandField.N_EVENT_REPORT_RQ, 7),
                STORAGE_COMMITMENT, STORAGE_COMMITMENT_INSTANCE, 0x0000, false)));
    }

    @Test
    void encodesNGetRspWithAttributeListByteExact() {
        String expected = "00000000" + "04000000" + "64000000"                  // group length 100
                + "00000200" + "16000000" + ascii(PRINTER)                     // Affected SOP Class UID
                + "00000001" + "02000000" + "1081"                             // Command Field 0x8110
                + "00002001" + "02000000" + "0300"                             // Message ID Being Responded To 3
                + "00000008" + "02000000" + "0000"                             // Attribute List present
                + "00000009" + "02000000" + "0000"                             // Status: Success
                + "00000010" + "16000000" + ascii(PRINTER_INSTANCE);           // Affected SOP Instance UID
        assertEquals(expected, hex(new NormalizedResponse(request(CommandField.N_GET_RQ, 3), PRINTER,
                PRINTER_INSTANCE, 0x0000, true)));
    }

    @Test
    void encodesNGetRspAttributeListErrorWithItsTagsByteExact() {
        String expected = "00000000" + "04000000" + "70000000"                  // group length 112
                + "00000200" + "16000000" + ascii(PRINTER)
                + "00000001" + "02000000" + "1081"
                + "00002001" + "02000000" + "0300"
                + "00000008" + "02000000" + "0000"
                + "00000009" + "02000000" + "0701"                             // Status 0x0107 (warning)
                + "00000010" + "16000000" + ascii(PRINTER_INSTANCE)
                + "00000510" + "04000000" + "10213000";                        // Attribute Identifier List (2110,0030)
        assertEquals(expected, hex(new NormalizedResponse(request(CommandField.N_GET_RQ, 3), PRINTER,
                PRINTER_INSTANCE, 0x0107, true).attributeIdentifiers(new int[] {0x21100030})));
    }

    @Test
    void encodesNSetRspFailureWithOffendingElementCommentAndIdByteExact() {
        String expected = "00000000" + "04000000" + "7c000000"                  // group length 124
                + "00000200" + "16000000" + ascii(FILM_SESSION) + "00"         // Affected SOP Class, NUL-padded
                + "00000001" + "02000000" + "2081"                             // Command Field 0x8120
                + "00002001" + "02000000" + "0200"                             // Message ID Being Responded To 2
                + "00000008" + "02000000" + "0101"                             // no data set with a failure
                + "00000009" + "02000000" + "0601"                             // Status 0x0106 invalid value
                + "00000109" + "04000000" + "00201000"                         // Offending Element (2000,0010)
                + "00000209" + "06000000" + ascii("copies")                    // Error Comment
                + "00000309" + "02000000" + "0100"                             // Error ID 1
                + "00000010" + "0a000000" + ascii("1.2.3.4.5") + "00";         // Affected SOP Instance UID
        assertEquals(expected, hex(new NormalizedResponse(request(CommandField.N_SET_RQ, 2), FILM_SESSION,
                "1.2.3.4.5", 0x0106, false).offendingElements(new int[] {0x20000010}).errorComment("copies")
                .errorId(1)));
    }

    @Test
    void encodesNActionRspByteExactWithTheActionTypeOnlyWhereItBelongs() {
        String expected = "00000000" + "04000000" + "6c000000"                  // group length 108
                + "00000200" + "14000000" + ascii(STORAGE_COMMITMENT)
                + "00000001" + "02000000" + "3081"                             // Command Field 0x8130
                + "00002001" + "02000000" + "0500"                             // Message ID Being Responded To 5
                + "00000008" + "02000000" + "0101"
                + "00000009" + "02000000" + "0000"                             // Success
                + "00000010" + "16000000" + ascii(STORAGE_COMMITMENT_INSTANCE)
                + "00000810" + "02000000" + "0100";                            // Action Type ID 1
        assertEquals(expected, hex(new NormalizedResponse(request(CommandField.N_ACTION_RQ, 5), STORAGE_COMMITMENT,
                STORAGE_COMMITMENT_INSTANCE, 0x0000, false)));
        // PS3.7 C.5: "no such action" names the action type; a processing failure does not.
        assertTrue(new NormalizedResponse(request(CommandField.N_ACTION_RQ, 5), STORAGE_COMMITMENT,
                STORAGE_COMMITMENT_INSTANCE, 0x0123, false).command().contains(CommandTag.ACTION_TYPE_ID));
        assertFalse(new NormalizedResponse(request(CommandField.N_ACTION_RQ, 5), STORAGE_COMMITMENT,
                STORAGE_COMMITMENT_INSTANCE, 0x0110, false).command().contains(CommandTag.ACTION_TYPE_ID));
    }

    @Test
    void encodesNCreateRspNamingTheCreatedInstanceByteExact() {
        String expected = "00000000" + "04000000" + "58000000"                  // group length 88
                + "00000200" + "18000000" + ascii(MPPS) + "00"                 // Affected SOP Class, NUL-padded
                + "00000001" + "02000000" + "4081"                             // Command Field 0x8140
                + "00002001" + "02000000" + "0900"                             // Message ID Being Responded To 9
                + "00000008" + "02000000" + "0101"
                + "00000009" + "02000000" + "0000"
                + "00000010" + "08000000" + ascii("1.2.3.9") + "00";           // the SCP-assigned instance
        assertEquals(expected, hex(new NormalizedResponse(request(CommandField.N_CREATE_RQ, 9), MPPS, "1.2.3.9",
                0x0000, false)));
    }

    @Test
    void encodesNDeleteRspByteExact() {
        String expected = "00000000" + "04000000" + "58000000"                  // group length 88
                + "00000200" + "16000000" + ascii(FILM_SESSION) + "00"
                + "00000001" + "02000000" + "5081"                             // Command Field 0x8150
                + "00002001" + "02000000" + "0400"                             // Message ID Being Responded To 4
                + "00000008" + "02000000" + "0101"
                + "00000009" + "02000000" + "0000"
                + "00000010" + "0a000000" + ascii("1.2.3.4.5") + "00";
        assertEquals(expected, hex(new NormalizedResponse(request(CommandField.N_DELETE_RQ, 4), FILM_SESSION,
                "1.2.3.4.5", 0x0000, false)));
    }

    @Test
    void cutsErrorCommentsToSixtyFourCharacters() {
        String comment = new NormalizedResponse(request(CommandField.N_SET_RQ, 1), FILM_SESSION, "1.2", 0x0110, false)
                .errorComment("x".repeat(100)).command().getString(CommandTag.ERROR_COMMENT);
        assertEquals(64, comment.length());
    }
}
