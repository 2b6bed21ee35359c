package org.netdicom.core.dimse;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;

import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomReader;

import org.junit.jupiter.api.Test;

class CommandSetTest {

    private static final HexFormat HEX = HexFormat.of();

    /** A C-ECHO-RQ, message ID 7, laid out per PS3.7 E.1 / 9.3.5 in Implicit VR Little Endian. */
    private static final String ECHO_RQ =
            "00000000" + "04000000" + "38000000"           // (0000,0000) UL len 4 = 56
            + "00000200" + "12000000"                        // (0000,0002) UI len 18
            + HEX.formatHex("1.2.840.10008.1.1".getBytes()) + "00" //   odd UID padded with NUL
            + "00000001" + "02000000" + "3000"               // (0000,0100) US C-ECHO-RQ
            + "00001001" + "02000000" + "0700"               // (0000,0110) US message ID 7
            + "00000008" + "02000000" + "0101";              // (0000,0800) US no data set

    @Test
    void encodesEchoRequestByteExactWithGroupLength() {
        CommandSet cs = new CommandSet()
                .put(CommandTag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                .put(CommandTag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1")
                .put(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET)
                .put(CommandTag.MESSAGE_ID, 7);

        assertEquals(ECHO_RQ, HEX.formatHex(cs.encode()));
    }

    @Test
    void decodesEchoRequestAndStripsUidPadding() throws DimseFormatException {
        byte[] bytes = HEX.parseHex(ECHO_RQ);

        CommandSet cs = CommandSet.decode(bytes, 0, bytes.length);

        assertEquals(CommandField.C_ECHO_RQ, cs.commandField());
        assertEquals("1.2.840.10008.1.1", cs.getString(CommandTag.AFFECTED_SOP_CLASS_UID));
        assertEquals(7, cs.getInt(CommandTag.MESSAGE_ID, -1));
        assertFalse(cs.hasDataSet());
    }

    @Test
    void padsOddTextWithSpaceAndRoundTripsTagLists() throws DimseFormatException {
        CommandSet cs = new CommandSet()
                .put(CommandTag.COMMAND_FIELD, 0x8020)
                .put(CommandTag.ERROR_COMMENT, "odd");
        byte[] bytes = cs.encode();

        assertEquals(' ', bytes[bytes.length - 1]);
        assertEquals("odd", CommandSet.decode(bytes, 0, bytes.length).getString(CommandTag.ERROR_COMMENT));
    }

    @Test
    void keepsUnknownElementsAsRawBytes() throws DimseFormatException {
        byte[] bytes = HEX.parseHex("0000" + "9999" + "02000000" + "abcd"
                + "00000001" + "02000000" + "3000");

        CommandSet cs = CommandSet.decode(bytes, 0, bytes.length);

        assertEquals(CommandField.C_ECHO_RQ, cs.commandField());
        byte[] again = cs.encode();
        assertTrue(HEX.formatHex(again).contains("00009999" + "02000000" + "abcd"));
    }

    @Test
    void asADataSetItIsWhatDecodingItsEncodingGives() throws Exception {
        byte[] unknown = HEX.parseHex("0000" + "9999" + "02000000" + "abcd"); // (0000,9999), not a command element
        CommandSet cs = CommandSet.decode(unknown, 0, unknown.length)
                .put(CommandTag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.1.2")
                .put(CommandTag.COMMAND_FIELD, CommandField.C_MOVE_RQ | 0x8000)
                .put(CommandTag.MESSAGE_ID_BEING_RESPONDED_TO, 7)
                .put(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET)
                .put(CommandTag.STATUS, 0xA801)
                .putTags(CommandTag.OFFENDING_ELEMENT, 0x00100010, 0x0020000D)
                .put(CommandTag.ERROR_COMMENT, "unknown destination")
                .put(CommandTag.MOVE_DESTINATION, "NOWHERE")
                .put(CommandTag.NUMBER_OF_FAILED_SUBOPERATIONS, 3);
        byte[] encoded = cs.encode();
        Dataset decoded = new DicomReader(encoded, 0, encoded.length).readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);

        Dataset shown = cs.toDataset();

        assertEquals(decoded, shown);
        assertEquals(VR.LO, shown.vr(CommandTag.ERROR_COMMENT.tag()));
        assertEquals(VR.AE, shown.vr(CommandTag.MOVE_DESTINATION.tag()));
        assertEquals(VR.AT, shown.vr(CommandTag.OFFENDING_ELEMENT.tag()));
        assertEquals("unknown destination", shown.getString(CommandTag.ERROR_COMMENT.tag()));
        assertEquals(0xA801, shown.getInt(CommandTag.STATUS.tag(), -1));
    }

    @Test
    void rejectsElementOutsideCommandGroup() {
        byte[] bytes = HEX.parseHex("08001800" + "02000000" + "3100");

        DimseFormatException e = assertThrows(DimseFormatException.class,
                () -> CommandSet.decode(bytes, 0, bytes.length));
        assertTrue(e.getMessage().contains("(0008,0018)"), e.getMessage());
    }

    @Test
    void rejectsValueLengthPastEnd() {
        byte[] bytes = HEX.parseHex("00000001" + "F0FFFFFF" + "3000");

        DimseFormatException e = assertThrows(DimseFormatException.class,
                () -> CommandSet.decode(bytes, 0, bytes.length));
        assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());
    }

    @Test
    void rejectsTruncatedHeaderAndWrongNumericLength() {
        byte[] truncated = HEX.parseHex("000000");
        byte[] wrongLength = HEX.parseHex("00000001" + "04000000" + "30000000");

        assertThrows(DimseFormatException.class, () -> CommandSet.decode(truncated, 0, truncated.length));
        assertThrows(DimseFormatException.class, () -> CommandSet.decode(wrongLength, 0, wrongLength.length));
    }
}
