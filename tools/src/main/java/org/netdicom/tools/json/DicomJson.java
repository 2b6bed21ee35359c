package org.netdicom.tools.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import org.netdicom.data.BulkData;
import org.netdicom.data.Dataset;
import org.netdicom.data.Element;
import org.netdicom.data.Sequence;
import org.netdicom.data.VR;

/**
 * A data set in the DICOM JSON Model (PS3.18 F.2): an object keyed by the tag in eight upper-case
 * hex digits, each attribute an object with its {@code vr} and its {@code Value} array (numbers for
 * IS, DS and the binary numeric VRs; objects with {@code Alphabetic}, {@code Ideographic} and
 * {@code Phonetic} for PN; items for SQ), or {@code InlineBinary} (base64) for OB, OW, OF, OD, OL,
 * OV and UN. An empty value has no {@code Value} (F.2.5); an empty value among several is null.
 * Encapsulated pixel data are left without a value (no bulk data URIs here).
 */
public final class DicomJson {

    /** What JSON accepts as a number (RFC 8259 6); DS and IS values that match are written as they are. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private DicomJson() {
    }

    /** The data set as one line of JSON. */
    public static String toJson(Dataset d) {
        StringBuilder b = new StringBuilder(d.size() * 48);
        write(d, b);
        return b.toString();
    }

    public static void write(Dataset d, StringBuilder b) {
        b.append('{');
        boolean first = true;
        for (Element e : d) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append('"').append(String.format(Locale.ROOT, "%08X", e.tag())).append("\":{\"vr\":\"")
                    .append(e.vr()).append('"');
            attribute(d, e, b);
            b.append('}');
        }
        b.append('}');
    }

    private static void attribute(Dataset d, Element e, StringBuilder b) {
        VR vr = e.vr();
        if (e.isSequence()) {
            Sequence s = e.sequence();
            if (!s.isEmpty()) {
                b.append(",\"Value\":[");
                for (int i = 0; i < s.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    write(s.get(i), b);
                }
                b.append(']');
            }
            return;
        }
        if (e.isFragments()) {
            return;
        }
        switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> {
                byte[] bytes = e.bulkData() != null ? read(e.bulkData(), vr) : e.bytes();
                if (bytes.length > 0) {
                    b.append(",\"InlineBinary\":\"").append(Base64.getEncoder().encodeToString(bytes)).append('"');
                }
                return;
            }
            default -> {
            }
        }
        String[] values = d.getStrings(e.tag());
        if (values == null || values.length == 0) {
            return;
        }
        b.append(",\"Value\":[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            value(vr, values[i], b);
        }
        b.append(']');
    }

    private static void value(VR vr, String v, StringBuilder b) {
        if (v.isEmpty() && vr != VR.UT && vr != VR.LT && vr != VR.ST && vr != VR.UR) {
            b.append("null");
            return;
        }
        switch (vr) {
            case PN -> personName(v, b);
            case IS, DS, US, SS, UL, SL, SV, UV, FL, FD -> number(v, b);
            case AT -> string(v.replaceAll("[(),]", "").toUpperCase(Locale.ROOT), b);
            default -> string(v, b);
        }
    }

    /** PS3.18 F.2.2: the component groups of a name, each only if present. */
    private static void personName(String v, StringBuilder b) {
        String[] groups = v.split("=", -1);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        b.append('{');
        boolean first = true;
        for (int i = 0; i < Math.min(3, groups.length); i++) {
            if (groups[i].isEmpty()) {
                continue;
            }
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append('"').append(names[i]).append("\":");
            string(groups[i], b);
        }
        b.append('}');
    }

    private static void number(String v, StringBuilder b) {
        String t = v.strip();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (JSON_NUMBER.matcher(t).matches()) {
            b.append(t);
            return;
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                b.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
                return;
            }
        } catch (NumberFormatException notANumber) {
            // fall through: keep the text rather than lose it
        }
        string(v, b);
    }

    static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static byte[] read(BulkData bulk, VR vr) {
        try {
            return bulk.toBytes(vr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
