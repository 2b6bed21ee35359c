package org.netdicom.data;

/**
 * Data element tags as plain {@code int}s: group in the high 16 bits, element in the low 16 bits
 * ({@code 0x00100010} is (0010,0010)). An {@code int} keeps the codec free of allocation; this
 * class holds the arithmetic around it and the few tags the codec itself needs.
 */
public final class Tag {
    public static final int COMMAND_GROUP_LENGTH = 0x00000000;
    public static final int FILE_META_INFORMATION_GROUP_LENGTH = 0x00020000;
    public static final int FILE_META_INFORMATION_VERSION = 0x00020001;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    public static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int PIXEL_DATA = 0x7FE00010;
    /** (FFFE,E000): an item of a sequence or a fragment of encapsulated pixel data. */
    public static final int ITEM = 0xFFFEE000;
    /** (FFFE,E00D): ends an item of undefined length. */
    public static final int ITEM_DELIMITATION_ITEM = 0xFFFEE00D;
    /** (FFFE,E0DD): ends a sequence or encapsulated pixel data of undefined length. */
    public static final int SEQUENCE_DELIMITATION_ITEM = 0xFFFEE0DD;

    private Tag() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** True for (gggg,0000). */
    public static boolean isGroupLength(int tag) {
        return (tag & 0xFFFF) == 0;
    }

    /** True for tags in an odd group other than 0001, 0003, 0005 and 0007 (PS3.5 7.8.1). */
    public static boolean isPrivate(int tag) {
        int group = tag >>> 16;
        return (group & 1) != 0 && group > 0x0008 && group != 0xFFFF;
    }

    /** True for a private creator element (gggg,0010-00FF) with odd gggg. */
    public static boolean isPrivateCreator(int tag) {
        int element = tag & 0xFFFF;
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    /**
     * The private creator element that reserves the block of a private data element: (gggg,00xx)
     * for (gggg,xxyy) with xx &ge; 0x10 (PS3.5 7.8.1), or -1 if {@code tag} is not a private data element.
     */
    public static int privateCreatorOf(int tag) {
        int element = tag & 0xFFFF;
        if (!isPrivate(tag) || element < 0x1000) {
            return -1;
        }
        return (tag & 0xFFFF0000) | (element >>> 8);
    }

    /** The tag as {@code (gggg,eeee)} with upper-case hex digits. */
    public static String toString(int tag) {
        char[] c = new char[11];
        c[0] = '(';
        c[5] = ',';
        c[10] = ')';
        for (int i = 0; i < 4; i++) {
            c[4 - i] = HEX[(tag >>> (16 + 4 * i)) & 0xF];
            c[9 - i] = HEX[(tag >>> (4 * i)) & 0xF];
        }
        return new String(c);
    }

    /** Parses {@code (gggg,eeee)}, {@code gggg,eeee} or {@code ggggeeee} in hex. */
    public static int parse(String text) {
        String t = text.strip();
        if (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1);
        }
        t = t.replace(",", "");
        if (t.length() != 8) {
            throw new IllegalArgumentException("not a tag: " + text);
        }
        return (int) Long.parseLong(t, 16);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
