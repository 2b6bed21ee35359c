package org.netdicom.storage.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathComponentTest {

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "..", ".", "...", "/", "//", "\\", "..\\..\\windows", "/etc/passwd",
            "a/../../b", ".hidden", "\u0000", "a\u0000b", "x\ny", "\t", "C:\\x", "a:b", "a*b?c<d>e|f\"g",
            "CON", "con.txt", "LPT1", "nul", "com9.dcm", "trailing.", "~root", "$HOME", "%2e%2e%2f",
            "\u202e\u0000..", "\u2215etc\u2215passwd", "．．／"})
    void maliciousValuesBecomeOneHarmlessName(String value) {
        String name = PathComponent.of(value);

        assertFalse(name.isEmpty(), value);
        assertFalse(name.startsWith("."), "no hidden file or dot name: " + name);
        assertFalse(name.endsWith("."), name);
        assertTrue(name.matches("[A-Za-z0-9._-]+"), name);
        assertFalse(name.contains(".."), name);
        Path root = Path.of("/srv/storage");
        Path resolved = root.resolve(name).normalize();
        assertEquals(root, resolved.getParent(), "stays one level below the root: " + resolved);
        assertTrue(PathComponent.isSafe(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "Prn.dcm", "aux", "COM1", "lpt9.txt"})
    void windowsReservedNamesArePrefixed(String value) {
        assertTrue(PathComponent.of(value).startsWith("_"), PathComponent.of(value));
    }

    @ParameterizedTest
    @CsvSource({"1.2.840.10008.5.1.4.1.1.2, 1.2.840.10008.5.1.4.1.1.2", "PAT-0042_x, PAT-0042_x",
            "'  P1  ', P1", "Müller, M_ller", "a b, a_b"})
    void validValuesStayAndOthersAreReplacedCharacterByCharacter(String value, String expected) {
        assertEquals(expected, PathComponent.of(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   "})
    void emptyValuesBecomeUnknown(String value) {
        assertEquals(PathComponent.UNKNOWN, PathComponent.of(value));
        assertEquals(PathComponent.UNKNOWN, PathComponent.of(null));
    }

    @org.junit.jupiter.api.Test
    void overLongValuesAreCutAndKeepADistinguishingHash() {
        String a = "1".repeat(300);
        String b = "1".repeat(299) + "2";

        assertEquals(PathComponent.MAX_LENGTH, PathComponent.of(a).length());
        assertNotEquals(PathComponent.of(a), PathComponent.of(b));
        assertEquals(PathComponent.of(a), PathComponent.of(a));
    }
}
