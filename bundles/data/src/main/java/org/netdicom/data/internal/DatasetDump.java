package org.netdicom.data.internal;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import org.netdicom.data.BulkData;
import org.netdicom.data.Dataset;
import org.netdicom.data.Fragments;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.ElementDictionary;

/**
 * Text of a dataset in the style of DCMTK's {@code dcmdump}: one line per element,
 * {@code (0010,0010) PN [Doe^John]  # 8, 1 PatientName}, character values in brackets, binary
 * values as numbers, long values cut after 64 characters with "...", items indented by two spaces.
 */
public final class DatasetDump {
    private static final int MAX_VALUE_CHARS = 64;
    private static final int MAX_BINARY_VALUES = 16;

    private DatasetDump() {
    }

    public static String dump(Dataset d) {
        StringBuilder b = new StringBuilder(d.size() * 48);
        dump(d, "", b);
        return b.toString();
    }

    private static void dump(Dataset d, String indent, StringBuilder b) {
        DatasetAccess a = DatasetAccess.get();
        ElementDictionary dict = ElementDictionary.standard();
        Charset cs = d.characterSet();
        for (int i = 0; i < a.size(d); i++) {
            int tag = a.tagAt(d, i);
            VR vr = a.vrAt(d, i);
            Object v = a.valueAt(d, i);
            String keyword = keyword(d, dict, tag);
            b.append(indent).append(tagText(tag)).append(' ').append(vr).append(' ');
            if (v instanceof Sequence s) {
                b.append("(Sequence with ").append(s.size()).append(s.size() == 1 ? " item)" : " items)")
                        .append("  # u/l, 1 ").append(keyword).append('\n');
                for (Dataset item : s) {
                    b.append(indent).append("  (fffe,e000) na (Item with ").append(item.size())
                            .append(" elements)\n");
                    dump(item, indent + "    ", b);
                }
            } else if (v instanceof Fragments f) {
                b.append("(PixelSequence with ").append(f.size() + 1).append(" items)  # u/l, 1 ")
                        .append(keyword).append('\n');
                List<byte[]> items = a.items(f);
                for (byte[] item : items) {
                    b.append(indent).append("  (fffe,e000) pi (").append(item.length)
                            .append(" bytes)  # ").append(item.length).append(", 1 Item\n");
                }
            } else if (v instanceof BulkData bulk) {
                b.append("(not loaded)  # ").append(bulk.length()).append(", 1 ").append(keyword).append('\n');
            } else {
                byte[] bytes = (byte[]) v;
                String text = valueText(bytes, vr, cs);
                b.append(text).append("  # ").append(bytes.length).append(", ")
                        .append(Values.count(bytes, vr, cs)).append(' ').append(keyword).append('\n');
            }
        }
    }

    private static String keyword(Dataset d, ElementDictionary dict, int tag) {
        String k = dict.keywordOf(tag);
        if (!k.isEmpty()) {
            return k;
        }
        String creator = d.privateCreator(tag);
        return creator != null ? "PrivateData \"" + creator + "\"" : "Unknown Tag & Data";
    }

    private static String tagText(int tag) {
        return Tag.toString(tag).toLowerCase(Locale.ROOT);
    }

    private static String valueText(byte[] bytes, VR vr, Charset cs) {
        if (bytes.length == 0) {
            return "(no value available)";
        }
        String[] parts = Values.displayStrings(bytes, vr, cs, MAX_BINARY_VALUES);
        String joined = String.join("\\", parts);
        boolean cut = joined.length() > MAX_VALUE_CHARS
                || (!vr.isString() && parts.length == MAX_BINARY_VALUES && Values.count(bytes, vr, cs) != parts.length)
                || ((vr == VR.OB || vr == VR.UN || vr == VR.OW) && parts.length < bytes.length / Math.max(1, vr.unitSize()));
        if (joined.length() > MAX_VALUE_CHARS) {
            joined = joined.substring(0, MAX_VALUE_CHARS);
        }
        if (vr.isString()) {
            return "[" + joined + "]" + (cut ? "..." : "");
        }
        return joined + (cut ? "..." : "");
    }
}
