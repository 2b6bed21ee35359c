package org.netdicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VRTest {

    @Test
    void hasAllThirtyFourVrsOfPs35() {
        assertEquals(34, VR.values().length);
    }

    @Test
    void explicitLengthFieldIsFourBytesExactlyForTable712Vrs() {
        // PS3.5 7.1.2: these VRs have 2 reserved bytes and a 32-bit length
        Set<VR> longOnes = EnumSet.of(VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.SQ, VR.SV,
                VR.UC, VR.UN, VR.UR, VR.UT, VR.UV);
        for (VR vr : VR.values()) {
            assertEquals(longOnes.contains(vr), vr.hasLongLength(), vr.name());
            assertEquals(longOnes.contains(vr) ? 4 : 2, vr.lengthFieldSize(), vr.name());
        }
    }

    @Test
    void padsUiAndBinaryWithNulAndTextWithSpace() {
        assertEquals(0, VR.UI.padding());
        assertEquals(0, VR.OB.padding());
        for (VR vr : VR.values()) {
            if (vr.isString() && vr != VR.UI) {
                assertEquals(' ', vr.padding(), vr.name());
            }
        }
    }

    @Test
    void looksUpByTheTwoBytesOnTheWire() {
        for (VR vr : VR.values()) {
            assertSame(vr, VR.of(vr.name().charAt(0), vr.name().charAt(1)));
            assertSame(vr, VR.of(vr.name()));
            assertEquals(vr.name().charAt(0), vr.code() >> 8);
        }
        assertNull(VR.of('X', 'X'));
        assertNull(VR.of(0, 0));
        assertNull(VR.of("ox"));
    }

    @Test
    void binaryUnitSizesDriveByteSwapping() {
        assertEquals(2, VR.US.unitSize());
        assertEquals(2, VR.AT.unitSize());
        assertEquals(2, VR.OW.unitSize());
        assertEquals(4, VR.FL.unitSize());
        assertEquals(4, VR.OL.unitSize());
        assertEquals(8, VR.FD.unitSize());
        assertEquals(8, VR.SV.unitSize());
        assertEquals(8, VR.UV.unitSize());
        assertEquals(8, VR.OV.unitSize());
        assertEquals(1, VR.OB.unitSize());
        assertEquals(1, VR.UN.unitSize());
    }

    @Test
    void maxLengthsFollowTable621() {
        assertEquals(16, VR.AE.maxLength());
        assertEquals(64, VR.LO.maxLength());
        assertEquals(64, VR.UI.maxLength());
        assertEquals(10240, VR.LT.maxLength());
        assertEquals(1024, VR.ST.maxLength());
        assertEquals(26, VR.DT.maxLength());
        assertEquals(-1, VR.UT.maxLength());
    }

    @Test
    void checksCharacterRepertoireAndLengthOfOneValue() {
        assertTrue(VR.CS.isValid("ORIGINAL_1"));
        assertFalse(VR.CS.isValid("original"));
        assertTrue(VR.AE.isValid("STORESCP"));
        assertFalse(VR.AE.isValid("A_VERY_LONG_AE_TITLE"));
        assertTrue(VR.DS.isValid("-1.5E3"));
        assertFalse(VR.DS.isValid("1,5"));
        assertTrue(VR.IS.isValid("+42"));
        assertFalse(VR.IS.isValid("4.2"));
        assertTrue(VR.DA.isValid("20240131"));
        assertFalse(VR.DA.isValid("2024013"));
        assertTrue(VR.AS.isValid("045Y"));
        assertFalse(VR.AS.isValid("45Y"));
        assertTrue(VR.UI.isValid("1.2.3"));
        assertFalse(VR.UI.isValid("1.2.x"));
        assertTrue(VR.PN.isValid("Yamada^Tarou=山田^太郎=やまだ^たろう"));
        assertFalse(VR.PN.isValid("a=b=c=d"));
        assertFalse(VR.LO.isValid("a\\b"));
        assertTrue(VR.LT.isValid("line\r\nwith\\backslash"));
        assertTrue(VR.TM.isValid("101530.123456"));
    }
}
