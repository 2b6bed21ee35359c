package org.netdicom.core.dimse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DIMSE command set: the elements of group 0000 in tag order, encoded in Implicit VR Little Endian
 * whatever the presentation context's transfer syntax (PS3.7 6.3.1). The group length is computed on
 * encoding. Values are held as {@link Integer} (US, UL), {@link String} (UI and text) or {@code int[]}
 * (AT); an element this implementation does not know is kept as its raw bytes.
 */
public final class CommandSet {

    private final TreeMap<Integer, Object> elements = new TreeMap<>(Integer::compareUnsigned);

    public CommandSet put(CommandTag tag, int value) {
        if (tag.vr() != CommandTag.Vr.US && tag.vr() != CommandTag.Vr.UL) {
            throw new IllegalArgumentException(tag + " is not numeric");
        }
        elements.put(tag.tag(), value);
        return this;
    }

    public CommandSet put(CommandTag tag, String value) {
        if (tag.vr() != CommandTag.Vr.UI && tag.vr() != CommandTag.Vr.STRING) {
            throw new IllegalArgumentException(tag + " is not text");
        }
        elements.put(tag.tag(), value);
        return this;
    }

    public boolean contains(CommandTag tag) {
        return elements.containsKey(tag.tag());
    }

    /** The numeric value of {@code tag}, or {@code absent} if the command set lacks it. */
    public int getInt(CommandTag tag, int absent) {
        return elements.get(tag.tag()) instanceof Integer i ? i : absent;
    }

    /** The text value of {@code tag}, or null if absent. */
    public String getString(CommandTag tag) {
        return elements.get(tag.tag()) instanceof String s ? s : null;
    }

    public int commandField() {
        return getInt(CommandTag.COMMAND_FIELD, -1);
    }

    public boolean hasDataSet() {
        return getInt(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET) != CommandTag.NO_DATA_SET;
    }

    /** Encodes the command set with a correct Command Group Length (0000,0000). */
    public byte[] encode() {
        int bodyLength = 0;
        for (Map.Entry<Integer, Object> e : elements.entrySet()) {
            if (e.getKey() != CommandTag.COMMAND_GROUP_LENGTH.tag()) {
                bodyLength += 8 + valueLength(e.getKey(), e.getValue());
            }
        }
        byte[] out = new byte[12 + bodyLength];
        int pos = writeHeader(out, 0, CommandTag.COMMAND_GROUP_LENGTH.tag(), 4);
        pos = writeInt(out, pos, bodyLength);
        for (Map.Entry<Integer, Object> e : elements.entrySet()) {
            int tag = e.getKey();
            if (tag != CommandTag.COMMAND_GROUP_LENGTH.tag()) {
                pos = writeElement(out, pos, tag, e.getValue());
            }
        }
        return out;
    }

