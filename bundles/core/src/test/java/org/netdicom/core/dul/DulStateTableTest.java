package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Checks the transition table against a second, independent transcription of PS3.8 Table 9-10,
 * organised by action ("which state/event cells trigger AA-8") rather than by row, so that a slip in
 * either one shows up as a difference.
 */
class DulStateTableTest {

    private static final String[][] TRIGGERS = {
            {"AE-1", "Sta1:Evt1"},
            {"AE-2", "Sta4:Evt2"},
            {"AE-3", "Sta5:Evt3"},
            {"AE-4", "Sta5:Evt4"},
            {"AE-5", "Sta1:Evt5"},
            {"AE-6", "Sta2:Evt6"},
            {"AE-7", "Sta3:Evt7"},
            {"AE-8", "Sta3:Evt8"},
            {"DT-1", "Sta6:Evt9"},
            {"DT-2", "Sta6:Evt10"},
            {"AR-1", "Sta6:Evt11"},
            {"AR-2", "Sta6:Evt12"},
            {"AR-3", "Sta7:Evt13 Sta11:Evt13"},
            {"AR-4", "Sta8:Evt14 Sta12:Evt14"},
            {"AR-5", "Sta13:Evt17 Sta13:Evt18"},
            {"AR-6", "Sta7:Evt10"},
            {"AR-7", "Sta8:Evt9"},
            {"AR-8", "Sta7:Evt12"},
            {"AR-9", "Sta9:Evt14"},
            {"AR-10", "Sta10:Evt13"},
            {"AA-1", "Sta2:Evt3 Sta2:Evt4 Sta2:Evt10 Sta2:Evt12 Sta2:Evt13 Sta2:Evt19 "
                    + "Sta3:Evt15 Sta5:Evt15 Sta6:Evt15 Sta7:Evt15 Sta8:Evt15 Sta9:Evt15 Sta10:Evt15 "
                    + "Sta11:Evt15 Sta12:Evt15"},
            {"AA-2", "Sta2:Evt16 Sta2:Evt18 Sta4:Evt15 Sta13:Evt16"},
            {"AA-3", "Sta3:Evt16 Sta5:Evt16 Sta6:Evt16 Sta7:Evt16 Sta8:Evt16 Sta9:Evt16 Sta10:Evt16 "
                    + "Sta11:Evt16 Sta12:Evt16"},
            {"AA-4", "Sta3:Evt17 Sta4:Evt17 Sta5:Evt17 Sta6:Evt17 Sta7:Evt17 Sta8:Evt17 Sta9:Evt17 "
                    + "Sta10:Evt17 Sta11:Evt17 Sta12:Evt17"},
            {"AA-5", "Sta2:Evt17"},
            {"AA-6", "Sta13:Evt3 Sta13:Evt4 Sta13:Evt10 Sta13:Evt12 Sta13:Evt13"},
            {"AA-7", "Sta13:Evt6 Sta13:Evt19"},
            {"AA-8", "Sta3:Evt3 Sta6:Evt3 Sta7:Evt3 Sta8:Evt3 Sta9:Evt3 Sta10:Evt3 Sta11:Evt3 Sta12:Evt3 "
                    + "Sta3:Evt4 Sta6:Evt4 Sta7:Evt4 Sta8:Evt4 Sta9:Evt4 Sta10:Evt4 Sta11:Evt4 Sta12:Evt4 "
                    + "Sta3:Evt6 Sta5:Evt6 Sta6:Evt6 Sta7:Evt6 Sta8:Evt6 Sta9:Evt6 Sta10:Evt6 Sta11:Evt6 Sta12:Evt6 "
                    + "Sta3:Evt10 Sta5:Evt10 Sta8:Evt10 Sta9:Evt10 Sta10:Evt10 Sta11:Evt10 Sta12:Evt10 "
                    + "Sta3:Evt12 Sta5:Evt12 Sta8:Evt12 Sta9:Evt12 Sta10:Evt12 Sta11:Evt12 Sta12:Evt12 "
                    + "Sta3:Evt13 Sta5:Evt13 Sta6:Evt13 Sta8:Evt13 Sta9:Evt13 Sta12:Evt13 "
                    + "Sta3:Evt19 Sta5:Evt19 Sta6:Evt19 Sta7:Evt19 Sta8:Evt19 Sta9:Evt19 Sta10:Evt19 Sta11:Evt19 "
                    + "Sta12:Evt19"},
    };

    @Test
    void everyCellMatchesTheStandardsTable() {
        Map<String, String> expected = new HashMap<>();
        for (String[] trigger : TRIGGERS) {
            for (String cell : trigger[1].split(" ")) {
                assertNull(expected.put(cell, trigger[0]), "cell listed twice: " + cell);
            }
        }
        int filled = 0;
        for (DulState state : DulState.values()) {
            for (DulEvent event : DulEvent.values()) {
                DulAction action = DulStateTable.action(state, event);
                String cell = state.code() + ":" + event.code();
                assertEquals(expected.get(cell), action == null ? null : action.code(), cell);
                if (action != null) {
                    filled++;
                }
            }
        }
        assertEquals(expected.size(), filled);
    }

    @Test
    void actionsLeadToTheStatesTheStandardNames() {
        assertEquals(DulState.STA6, DulAction.AE_7.nextState());
        assertEquals(DulState.STA13, DulAction.AA_8.nextState());
        assertEquals(DulState.STA1, DulAction.AR_5.nextState());
        assertEquals(DulState.STA12, DulAction.AR_10.nextState());
        assertEquals("AR-10", DulAction.AR_10.code());
        assertEquals("Sta13", DulState.STA13.code());
        assertEquals("Evt19", DulEvent.EVT19.code());
    }
}
