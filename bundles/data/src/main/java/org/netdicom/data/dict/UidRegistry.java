package org.netdicom.data.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of DICOM UIDs of PS3.6 Annex A: transfer syntaxes with their properties, SOP
 * classes, meta SOP classes, well-known SOP instances and frames of reference, the application
 * context name and coding schemes, each with keyword and name. Loaded once, when first needed,
 * from the resource {@code uids.tsv}; look-ups are constant time and thread-safe.
 */
public final class UidRegistry {

    /**
     * The tables, read from {@code uids.tsv} when first needed. The transfer syntaxes a codec
     * handles natively are answered without them ({@link TransferSyntax#predefined}): reading and
     * writing files of those never loads the registry, which took 7 ms of a fresh JVM's start
     * (finding the resource 3.7 ms, the parsing the rest).
     */
    private static final class Tables {
        static final Map<String, UidEntry> BY_UID = new HashMap<>(512);
        static final Map<String, UidEntry> BY_KEYWORD = new HashMap<>(512);
        static final Map<String, TransferSyntax> TRANSFER_SYNTAXES = new HashMap<>(128);
        static final List<UidEntry> ENTRIES;

        static {
            List<UidEntry> list = new ArrayList<>(400);
            try (InputStream in = UidRegistry.class.getResourceAsStream("uids.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("UID resource missing: uids.tsv");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isEmpty() || line.charAt(0) == '#') {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    if (f.length != 5) {
                        throw new IllegalStateException("uids.tsv line has " + f.length + " fields: " + line);
                    }
                    UidType type = UidType.ofCode(f[1]);
                    UidEntry e = new UidEntry(f[0], type, f[3], f[4], f[2].indexOf('R') >= 0);
                    list.add(e);
                    BY_UID.put(e.uid(), e);
                    BY_KEYWORD.put(e.keyword(), e);
                    if (type == UidType.TRANSFER_SYNTAX) {
                        TransferSyntax predefined = TransferSyntax.predefined(e.uid());
                        TransferSyntax ts = new TransferSyntax(e, f[2]);
                        if (predefined != null && !sameProperties(predefined, ts)) {
                            throw new IllegalStateException("uids.tsv disagrees with TransferSyntax on " + e.uid());
                        }
                        TRANSFER_SYNTAXES.put(e.uid(), predefined != null ? predefined : ts);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ENTRIES = Collections.unmodifiableList(list);
        }
    }

    private UidRegistry() {
    }

    private static boolean sameProperties(TransferSyntax a, TransferSyntax b) {
        return a.isExplicitVr() == b.isExplicitVr() && a.isBigEndian() == b.isBigEndian()
                && a.isDeflated() == b.isDeflated() && a.isEncapsulated() == b.isEncapsulated()
                && a.isRetired() == b.isRetired() && a.keyword().equals(b.keyword());
    }

    /** The entry for a UID, or {@code null} if the UID is not registered in PS3.6. */
    public static UidEntry entry(String uid) {
        return Tables.BY_UID.get(uid);
    }

    /** The entry for a keyword such as {@code CTImageStorage}, or {@code null}. */
    public static UidEntry entryByKeyword(String keyword) {
        return Tables.BY_KEYWORD.get(keyword);
    }

    /** The name of a registered UID, or the UID itself if it is not registered. */
    public static String nameOf(String uid) {
        UidEntry e = Tables.BY_UID.get(uid);
        return e == null ? uid : e.name();
    }

    /** The registered transfer syntax with this UID, or {@code null}. */
    public static TransferSyntax transferSyntax(String uid) {
        TransferSyntax ts = TransferSyntax.predefined(uid);
        return ts != null ? ts : Tables.TRANSFER_SYNTAXES.get(uid);
    }

    /**
     * The transfer syntax with this UID; an unregistered UID gives a transfer syntax with the
     * properties PS3.5 implies for unknown ones (Explicit VR Little Endian, encapsulated).
     */
    public static TransferSyntax transferSyntaxOrUnknown(String uid) {
        TransferSyntax ts = transferSyntax(uid);
        return ts != null ? ts : TransferSyntax.unknown(uid);
    }

    /** All registered transfer syntaxes. */
    public static Collection<TransferSyntax> transferSyntaxes() {
        return Collections.unmodifiableCollection(Tables.TRANSFER_SYNTAXES.values());
    }

    /** All registered UIDs in the order of PS3.6 Annex A. */
    public static List<UidEntry> entries() {
        return Tables.ENTRIES;
    }
}
