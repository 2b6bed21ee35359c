package org.netdicom.qr;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

class MoveDestinationsTest {

    @Test
    void parsesConfigurationThenEnvironmentWhichWins() {
        MoveDestinations d = MoveDestinations.parse(List.of("STORESCP@10.0.0.5:11113, VIEWER@viewer.local:104/tls",
                "PACS@[::1]:4242"), "STORESCP@127.0.0.1:2000");
        assertEquals(new MoveDestination("STORESCP", "127.0.0.1", 2000, false), d.lookup("STORESCP").orElseThrow());
        assertEquals(new MoveDestination("VIEWER", "viewer.local", 104, true), d.lookup("VIEWER ").orElseThrow());
        assertEquals("::1", d.lookup("PACS").orElseThrow().host());
        assertTrue(d.lookup("storescp").isEmpty(), "AE titles are case-sensitive");
        assertTrue(d.lookup(null).isEmpty());
    }

    @Test
    void rejectsMalformedEntriesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MoveDestinations.parse(List.of("STORESCP:11113"), null));
        assertTrue(e.getMessage().contains("STORESCP:11113"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MoveDestination.parse("A@host:0"));
        assertThrows(IllegalArgumentException.class, () -> MoveDestination.parse("A@host:x"));
        assertThrows(IllegalArgumentException.class, () -> MoveDestination.parse("THIS_TITLE_IS_TOO_LONG@h:1"));
    }
}
