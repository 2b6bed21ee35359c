package org.netdicom.tools.scp;

import java.util.ArrayList;
import java.util.List;

import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.tools.common.TransferSyntaxNames;

/**
 * The transfer syntaxes a storage SCP here accepts, in order of preference: the uncompressed ones
 * (Explicit VR LE first), then every encapsulated one in the registry, since the instance is
 * written as received and needs no codec.
 */
public final class StorageSyntaxes {

    private StorageSyntaxes() {
    }

    /** {@code preferred} (names or UIDs) if given, else the default list. */
    public static String[] accepted(List<String> preferred) {
        if (!preferred.isEmpty()) {
            return TransferSyntaxNames.uids(preferred).toArray(String[]::new);
        }
        List<String> uids = new ArrayList<>(List.of(TransferSyntaxNames.EXPLICIT, TransferSyntaxNames.IMPLICIT,
                TransferSyntaxNames.DEFLATED, TransferSyntaxNames.BIG));
        for (TransferSyntax ts : UidRegistry.transferSyntaxes()) {
            if (ts.isEncapsulated() && !ts.isRetired() && !uids.contains(ts.uid())) {
                uids.add(ts.uid());
            }
        }
        return uids.toArray(String[]::new);
    }
}
