package org.netdicom.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;

/** Responses echo what PS3.7 requires of their request. */
class ResponsesTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @Test
    void encodesAStoreResponseByteExact() {
        CommandSet request = new CommandSet().put(CommandTag.AFFECTED_SOP_CLASS_UID, CT)
                .put(CommandTag.COMMAND_FIELD, CommandField.C_STORE_RQ).put(CommandTag.MESSAGE_ID, 5)
                .put(CommandTag.PRIORITY, 0).put(CommandTag.COMMAND_DATA_SET_TYPE, 0)
                .put(CommandTag.AFFECTED_SOP_INSTANCE_UID, "1.2.3.4");
        String expected = "00000000" + "04000000" + "5a000000"     // group length: 90 bytes follow
                + "00000200" + "1a000000" + HEX.formatHex(CT.getBytes()) + "00"
                + "00000001" + "02000000" + "0180"                // C-STORE-RSP
                + "00002001" + "02000000" + "0500"                // Message ID Being Responded To 5
                + "00000008" + "02000000" + "0101"                // no data set
                + "00000009" + "02000000" + "00a7"                // Status 0xA700
                + "00000010" + "08000000" + HEX.formatHex("1.2.3.4".getBytes()) + "00";
        assertEquals(expected, HEX.formatHex(Responses.to(request, 0xA700).encode()));
    }
}
