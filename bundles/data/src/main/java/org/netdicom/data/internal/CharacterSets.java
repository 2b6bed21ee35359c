package org.netdicom.data.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the defined terms of Specific Character Set (0008,0005) to Java charsets (PS3.3 C.12.1.1.2):
 * single-byte repertoires, UTF-8, GB18030/GBK, and code extensions (several values, or one
 * multi-byte {@code ISO 2022 IR nnn} term) to an {@link Iso2022Charset} that follows the escape
 * sequences (Japanese IR 13/87/159, Korean IR 149, Chinese IR 58, ISO 8859 sets in G1). Unknown
 * terms fall back to ISO 8859-1 (with code extensions: to the first value), so decoding never fails.
 */
public final class CharacterSets {
    /** The default repertoire decoded leniently: ISO 8859-1 is a superset of ISO-IR 6 and never fails. */
    public static final Charset DEFAULT = StandardCharsets.ISO_8859_1;

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO 2022 IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"), Map.entry("ISO 2022 IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO 2022 IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"), Map.entry("ISO 2022 IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO 2022 IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"), Map.entry("ISO 2022 IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"), Map.entry("ISO 2022 IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"), Map.entry("ISO 2022 IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"), Map.entry("ISO 2022 IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"), Map.entry("ISO 2022 IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 166", "TIS-620"), Map.entry("ISO 2022 IR 166", "TIS-620"),
            Map.entry("ISO_IR 13", "JIS_X0201"), Map.entry("ISO 2022 IR 13", "JIS_X0201"),
            Map.entry("ISO_IR 192", "UTF-8"),
            Map.entry("GB18030", "GB18030"),
            Map.entry("GBK", "GBK"));

    /** Charsets with code extensions by their joined terms; NONE marks terms that are not all ISO 2022. */
    private static final Map<String, Charset> EXTENDED = new ConcurrentHashMap<>();
    private static final Charset NONE = StandardCharsets.US_ASCII;

    private CharacterSets() {
    }

    /** The charset for the values of Specific Character Set; {@link #DEFAULT} when absent or unknown. */
    public static Charset forTerms(String[] terms) {
        if (terms == null) {
            return DEFAULT;
        }
        if (terms.length > 1 || terms.length == 1 && needsCodeExtensions(terms[0])) {
            Charset cs = EXTENDED.computeIfAbsent(String.join("\\", terms), k -> {
                Iso2022Charset iso = Iso2022Charset.of(terms);
                return iso != null ? iso : NONE;
            });
            if (cs != NONE) {
                return cs;
            }
        }
        for (String term : terms) {
            if (term.isEmpty()) {
                continue; // an empty first value means the default repertoire for G0
            }
            String name = NAMES.get(term);
            if (name == null) {
                return DEFAULT;
            }
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                return DEFAULT;
            }
        }
        return DEFAULT;
    }

    /** Multi-byte sets and JIS X 0201 (whose 05/12 must stay the delimiter) need the ISO 2022 charset. */
    private static boolean needsCodeExtensions(String term) {
        return term.equals("ISO 2022 IR 87") || term.equals("ISO 2022 IR 159") || term.equals("ISO 2022 IR 149")
                || term.equals("ISO 2022 IR 58") || term.equals("ISO 2022 IR 13");
    }
}
