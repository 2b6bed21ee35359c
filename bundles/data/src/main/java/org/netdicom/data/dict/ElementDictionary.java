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
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.internal.IntMap;

/**
 * The standard data dictionary: every public attribute of PS3.6, the command group 0000 of PS3.7
 * and the file meta group 0002, looked up by tag or by keyword in constant time. Loaded once from
 * the generated resource {@code elements.tsv} (see the module README for how it is regenerated).
 *
 * <p>Besides the listed entries it knows, from the tag alone: group length elements (gggg,0000),
 * which are UL, and private creator elements (gggg,0010-00FF) in odd groups, which are LO. Private
 * data elements have no entry; their creator is found in the dataset that holds them
 * ({@code Dataset.privateCreator(int)}). Instances are immutable and safe to share between threads.
 */
public final class ElementDictionary {
    private static final String RESOURCE = "elements.tsv";

    private final IntMap<DictionaryEntry> byTag;
    /** For each distinct mask of the repeating entries, those entries keyed by {@code tag & mask}. */
    private final int[] masks;
    private final List<IntMap<DictionaryEntry>> byMaskedTag;
    private final Map<String, DictionaryEntry> byKeyword;
    private final List<DictionaryEntry> entries;

    private ElementDictionary(List<DictionaryEntry> entries) {
        this.entries = Collections.unmodifiableList(entries);
        byTag = new IntMap<>(entries.size());
        byKeyword = new HashMap<>(entries.size() * 2);
        List<Integer> maskList = new ArrayList<>();
        List<IntMap<DictionaryEntry>> maskMaps = new ArrayList<>();
        for (DictionaryEntry e : entries) {
            if (e.mask() == -1) {
                byTag.put(e.tag(), e);
            } else {
                int i = maskList.indexOf(e.mask());
                if (i < 0) {
                    maskList.add(e.mask());
                    maskMaps.add(new IntMap<>(64));
                    i = maskList.size() - 1;
                }
                maskMaps.get(i).put(e.tag(), e);
            }
            // PS3.6 keeps keywords unique; a later entry of the file wins as in DCMTK
            byKeyword.put(e.keyword(), e);
        }
        masks = maskList.stream().mapToInt(Integer::intValue).toArray();
        byMaskedTag = List.copyOf(maskMaps);
    }

    private static final class Holder {
        static final ElementDictionary STANDARD = load();
    }

    /** The standard dictionary, loaded on first use. */
    public static ElementDictionary standard() {
        return Holder.STANDARD;
    }

    private static ElementDictionary load() {
        try (InputStream in = ElementDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("dictionary resource missing: " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a dictionary in the format that {@code DictionaryGenerator} writes. */
    public static ElementDictionary parse(BufferedReader reader) throws IOException {
        List<DictionaryEntry> list = new ArrayList<>(6000);
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                throw new IOException("dictionary line has " + f.length + " fields: " + line);
            }
            String tagText = f[0];
            int slash = tagText.indexOf('/');
            int tag = Integer.parseUnsignedInt(slash < 0 ? tagText : tagText.substring(0, slash), 16);
            int mask = slash < 0 ? -1 : Integer.parseUnsignedInt(tagText.substring(slash + 1), 16);
            List<VR> vrs = new ArrayList<>(2);
            for (String code : f[1].split("/")) {
                VR vr = VR.of(code);
                if (vr == null) {
                    throw new IOException("unknown VR " + code + " in dictionary line: " + line);
                }
                vrs.add(vr);
            }
            list.add(new DictionaryEntry(tag, mask, vrs, f[2], f[3].equals("R"), f[4]));
        }
        return new ElementDictionary(list);
    }

    /**
     * The entry for a tag, including repeating groups, group lengths and private creators, or
     * {@code null} if the tag is unknown (for instance a private data element).
     */
    public DictionaryEntry entry(int tag) {
        DictionaryEntry e = byTag.get(tag);
        if (e != null) {
            return e;
        }
        for (int i = 0; i < masks.length; i++) {
            e = byMaskedTag.get(i).get(tag & masks[i]);
            if (e != null) {
                return e;
            }
        }
        // derived entries are rare (group lengths, private creators): built per call, not cached
        if (Tag.isGroupLength(tag)) {
            return new DictionaryEntry(tag, -1, List.of(VR.UL), "1", false, "GroupLength");
        }
        if (Tag.isPrivateCreator(tag)) {
            return new DictionaryEntry(tag, -1, List.of(VR.LO), "1", false, "PrivateCreator");
        }
        return null;
    }

    /** The entry for a keyword such as {@code PatientName}, or {@code null}. */
    public DictionaryEntry entry(String keyword) {
        return byKeyword.get(keyword);
    }

    /** The tag for a keyword, or -1 if the keyword is unknown. */
    public int tagOf(String keyword) {
        DictionaryEntry e = byKeyword.get(keyword);
        return e == null ? -1 : e.tag();
    }

    /** The keyword for a tag, or the empty string if the tag is unknown. */
    public String keywordOf(int tag) {
        DictionaryEntry e = entry(tag);
        return e == null ? "" : e.keyword();
    }

    /**
     * The VR that Implicit VR decoding uses for a tag: the first VR of its entry, UL for group
     * lengths, LO for private creators, UN for unknown and private data elements.
     */
    public VR vrOf(int tag) {
        DictionaryEntry e = byTag.get(tag);
        if (e != null) {
            return e.vr();
        }
        e = entry(tag);
        return e == null ? VR.UN : e.vr();
    }

    /** All listed entries in tag order (derived group length and private creator entries are not listed). */
    public Collection<DictionaryEntry> entries() {
        return entries;
    }
}
