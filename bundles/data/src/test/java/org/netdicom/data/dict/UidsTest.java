package org.netdicom.data.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UidsTest {

    @Test
    void generatedUidsAreValidDistinctAndUnderTheUuidRoot() {
        String a = Uids.generate();
        String b = Uids.generate();
        assertTrue(a.startsWith("2.25."), a);
        assertTrue(Uids.isValid(a), a);
        assertTrue(a.length() <= 44, a);
        assertNotEquals(a, b);
    }

    @Test
    void uuidBecomesItsUnsigned128BitDecimalValue() {
        // PS3.5 B.2 example
        assertEquals("2.25.329800735698586629295641978511506172918",
                Uids.fromUuid(UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")));
        assertEquals("2.25.0", Uids.fromUuid(new UUID(0, 0)));
        assertEquals("2.25.340282366920938463463374607431768211455", Uids.fromUuid(new UUID(-1, -1)));
    }

    @Test
    void implementationClassUidIsValid() {
        assertTrue(Uids.isValid(Uids.IMPLEMENTATION_CLASS_UID));
        assertTrue(Uids.IMPLEMENTATION_VERSION_NAME.length() <= 16);
    }

    @Test
    void acceptsValidUids() {
        assertTrue(Uids.isValid("1.2.840.10008.1.2"));
        assertTrue(Uids.isValid("1.2.0.3"));
        assertTrue(Uids.isValid("0"));
        assertTrue(Uids.isValid("1." + "2".repeat(62)));
    }

    @Test
    void rejectsLeadingZerosEmptyComponentsBadCharactersAndLength() {
        assertFalse(Uids.isValid("1.02.3"));
        assertFalse(Uids.isValid("1..3"));
        assertFalse(Uids.isValid(".1.3"));
        assertFalse(Uids.isValid("1.3."));
        assertFalse(Uids.isValid("1.2.a"));
        assertFalse(Uids.isValid("1.2 "));
        assertFalse(Uids.isValid(""));
        assertFalse(Uids.isValid(null));
        assertFalse(Uids.isValid("1." + "2".repeat(63)));
        assertEquals("component with leading zero at index 2", Uids.problem("1.02.3"));
    }
}
