package org.netdicom.core.pdu;

import java.util.List;
import java.util.Objects;

/**
 * SOP Class Common Extended Negotiation sub-item (0x57, PS3.7 D.3.3.6). The encoder writes
 * Sub-Item-version 0. The decoder accepts any version: it reads the version 0 fields and skips
 * whatever follows them inside the item, which is where a later version would add its fields.
 *
 * @param relatedGeneralSopClassUids zero or more related general SOP class UIDs
 */
public record SopClassCommonExtendedNegotiation(String sopClassUid, String serviceClassUid,
        List<String> relatedGeneralSopClassUids) {

    /** The Sub-Item-version this implementation sends. */
    public static final int SUB_ITEM_VERSION = 0;

    public SopClassCommonExtendedNegotiation {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(serviceClassUid, "serviceClassUid");
        relatedGeneralSopClassUids = List.copyOf(relatedGeneralSopClassUids);
    }
}