    /** Decodes a command set; every element must be in group 0000 and fit in {@code length}. */
    public static CommandSet decode(byte[] buf, int offset, int length) throws DimseFormatException {
        CommandSet cs = new CommandSet();
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            if (end - pos < 8) {
                throw new DimseFormatException("command set truncated in an element header at byte " + (pos - offset));
            }
            int group = u16(buf, pos);
            int element = u16(buf, pos + 2);
            long valueLength = u32(buf, pos + 4);
            if (group != 0) {
                throw new DimseFormatException(String.format(
                        "command set holds element (%04X,%04X) outside group 0000 at byte %d", group, element, pos - offset));
            }
            if (valueLength > end - pos - 8) {
                throw new DimseFormatException(String.format(
                        "element (0000,%04X) length %d runs past the end of the command set at byte %d",
                        element, valueLength, pos - offset));
            }
            pos += 8;
            cs.elements.put(element, decodeValue(element, buf, pos, (int) valueLength));
            pos += (int) valueLength;
        }
        return cs;
    }

    private static Object decodeValue(int tag, byte[] buf, int pos, int len) throws DimseFormatException {
        CommandTag known = CommandTag.of(tag);
        if (known == null) {
            return Arrays.copyOfRange(buf, pos, pos + len);
        }
        switch (known.vr()) {
            case US -> {
                if (len != 2) {
                    throw new DimseFormatException(known + " (US) has length " + len + ", not 2");
                }
                return u16(buf, pos);
            }
            case UL -> {
                if (len != 4) {
                    throw new DimseFormatException(known + " (UL) has length " + len + ", not 4");
                }
                return (int) u32(buf, pos);
            }
            case AT -> {
                if (len % 4 != 0) {
                    throw new DimseFormatException(known + " (AT) has length " + len + ", not a multiple of 4");
                }
                int[] tags = new int[len / 4];
                for (int i = 0; i < tags.length; i++) {
                    tags[i] = (u16(buf, pos + 4 * i) << 16) | u16(buf, pos + 4 * i + 2);
                }
                return tags;
            }
            default -> {
                int stop = len;
                while (stop > 0 && (buf[pos + stop - 1] == 0 || buf[pos + stop - 1] == ' ')) {
                    stop--;
                }
                int start = 0;
                while (start < stop && buf[pos + start] == ' ') {
                    start++;
                }
                return new String(buf, pos + start, stop - start, StandardCharsets.US_ASCII);
            }
        }
    }

    private static int valueLength(int tag, Object value) {
        if (value instanceof Integer) {
            CommandTag known = CommandTag.of(tag);
            return known != null && known.vr() == CommandTag.Vr.UL ? 4 : 2;
        }
        if (value instanceof String s) {
            return (s.length() + 1) & ~1;
        }
        if (value instanceof int[] tags) {
            return 4 * tags.length;
        }
        return ((byte[]) value).length;
    }

    private static int writeElement(byte[] out, int pos, int tag, Object value) {
        int len = valueLength(tag, value);
        pos = writeHeader(out, pos, tag, len);
        if (value instanceof Integer i) {
            if (len == 4) {
                return writeInt(out, pos, i);
            }
            out[pos] = (byte) i.intValue();
            out[pos + 1] = (byte) (i >>> 8);
            return pos + 2;
        }
        if (value instanceof String s) {
            for (int k = 0; k < s.length(); k++) {
                out[pos + k] = (byte) s.charAt(k);
            }
            if ((s.length() & 1) != 0) {
                // PS3.5 6.2: UIDs are padded with NUL, other strings with a space.
                CommandTag known = CommandTag.of(tag);
                out[pos + s.length()] = known != null && known.vr() == CommandTag.Vr.UI ? 0 : (byte) ' ';
            }
            return pos + len;
        }
        if (value instanceof int[] tags) {
            for (int t : tags) {
                out[pos++] = (byte) (t >>> 16);
                out[pos++] = (byte) (t >>> 24);
                out[pos++] = (byte) t;
                out[pos++] = (byte) (t >>> 8);
            }
            return pos;
        }
        byte[] raw = (byte[]) value;
        System.arraycopy(raw, 0, out, pos, raw.length);
        return pos + raw.length;
    }

    private static int writeHeader(byte[] out, int pos, int tag, int length) {
        out[pos] = (byte) (tag >>> 16);
        out[pos + 1] = (byte) (tag >>> 24);
        out[pos + 2] = (byte) tag;
        out[pos + 3] = (byte) (tag >>> 8);
        return writeInt(out, pos + 4, length);
    }

    private static int writeInt(byte[] out, int pos, int v) {
        out[pos] = (byte) v;
        out[pos + 1] = (byte) (v >>> 8);
        out[pos + 2] = (byte) (v >>> 16);
        out[pos + 3] = (byte) (v >>> 24);
        return pos + 4;
    }

    private static int u16(byte[] b, int pos) {
        return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int pos) {
        return (b[pos] & 0xFFL) | (b[pos + 1] & 0xFFL) << 8 | (b[pos + 2] & 0xFFL) << 16 | (b[pos + 3] & 0xFFL) << 24;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(CommandField.name(commandField())).append(" {");
        elements.forEach((tag, value) -> {
            CommandTag known = CommandTag.of(tag);
            sb.append(' ').append(known != null ? known.name() : String.format("(0000,%04X)", tag)).append('=');
            sb.append(value instanceof int[] a ? Arrays.toString(a) : value instanceof byte[] b ? b.length + " bytes" : value);
        });
        return sb.append(" }").toString();
    }
}
