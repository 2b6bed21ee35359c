package org.netdicom.core.api;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The lookup behind the meanings: single codes before ranges, and no table with a code twice. */
class StatusTableTest {

    private final StatusTable table = StatusTable.builder()
            .range(0xC000, 0xCFFF, "range")
            .code(0xC307, "single")
            .build();

    @Test
    void findsASingleCodeBeforeTheRangeHoldingIt() {
        assertEquals("single", table.find(0xC307));
        assertEquals("range", table.find(0xC306));
    }

    @Test
    void findsTheEndsOfARangeAndNothingOutside() {
        assertEquals("range", table.find(0xC000));
        assertEquals("range", table.find(0xCFFF));
        assertNull(table.find(0xBFFF));
        assertNull(table.find(0xD000));
        assertNull(StatusTable.EMPTY.find(0x0000));
    }

    @Test
    void includesAnotherTableWhole() {
        StatusTable bigger = StatusTable.builder().include(table).code(0xA900, "other").build();
        assertEquals("single", bigger.find(0xC307));
        assertEquals("range", bigger.find(0xC001));
        assertEquals("other", bigger.find(0xA900));
    }

    @Test
    void rejectsACodeGivenTwice() {
        StatusTable.Builder builder = StatusTable.builder().code(0xB000, "first");
        assertThrows(IllegalStateException.class, () -> builder.code(0xB000, "second"));
        assertThrows(IllegalStateException.class, () -> StatusTable.builder().include(table).code(0xC307, "again"));
    }

    @Test
    void rejectsOverlappingRanges() {
        StatusTable.Builder builder = StatusTable.builder().range(0xA700, 0xA7FF, "first");
        assertThrows(IllegalStateException.class, () -> builder.range(0xA7FF, 0xA8FF, "second"));
        assertThrows(IllegalStateException.class, () -> builder.range(0xA000, 0xA700, "third"));
    }
}
