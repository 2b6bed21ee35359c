package org.netdicom.core.dimse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.data.dict.ElementDictionary;

/**
 * A DIMSE command set: the elements of group 0000 in tag order, encoded in Implicit VR Little Endian
 * whatever the presentation context's transfer syntax (PS3.7 6.3.1). The group length is computed on
 * encoding. Values are held as {@link Integer} (US, UL), {@link String} (UI and text) or {@code int[]}
 * (AT); an element this implementation does not know is kept as its raw bytes.
 */
public final class CommandSet {

    /** Marks a numeric value, kept unboxed in {@link #numbers}. */
    private static final Object NUMBER = new Object();

    // A command set has a dozen elements at most: sorted parallel arrays beat a map, and keep the
    // numbers unboxed (this is on the path of every DIMSE message).
    private int[] tags = new int[12];
    private Object[] values = new Object[12];
    private int[] numbers = new int[12];
    private int size;

    public CommandSet put(CommandTag tag, int value) {
        if (tag.vr() != CommandTag.Vr.US && tag.vr() != CommandTag.Vr.UL) {
            throw new IllegalArgumentException(tag + " is not numeric");
        }
        set(tag.tag(), NUMBER, value);
        return this;
    }

    public CommandSet put(CommandTag tag, String value) {
        if (tag.vr() != CommandTag.Vr.UI && tag.vr() != CommandTag.Vr.STRING) {
            throw new IllegalArgumentException(tag + " is not text");
        }
        set(tag.tag(), value, 0);
        return this;
    }

    /** Sets an AT element (Attribute Identifier List, Offending Element): tags as {@code 0xGGGGEEEE}. */
    public CommandSet putTags(CommandTag tag, int... attributeTags) {
        if (tag.vr() != CommandTag.Vr.AT) {
            throw new IllegalArgumentException(tag + " is not a tag list");
        }
        set(tag.tag(), attributeTags.clone(), 0);
        return this;
    }

    /** The tags of an AT element, or null if absent. */
    public int[] getTags(CommandTag tag) {
        int i = indexOf(tag.tag());
        return i >= 0 && values[i] instanceof int[] list ? list.clone() : null;
    }

    public boolean contains(CommandTag tag) {
        return indexOf(tag.tag()) >= 0;
    }

    /** The numeric value of {@code tag}, or {@code absent} if the command set lacks it. */
    public int getInt(CommandTag tag, int absent) {
        int i = indexOf(tag.tag());
        return i >= 0 && values[i] == NUMBER ? numbers[i] : absent;
    }

    /** The text value of {@code tag}, or null if absent. */
    public String getString(CommandTag tag) {
        int i = indexOf(tag.tag());
        return i >= 0 && values[i] instanceof String text ? text : null;
    }

    public int commandField() {
        return getInt(CommandTag.COMMAND_FIELD, -1);
    }

    public boolean hasDataSet() {
        return getInt(CommandTag.COMMAND_DATA_SET_TYPE, CommandTag.NO_DATA_SET) != CommandTag.NO_DATA_SET;
    }

    /**
     * The command set as a data set (group 0000, PS3.7 E.1), for the public API: responses and
     * events show it this way. Each element keeps the bytes {@link #encode()} gives it, with the VR
     * of {@link CommandTag#dataVr()}: showing a command does not load the data dictionary, which a
     * command-line tool's run would otherwise pay for (70 ms of a C-ECHO).
     */
    public Dataset toDataset() {
        byte[] encoded = encode();
        Dataset d = new Dataset();
        int pos = 0;
        while (pos < encoded.length) {
            int tag = u16(encoded, pos) << 16 | u16(encoded, pos + 2);
            int length = (int) u32(encoded, pos + 4);
            CommandTag known = CommandTag.of(tag);
            VR vr = known != null ? known.dataVr() : ElementDictionary.standard().vrOf(tag);
            d.setBytes(tag, vr, Arrays.copyOfRange(encoded, pos + 8, pos + 8 + length));
            pos += 8 + length;
        }
        return d;
    }

