package org.netdicom.data.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Specific Character Set with code extensions (PS3.5 6.1.2.5, PS3.3 C.12.1.1.2): the code
 * elements named by the defined terms, switched by ISO 2022 escape sequences, as a Java charset,
 * so that the data model's string conversions work unchanged.
 *
 * <p>Both directions return to the initial state (the code elements of value 1, or ISO-IR 6 when
 * it is empty) at the value delimiter {@code \}, at the PN delimiters {@code ^} and {@code =}, at
 * control characters and at the end of a value (PS3.5 6.1.2.5.3). The encoder writes each
 * character in the first listed code element that has it and designates that element only when it
 * is not already in place, which gives the byte sequences of PS3.5 Annexes H, I and K. The decoder
 * accepts any known escape sequence, listed or not, and turns unknown ones and unassigned codes
 * into U+FFFD: decoding never fails.
 */
final class Iso2022Charset extends Charset {
    private static final byte ESC = 0x1B;
    private static final Iso2022CodeElement[] ALL = Iso2022CodeElement.values();

    private final List<Iso2022CodeElement> listed;
    private final Iso2022CodeElement initialG0;
    private final Iso2022CodeElement initialG1;

    private Iso2022Charset(String name, List<Iso2022CodeElement> listed) {
        super(name, null);
        this.listed = listed;
        Iso2022CodeElement first = listed.get(0);
        if (first == Iso2022CodeElement.IR13) {
            initialG0 = Iso2022CodeElement.IR14; // ISO 2022 IR 13 as value 1: Romaji in G0, Katakana in G1
            initialG1 = Iso2022CodeElement.IR13;
        } else {
            initialG0 = first.g == 0 && first.bytesPerChar == 1 ? first : Iso2022CodeElement.IR6;
            initialG1 = first.g == 1 ? first : null;
        }
    }

    /** The charset for these defined terms, or {@code null} if one of them is not an ISO 2022 term. */
    static Iso2022Charset of(String[] terms) {
        List<Iso2022CodeElement> elements = new ArrayList<>(terms.length + 1);
        StringBuilder name = new StringBuilder("x-dicom");
        for (int i = 0; i < terms.length; i++) {
            Iso2022CodeElement e = Iso2022CodeElement.ofTerm(terms[i].trim());
            if (e == null) {
                return null;
            }
            if (!elements.contains(e)) {
                elements.add(e);
                name.append('-').append(e.name());
            }
        }
        if (elements.get(0) == Iso2022CodeElement.IR13 && !elements.contains(Iso2022CodeElement.IR14)) {
            elements.add(1, Iso2022CodeElement.IR14);
        }
        return new Iso2022Charset(name.toString(), List.copyOf(elements));
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this || "US-ASCII".equals(cs.name());
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder();
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new Encoder();
    }

    /** Control characters and the delimiters before which the initial code elements return. */
    private static boolean resets(int c) {
        return c < 0x20 || c == '\\' || c == '^' || c == '=';
    }

    private final class Decoder extends CharsetDecoder {
        private Iso2022CodeElement g0 = initialG0;
        private Iso2022CodeElement g1 = initialG1;

        Decoder() {
            super(Iso2022Charset.this, 1f, 1f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                int p = in.position();
                int b = in.get(p) & 0xFF;
                if (b == ESC) {
                    int n = designate(in, p);
                    if (n == 0) {
                        return CoderResult.UNDERFLOW; // the rest of the sequence is in the next buffer
                    }
                    if (n < 0) {
                        return CoderResult.malformedForLength(1);
                    }
                    in.position(p + n);
                    continue;
                }
                if (!out.hasRemaining()) {
                    return CoderResult.OVERFLOW;
                }
                Iso2022CodeElement set = b < 0x80 ? g0 : g1;
                if (b < 0x80 && (set.bytesPerChar == 1 || b <= 0x20 || b == 0x7F)) {
                    if (resets(b)) {
                        g0 = initialG0;
                        g1 = initialG1;
                    }
                    out.put((char) b); // ISO-IR 6, and JIS X 0201 Romaji read as ASCII
                    in.position(p + 1);
                } else if (set == null) {
                    out.put((char) b); // 8-bit code with nothing in G1: read as ISO 8859-1
                    in.position(p + 1);
                } else if (set.bytesPerChar == 1) {
                    out.put(orReplacement(set.decode(b & 0x7F)));
                    in.position(p + 1);
                } else {
                    if (in.limit() - p < 2) {
                        return CoderResult.UNDERFLOW;
                    }
                    int code = (b & 0x7F) << 8 | in.get(p + 1) & 0x7F;
                    out.put(orReplacement(set.decode(code)));
                    in.position(p + 2);
                }
            }
            return CoderResult.UNDERFLOW;
        }

