package org.netdicom.core.association;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/** The C-STORE-RQ we send (PS3.7 9.3.1.1, E.1) and the context we send it on. */
class StoreRequestTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String JPEG = "1.2.840.10008.1.2.4.50";

    private static Dataset ct() {
        return new Dataset().setString(Tag.SOP_CLASS_UID, VR.UI, CT).setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.3.4");
    }

    @Test
    void encodesAMoveSubOperationRequestByteExact() {
        StoreRequest store = StoreRequest.of(ct(), null).movedFor("MOVESCU", 7);
        CommandSet command = store.command(new PresentationContext(1, CT, IMPLICIT)).put(CommandTag.MESSAGE_ID, 5);
        String expected = "00000000" + "04000000" + "74000000"     // group length: 116 bytes follow
                + "00000200" + "1a000000" + HEX.formatHex(CT.getBytes()) + "00" // Affected SOP Class, NUL-padded
                + "00000001" + "02000000" + "0100"                // Command Field: C-STORE-RQ
                + "00001001" + "02000000" + "0500"                // Message ID 5
                + "00000007" + "02000000" + "0000"                // Priority: medium
                + "00000008" + "02000000" + "0000"                // Command Data Set Type: present
                + "00000010" + "08000000" + HEX.formatHex("1.2.3.4".getBytes()) + "00" // Affected SOP Instance
                + "00003010" + "08000000" + HEX.formatHex("MOVESCU ".getBytes())       // Move Originator AE, space-padded
                + "00003110" + "02000000" + "0700";               // Move Originator Message ID 7
        assertEquals(expected, HEX.formatHex(command.encode()));
    }

    @Test
    void prefersTheDataSyntaxThenExplicitLittleEndianAmongUncompressedContexts() throws AssociationException {
        List<PresentationContext> accepted = List.of(new PresentationContext(1, CT, IMPLICIT),
                new PresentationContext(3, CT, EXPLICIT), new PresentationContext(5, CT, JPEG));
        assertEquals(3, StoreRequest.of(ct(), null).chooseContext(accepted, false).id());
        assertEquals(1, StoreRequest.of(ct(), IMPLICIT).chooseContext(accepted, false).id());
        assertEquals(5, StoreRequest.of(ct(), JPEG).chooseContext(accepted, false).id());
    }

    @Test
    void compressedDataNeedTheirOwnSyntaxAndRolesCount() {
        List<PresentationContext> accepted = List.of(new PresentationContext(1, CT, IMPLICIT));
        AssociationException e = assertThrows(AssociationException.class,
                () -> StoreRequest.of(ct(), JPEG).chooseContext(accepted, false));
        assertTrue(e.getMessage().contains("CT Image Storage"), e.getMessage());
        // As acceptor (C-GET sub-operations) we may store only where the requestor took the SCP role.
        assertThrows(AssociationException.class, () -> StoreRequest.of(ct(), null).chooseContext(accepted, true));
        assertEquals(1, assertDoesNotThrow(() -> StoreRequest.of(ct(), null)
                .chooseContext(List.of(new PresentationContext(1, CT, IMPLICIT, false, true)), true)).id());
    }
}