    /** Encodes the command set with a correct Command Group Length (0000,0000). */
    public byte[] encode() {
        int bodyLength = 0;
        for (int i = 0; i < size; i++) {
            if (tags[i] != CommandTag.COMMAND_GROUP_LENGTH.tag()) {
                bodyLength += 8 + valueLength(tags[i], values[i]);
            }
        }
        byte[] out = new byte[12 + bodyLength];
        int pos = writeHeader(out, 0, CommandTag.COMMAND_GROUP_LENGTH.tag(), 4);
        pos = writeInt(out, pos, bodyLength);
        for (int i = 0; i < size; i++) {
            if (tags[i] != CommandTag.COMMAND_GROUP_LENGTH.tag()) {
                pos = writeElement(out, pos, tags[i], values[i], numbers[i]);
            }
        }
        return out;
    }

    private int indexOf(int tag) {
        for (int i = 0; i < size; i++) {
            if (tags[i] == tag) {
                return i;
            }
            if (tags[i] > tag) {
                return -1;
            }
        }
        return -1;
    }

    /** Sets {@code tag} (a command group element number, so ordering as int is tag order). */
    private void set(int tag, Object value, int number) {
        int i = 0;
        while (i < size && tags[i] < tag) {
            i++;
        }
        if (i < size && tags[i] == tag) {
            values[i] = value;
            numbers[i] = number;
            return;
        }
        if (size == tags.length) {
            tags = Arrays.copyOf(tags, size * 2);
            values = Arrays.copyOf(values, size * 2);
            numbers = Arrays.copyOf(numbers, size * 2);
        }
        System.arraycopy(tags, i, tags, i + 1, size - i);
        System.arraycopy(values, i, values, i + 1, size - i);
        System.arraycopy(numbers, i, numbers, i + 1, size - i);
        tags[i] = tag;
        values[i] = value;
        numbers[i] = number;
        size++;
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
            cs.decodeInto(element, buf, pos, (int) valueLength);
            pos += (int) valueLength;
        }
        return cs;
    }

    private void decodeInto(int tag, byte[] buf, int pos, int len) throws DimseFormatException {
        CommandTag known = CommandTag.of(tag);
        if (known == null) {
            set(tag, Arrays.copyOfRange(buf, pos, pos + len), 0);
            return;
        }
        switch (known.vr()) {
            case US -> {
                if (len != 2) {
                    throw new DimseFormatException(known + " (US) has length " + len + ", not 2");
                }
                set(tag, NUMBER, u16(buf, pos));
            }
            case UL -> {
                if (len != 4) {
                    throw new DimseFormatException(known + " (UL) has length " + len + ", not 4");
                }
                set(tag, NUMBER, (int) u32(buf, pos));
            }
            case AT -> {
                if (len % 4 != 0) {
                    throw new DimseFormatException(known + " (AT) has length " + len + ", not a multiple of 4");
                }
                int[] list = new int[len / 4];
                for (int i = 0; i < list.length; i++) {
                    list[i] = (u16(buf, pos + 4 * i) << 16) | u16(buf, pos + 4 * i + 2);
                }
                set(tag, list, 0);
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
                set(tag, new String(buf, pos + start, stop - start, StandardCharsets.US_ASCII), 0);
            }
        }
    }

    private static int valueLength(int tag, Object value) {
        if (value == NUMBER) {
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

    private static int writeElement(byte[] out, int pos, int tag, Object value, int number) {
        int len = valueLength(tag, value);
        pos = writeHeader(out, pos, tag, len);
        if (value == NUMBER) {
            if (len == 4) {
                return writeInt(out, pos, number);
            }
            out[pos] = (byte) number;
            out[pos + 1] = (byte) (number >>> 8);
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
        for (int i = 0; i < size; i++) {
            CommandTag known = CommandTag.of(tags[i]);
            Object value = values[i];
            sb.append(' ').append(known != null ? known.name() : String.format("(0000,%04X)", tags[i])).append('=');
            sb.append(value == NUMBER ? Integer.toString(numbers[i]) : value instanceof int[] a ? Arrays.toString(a)
                    : value instanceof byte[] b ? b.length + " bytes" : value);
        }
        return sb.append(" }").toString();
    }
}
