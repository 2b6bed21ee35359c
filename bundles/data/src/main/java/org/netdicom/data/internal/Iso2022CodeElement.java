package org.netdicom.data.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * The code elements of Specific Character Set with code extensions (PS3.3 C.12.1.1.2, Tables
 * C.12-3 and C.12-4): the escape sequence that designates each into G0 or G1, its bytes per
 * character, and a table from its codes to Unicode. Tables are built on first use from the JDK's
 * EUC charsets (the same coded character sets in 8-bit form) and kept.
 */
enum Iso2022CodeElement {
    /** ISO-IR 6, ASCII: ESC ( B. */
    IR6(0, 1, null, 0x1B, 0x28, 0x42),
    /** ISO-IR 14, JIS X 0201 Romaji: ESC ( J; decoded as ASCII so that 05/12 stays the value delimiter. */
    IR14(0, 1, null, 0x1B, 0x28, 0x4A),
    /** ISO-IR 13, JIS X 0201 Katakana in G1: ESC ) I. */
    IR13(1, 1, null, 0x1B, 0x29, 0x49),
    /** ISO-IR 87, JIS X 0208 Kanji in G0: ESC $ B. */
    IR87(0, 2, "EUC-JP", 0x1B, 0x24, 0x42),
    /** ISO-IR 159, JIS X 0212 supplementary Kanji in G0: ESC $ ( D. */
    IR159(0, 2, "EUC-JP", 0x1B, 0x24, 0x28, 0x44),
    /** ISO-IR 149, KS X 1001 Hangul and Hanja in G1: ESC $ ) C. */
    IR149(1, 2, "EUC-KR", 0x1B, 0x24, 0x29, 0x43),
    /** ISO-IR 58, GB 2312 in G1: ESC $ ) A. */
    IR58(1, 2, "GB2312", 0x1B, 0x24, 0x29, 0x41),
    IR100(1, 1, "ISO-8859-1", 0x1B, 0x2D, 0x41),
    IR101(1, 1, "ISO-8859-2", 0x1B, 0x2D, 0x42),
    IR109(1, 1, "ISO-8859-3", 0x1B, 0x2D, 0x43),
    IR110(1, 1, "ISO-8859-4", 0x1B, 0x2D, 0x44),
    IR144(1, 1, "ISO-8859-5", 0x1B, 0x2D, 0x4C),
    IR127(1, 1, "ISO-8859-6", 0x1B, 0x2D, 0x47),
    IR126(1, 1, "ISO-8859-7", 0x1B, 0x2D, 0x46),
    IR138(1, 1, "ISO-8859-8", 0x1B, 0x2D, 0x48),
    IR148(1, 1, "ISO-8859-9", 0x1B, 0x2D, 0x4D),
    IR203(1, 1, "ISO-8859-15", 0x1B, 0x2D, 0x62),
    IR166(1, 1, "TIS-620", 0x1B, 0x2D, 0x54);

    /** 0: designated into G0 (7-bit codes), 1: into G1 (codes with the high bit set). */
    final int g;
    final int bytesPerChar;
    final byte[] escape;
    private final String euc;
    private volatile char[] decode;
    private volatile char[] encode;

    Iso2022CodeElement(int g, int bytesPerChar, String euc, int... escape) {
        this.g = g;
        this.bytesPerChar = bytesPerChar;
        this.euc = euc;
        this.escape = new byte[escape.length];
        for (int i = 0; i < escape.length; i++) {
            this.escape[i] = (byte) escape[i];
        }
    }

    /** The code element of a defined term such as {@code ISO 2022 IR 87}; the empty term is ISO-IR 6. */
    static Iso2022CodeElement ofTerm(String term) {
        if (term.isEmpty() || term.equals("ISO 2022 IR 6")) {
            return IR6;
        }
        if (!term.startsWith("ISO 2022 IR ")) {
            return null;
        }
        try {
            return valueOf("IR" + term.substring("ISO 2022 IR ".length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The character of a code (two-byte codes as {@code b1 << 8 | b2}), bytes taken without their
     * high bit; 0 if the code is unassigned.
     */
    char decode(int code) {
        switch (this) {
            case IR6:
            case IR14:
                return (char) code;
            case IR13:
                return code >= 0x21 && code <= 0x5F ? (char) (0xFF61 + code - 0x21) : 0;
            default:
                char[] t = table();
                if (bytesPerChar == 1) {
                    return code >= 0x20 && code < 0x80 ? t[code - 0x20] : 0;
                }
                int b1 = (code >>> 8) - 0x21;
                int b2 = (code & 0xFF) - 0x21;
                return b1 < 0 || b1 >= 94 || b2 < 0 || b2 >= 94 ? 0 : t[b1 * 94 + b2];
        }
    }

    /** The code of a character (7-bit bytes, as {@link #decode} takes it), or -1 if this set lacks it. */
    int encode(char c) {
        switch (this) {
            case IR6:
            case IR14:
                return c < 0x80 ? c : -1;
            case IR13:
                return c >= 0xFF61 && c <= 0xFF9F ? c - 0xFF61 + 0x21 : -1;
            default:
                char[] e = encode;
                if (e == null) {
                    e = buildEncode();
                }
                return e[c] == 0 ? -1 : e[c];
        }
    }

    private char[] table() {
        char[] t = decode;
        if (t == null) {
            t = buildDecode();
            decode = t;
        }
        return t;
    }

    private char[] buildDecode() {
        CharsetDecoder d;
        try {
            d = Charset.forName(euc).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        } catch (IllegalArgumentException e) {
            return new char[94 * 94]; // the JDK lacks the set: all codes unassigned, never a failure
        }
        if (bytesPerChar == 1) {
            char[] t = new char[0x60];
            for (int b = 0x20; b < 0x80; b++) {
                t[b - 0x20] = one(d, new byte[] {(byte) (b | 0x80)});
            }
            return t;
        }
        char[] t = new char[94 * 94];
        for (int b1 = 0; b1 < 94; b1++) {
            for (int b2 = 0; b2 < 94; b2++) {
                byte hi = (byte) (b1 + 0xA1);
                byte lo = (byte) (b2 + 0xA1);
                // EUC-JP reaches JIS X 0212 through the single shift SS3 (8/15)
                t[b1 * 94 + b2] = one(d, this == IR159 ? new byte[] {(byte) 0x8F, hi, lo} : new byte[] {hi, lo});
            }
        }
        return t;
    }

    private static char one(CharsetDecoder d, byte[] bytes) {
        try {
            CharBuffer c = d.reset().decode(ByteBuffer.wrap(bytes));
            return c.length() == 1 ? c.get(0) : 0;
        } catch (CharacterCodingException e) {
            return 0;
        }
    }

    private char[] buildEncode() {
        char[] t = table();
        char[] e = new char[0x10000];
        for (int i = t.length - 1; i >= 0; i--) { // the lowest code wins where a character repeats
            if (t[i] != 0) {
                e[t[i]] = (char) (bytesPerChar == 1 ? i + 0x20 : (i / 94 + 0x21) << 8 | (i % 94 + 0x21));
            }
        }
        encode = e;
        return e;
    }
}