        /** Applies the escape sequence at {@code p}: its length, 0 if incomplete, -1 if unknown. */
        private int designate(ByteBuffer in, int p) {
            int available = in.limit() - p;
            for (Iso2022CodeElement e : ALL) {
                byte[] esc = e.escape;
                int k = 1;
                while (k < esc.length && k < available && in.get(p + k) == esc[k]) {
                    k++;
                }
                if (k == esc.length) {
                    if (e.g == 0) {
                        g0 = e;
                    } else {
                        g1 = e;
                    }
                    return esc.length;
                }
                if (k == available) {
                    return 0;
                }
            }
            return -1;
        }

        private static char orReplacement(char c) {
            return c == 0 ? '\uFFFD' : c;
        }

        @Override
        protected void implReset() {
            g0 = initialG0;
            g1 = initialG1;
        }
    }

    private final class Encoder extends CharsetEncoder {
        private Iso2022CodeElement g0 = initialG0;
        private Iso2022CodeElement g1 = initialG1;

        Encoder() {
            super(Iso2022Charset.this, 2f, 8f);
        }

        @Override
        protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
            while (in.hasRemaining()) {
                char c = in.get(in.position());
                if (c < 0x80) {
                    // ASCII (and the delimiters) in the initial G0, which is ISO-IR 6 or Romaji
                    Iso2022CodeElement back = g0.bytesPerChar == 1 ? g0 : initialG0;
                    boolean reset = resets(c);
                    int need = 1 + (back != g0 || reset && g0 != initialG0 ? 3 : 0);
                    if (out.remaining() < need) {
                        return CoderResult.OVERFLOW;
                    }
                    if (reset) {
                        back = initialG0;
                        g1 = initialG1;
                    }
                    if (back != g0) {
                        out.put(back.escape);
                        g0 = back;
                    }
                    out.put((byte) c);
                    in.position(in.position() + 1);
                    continue;
                }
                Iso2022CodeElement set = null;
                int code = -1;
                if (g1 != null && (code = g1.encode(c)) >= 0) {
                    set = g1;
                } else if (g0.bytesPerChar == 2 && (code = g0.encode(c)) >= 0) {
                    set = g0;
                } else {
                    for (Iso2022CodeElement e : listed) {
                        if ((code = e.encode(c)) >= 0) {
                            set = e;
                            break;
                        }
                    }
                }
                if (set == null) {
                    return CoderResult.unmappableForLength(1);
                }
                boolean designated = set.g == 0 ? set == g0 : set == g1;
                if (out.remaining() < set.bytesPerChar + (designated ? 0 : set.escape.length)) {
                    return CoderResult.OVERFLOW;
                }
                if (!designated) {
                    out.put(set.escape);
                    if (set.g == 0) {
                        g0 = set;
                    } else {
                        g1 = set;
                    }
                }
                int high = set.g == 0 ? 0 : 0x80;
                if (set.bytesPerChar == 2) {
                    out.put((byte) (code >>> 8 | high));
                }
                out.put((byte) (code & 0xFF | high));
                in.position(in.position() + 1);
            }
            return CoderResult.UNDERFLOW;
        }

        @Override
        protected CoderResult implFlush(ByteBuffer out) {
            if (g0 != initialG0) {
                if (out.remaining() < initialG0.escape.length) {
                    return CoderResult.OVERFLOW;
                }
                out.put(initialG0.escape);
                g0 = initialG0;
            }
            return CoderResult.UNDERFLOW;
        }

        @Override
        protected void implReset() {
            g0 = initialG0;
            g1 = initialG1;
        }

        @Override
        public boolean isLegalReplacement(byte[] repl) {
            return true; // '?' is ASCII in every initial G0
        }
    }
}
