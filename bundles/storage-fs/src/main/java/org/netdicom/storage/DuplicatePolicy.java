package org.netdicom.storage;

import java.util.Locale;

/**
 * What a C-STORE of a SOP Instance UID that is already stored does. PS3.4 B.2.2 leaves it to the
 * SCP (a conformance statement says which); PS3.4 B.2.3 has no status for "already stored".
 */
public enum DuplicatePolicy {
    /**
     * The new instance replaces the stored one (atomically: the old file stays until the new one is
     * complete) and its index row; Success. The default: a peer re-sends a corrected instance
     * under its UID, and a re-send after a lost response stores the same thing again.
     */
    OVERWRITE,
    /**
     * The stored instance stays, the new one is dropped; Success (0000), since an instance with this
     * UID is stored, so a re-send after a lost response does not fail. Logged.
     */
    KEEP_FIRST,
    /**
     * The new instance is stored next to the old one under a unique file name ({@code name_2.dcm},
     * {@code name_3.dcm}, ...) and the index row points to the newest; the older files stay on disk
     * unindexed (the reconciliation leaves them alone while the indexed file exists). Success.
     */
    KEEP_BOTH,
    /**
     * The new instance is refused with 0111 (Duplicate SOP Instance, PS3.7 C.5.7): a failure, so the
     * peer learns nothing was stored. Not a code of PS3.4 B.2.3; for sites that want to see re-sends.
     */
    REJECT;

    /** The policy named {@code text} ({@code overwrite}, {@code keep-first}, {@code KEEP_BOTH}, ...). */
    public static DuplicatePolicy parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("duplicates '" + text + "': one of overwrite, keep-first, keep-both, reject");
        }
    }
}
