package org.netdicom.core.dul;

import static org.netdicom.core.dul.DulAction.*;
import static org.netdicom.core.dul.DulEvent.*;

import java.util.EnumMap;
import java.util.Map;

/**
 * PS3.8 Table 9-10, the DICOM Upper Layer state transition table, laid out as in the standard: a
 * row per event, a column per state, the action in each cell. {@code __} marks the cells the
 * standard leaves empty (the event cannot occur in that state).
 */
public final class DulStateTable {

    private static final DulAction __ = null;
    private static final Map<DulEvent, DulAction[]> TABLE = new EnumMap<>(DulEvent.class);

    static {
        //           Sta1  Sta2  Sta3  Sta4  Sta5  Sta6  Sta7  Sta8  Sta9  Sta10  Sta11 Sta12 Sta13
        row(EVT1,    AE_1, __,   __,   __,   __,   __,   __,   __,   __,   __,    __,   __,   __);
        row(EVT2,    __,   __,   __,   AE_2, __,   __,   __,   __,   __,   __,    __,   __,   __);
        row(EVT3,    __,   AA_1, AA_8, __,   AE_3, AA_8, AA_8, AA_8, AA_8, AA_8,  AA_8, AA_8, AA_6);
        row(EVT4,    __,   AA_1, AA_8, __,   AE_4, AA_8, AA_8, AA_8, AA_8, AA_8,  AA_8, AA_8, AA_6);
        row(EVT5,    AE_5, __,   __,   __,   __,   __,   __,   __,   __,   __,    __,   __,   __);
        row(EVT6,    __,   AE_6, AA_8, __,   AA_8, AA_8, AA_8, AA_8, AA_8, AA_8,  AA_8, AA_8, AA_7);
        row(EVT7,    __,   __,   AE_7, __,   __,   __,   __,   __,   __,   __,    __,   __,   __);
        row(EVT8,    __,   __,   AE_8, __,   __,   __,   __,   __,   __,   __,    __,   __,   __);
        row(EVT9,    __,   __,   __,   __,   __,   DT_1, __,   AR_7, __,   __,    __,   __,   __);
        row(EVT10,   __,   AA_1, AA_8, __,   AA_8, DT_2, AR_6, AA_8, AA_8, AA_8,  AA_8, AA_8, AA_6);
        row(EVT11,   __,   __,   __,   __,   __,   AR_1, __,   __,   __,   __,    __,   __,   __);
        row(EVT12,   __,   AA_1, AA_8, __,   AA_8, AR_2, AR_8, AA_8, AA_8, AA_8,  AA_8, AA_8, AA_6);
        row(EVT13,   __,   AA_1, AA_8, __,   AA_8, AA_8, AR_3, AA_8, AA_8, AR_10, AR_3, AA_8, AA_6);
        row(EVT14,   __,   __,   __,   __,   __,   __,   __,   AR_4, AR_9, __,    __,   AR_4, __);
        row(EVT15,   __,   __,   AA_1, AA_2, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1,  AA_1, AA_1, __);
        row(EVT16,   __,   AA_2, AA_3, __,   AA_3, AA_3, AA_3, AA_3, AA_3, AA_3,  AA_3, AA_3, AA_2);
        row(EVT17,   __,   AA_5, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4,  AA_4, AA_4, AR_5);
        row(EVT18,   __,   AA_2, __,   __,   __,   __,   __,   __,   __,   __,    __,   __,   AR_5);
        row(EVT19,   __,   AA_1, AA_8, __,   AA_8, AA_8, AA_8, AA_8, AA_8, AA_8,  AA_8, AA_8, AA_7);
    }

    private DulStateTable() {
    }

    /** The action for {@code event} in {@code state}, or null where the standard's cell is empty. */
    public static DulAction action(DulState state, DulEvent event) {
        return TABLE.get(event)[state.ordinal()];
    }

    private static void row(DulEvent event, DulAction... actions) {
        if (actions.length != DulState.values().length) {
            throw new AssertionError("row " + event + " has " + actions.length + " cells");
        }
        TABLE.put(event, actions);
    }
}
