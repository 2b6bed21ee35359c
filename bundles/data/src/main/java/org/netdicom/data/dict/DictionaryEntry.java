package org.netdicom.data.dict;

import java.util.List;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;

/**
 * One attribute of the data dictionary (PS3.6 chapters 6 to 9): its tag, keyword, value
 * representation(s), value multiplicity and whether it is retired. For repeating groups
 * (50xx, 60xx, 7Fxx) and element ranges, {@link #tag()} is the first tag of the range and
 * {@link #mask()} tells which bits must match.
 *
 * @param tag the tag, or the first tag of a repeating range
 * @param mask the bits of a tag that must equal {@code tag}; -1 for a single tag
 * @param vrs the value representations the standard allows, the usual one first
 *     (e.g. US then SS, OB then OW); never empty
 * @param vm the value multiplicity as in PS3.6, e.g. {@code 1}, {@code 1-n}, {@code 2-2n}
 * @param retired true if the standard has retired the attribute
 * @param keyword the attribute keyword, e.g. {@code PatientName}
 */
public record DictionaryEntry(int tag, int mask, List<VR> vrs, String vm, boolean retired, String keyword) {

    public DictionaryEntry {
        vrs = List.copyOf(vrs);
        if (vrs.isEmpty()) {
            throw new IllegalArgumentException("no VR for " + Tag.toString(tag));
        }
    }

    /** The VR to use when the encoding does not say (Implicit VR): the first one listed. */
    public VR vr() {
        return vrs.get(0);
    }

    /** True if {@code t} is this entry's tag or falls in its repeating range. */
    public boolean matches(int t) {
        return (t & mask) == tag;
    }

    /**
     * A readable name derived from the keyword by splitting it into words
     * ({@code PatientBirthDate} gives {@code Patient Birth Date}). dicom.dic carries keywords only,
     * so this is close to, not always equal to, the name in PS3.6 (which says "Patient's Birth Date").
     */
    public String name() {
        StringBuilder b = new StringBuilder(keyword.length() + 8);
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (i > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(keyword.charAt(i - 1))
                        || (i + 1 < keyword.length() && Character.isLowerCase(keyword.charAt(i + 1))))) {
                b.append(' ');
            }
            b.append(c);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return Tag.toString(tag) + " " + vrs + " " + vm + " " + keyword + (retired ? " (retired)" : "");
    }
}
