package org.netdicom.index;

import java.util.Locale;

/** The Query/Retrieve Level (0008,0052) of an identifier (PS3.4 C.3). */
public enum QueryLevel {
    PATIENT, STUDY, SERIES, IMAGE;

    /**
     * The level named by a Query/Retrieve Level value ({@code "STUDY"}; trailing padding allowed).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static QueryLevel of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("Query/Retrieve Level (0008,0052) is missing");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown Query/Retrieve Level (0008,0052) '" + value.strip() + "'");
        }
    }
}
