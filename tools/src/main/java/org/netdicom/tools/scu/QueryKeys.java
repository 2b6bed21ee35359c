package org.netdicom.tools.scu;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.netdicom.data.Dataset;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.ElementDictionary;

/**
 * The {@code -k} keys of findscu, getscu and movescu, as DCMTK writes them: {@code PatientID=P-1},
 * {@code 0010,0020=P-1} or {@code (0010,0020)=P-1}, {@code StudyInstanceUID} (no value: return
 * it, PS3.4 C.2.2.1.3 universal matching), and paths into sequences,
 * {@code ScheduledProcedureStepSequence[0].Modality=CT} (item 0 unless an index is given). Several
 * values are separated with a backslash. A sequence named without value becomes an empty one.
 */
final class QueryKeys {

    private static final Pattern SEGMENT = Pattern.compile("(\\(?[0-9A-Fa-f]{4},?[0-9A-Fa-f]{4}\\)?|[A-Za-z][A-Za-z0-9]*)(?:\\[(\\d+)])?");
    private static final Pattern TAG = Pattern.compile("\\(?[0-9A-Fa-f]{4},?[0-9A-Fa-f]{4}\\)?");
    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();

    private QueryKeys() {
    }

    /** Applies each {@code key[=value]} to {@code keys}; a later key replaces an earlier one. */
    static Dataset apply(Dataset keys, List<String> assignments) {
        for (String a : assignments) {
            apply(keys, a);
        }
        return keys;
    }

    /** @throws IllegalArgumentException if the key is malformed or unknown (exit code 1) */
    static void apply(Dataset keys, String assignment) {
        int eq = assignment.indexOf('=');
        String path = (eq < 0 ? assignment : assignment.substring(0, eq)).strip();
        String value = eq < 0 ? null : assignment.substring(eq + 1);
        String[] segments = path.split("\\.");
        Dataset target = keys;
        for (int i = 0; i < segments.length; i++) {
            Matcher m = SEGMENT.matcher(segments[i].strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("-k " + assignment + ": '" + segments[i] + "' is neither a keyword nor a tag");
            }
            int tag = tagOf(m.group(1), assignment);
            VR vr = vrOf(tag, assignment);
            boolean last = i == segments.length - 1;
            if (!last || vr == VR.SQ) {
                if (vr != VR.SQ) {
                    throw new IllegalArgumentException("-k " + assignment + ": " + m.group(1) + " is not a sequence");
                }
                Sequence sequence = target.getSequence(tag);
                if (sequence == null) {
                    sequence = target.newSequence(tag);
                }
                if (last) {
                    if (value != null && !value.isEmpty()) {
                        throw new IllegalArgumentException("-k " + assignment + ": a sequence takes no value");
                    }
                    if (m.group(2) == null) {
                        return;
                    }
                }
                int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                while (sequence.size() <= index) {
                    sequence.addNew();
                }
                target = sequence.get(index);
                continue;
            }
            if (m.group(2) != null) {
                throw new IllegalArgumentException("-k " + assignment + ": [index] only follows a sequence");
            }
            set(target, tag, vr, value == null ? "" : value);
        }
    }

    private static void set(Dataset d, int tag, VR vr, String value) {
        if (vr.isString()) {
            if (value.isEmpty()) {
                d.setString(tag, vr);
            } else {
                d.setString(tag, vr, value);
            }
            return;
        }
        if (value.isEmpty()) {
            d.setBytes(tag, vr, new byte[0]);
            return;
        }
        String[] parts = value.split("\\\\");
        switch (vr) {
            case US, SS, UL, SL, SV, UV -> {
                long[] numbers = new long[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    numbers[i] = Long.parseLong(parts[i].strip());
                }
                d.setLong(tag, vr, numbers);
            }
            case FL, FD -> {
                double[] numbers = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    numbers[i] = Double.parseDouble(parts[i].strip());
                }
                d.setDouble(tag, vr, numbers);
            }
            case AT -> {
                long[] tags = new long[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    tags[i] = Tag.parse(parts[i]) & 0xFFFFFFFFL;
                }
                d.setLong(tag, vr, tags);
            }
            default -> throw new IllegalArgumentException("-k " + Tag.toString(tag) + " (" + vr
                    + "): only an empty value can be given for this VR");
        }
    }

    private static int tagOf(String name, String assignment) {
        if (TAG.matcher(name).matches()) {
            return Tag.parse(name);
        }
        int tag = DICTIONARY.tagOf(name);
        if (tag == -1) {
            throw new IllegalArgumentException("-k " + assignment + ": unknown keyword " + name);
        }
        return tag;
    }

    private static VR vrOf(int tag, String assignment) {
        VR vr = DICTIONARY.vrOf(tag);
        if (vr == VR.UN) {
            throw new IllegalArgumentException("-k " + assignment + ": " + Tag.toString(tag)
                    + " is not in the data dictionary");
        }
        return vr;
    }
}
