package org.netdicom.data.dict;

/**
 * One registered UID of PS3.6 Annex A.
 *
 * @param uid the UID, e.g. {@code 1.2.840.10008.5.1.4.1.1.2}
 * @param type what the UID identifies
 * @param keyword the keyword of PS3.6, e.g. {@code CTImageStorage}
 * @param name the name of PS3.6, e.g. {@code CT Image Storage}
 * @param retired true if the standard has retired it
 */
public record UidEntry(String uid, UidType type, String keyword, String name, boolean retired) {
}
