package org.netdicom.core.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds test byte vectors from readable parts: a part in single quotes is ASCII text, anything
 * else is hex digits with optional spaces, e.g. {@code of("01 00", "'ANY-SCP         '")}.
 */
final class ByteVector {

    private ByteVector() {
    }

    static byte[] of(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            if (part.length() >= 2 && part.startsWith("'") && part.endsWith("'")) {
                out.writeBytes(part.substring(1, part.length() - 1).getBytes(StandardCharsets.ISO_8859_1));
                continue;
            }
            String hex = part.replace(" ", "");
            if (hex.length() % 2 != 0) {
                throw new IllegalArgumentException("odd number of hex digits in \"" + part + '"');
            }
            for (int i = 0; i < hex.length(); i += 2) {
                out.write(Integer.parseInt(hex, i, i + 2, 16));
            }
        }
        return out.toByteArray();
    }

    /** {@code n} zero bytes as a hex part. */
    static String zeros(int n) {
        return "00".repeat(n);
    }

    /** Decodes a whole encoded PDU (header included) with the decoder. */
    static Pdu decode(byte[] pdu) throws PduFormatException {
        return new PduDecoder().decode(pdu[0] & 0xFF, pdu, Pdu.HEADER_LENGTH, pdu.length - Pdu.HEADER_LENGTH);
    }
}
