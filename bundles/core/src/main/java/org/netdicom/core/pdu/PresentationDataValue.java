package org.netdicom.core.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Presentation Data Value item (PS3.8 9.3.5.1): a presentation context id, the message
 * control header (PS3.8 Annex E) and a fragment of a command or data set. The fragment is a slice
 * of {@code buffer}, not a copy: after decoding it points into the PDU body, which must therefore
 * not be reused while this value is in use. {@link #copyData()} makes a private copy.
 *
 * @param contextId the Presentation-context-ID
 * @param messageControlHeader bit 0 = command, bit 1 = last fragment; other bits are 0
 * @param buffer array holding the fragment
 * @param offset start of the fragment in {@code buffer}
 * @param length fragment length in bytes (without the context id and control header bytes)
 */
public record PresentationDataValue(int contextId, int messageControlHeader, byte[] buffer, int offset,
        int length) {

    /** Message control header bit 0: 1 = command information, 0 = data set (PS3.8 E.2). */
    public static final int COMMAND = 0x01;
    /** Message control header bit 1: 1 = last fragment of the command or data set (PS3.8 E.2). */
    public static final int LAST = 0x02;

    public PresentationDataValue {
        FieldChecks.u8("contextId", contextId);
        FieldChecks.u8("messageControlHeader", messageControlHeader);
        Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.length);
    }

    /** A value over all of {@code data}. */
    public static PresentationDataValue of(int contextId, int messageControlHeader, byte[] data) {
        return new PresentationDataValue(contextId, messageControlHeader, data, 0, data.length);
    }

    public boolean isCommand() {
        return (messageControlHeader & COMMAND) != 0;
    }

    public boolean isLast() {
        return (messageControlHeader & LAST) != 0;
    }

    /** A copy of the fragment bytes. */
    public byte[] copyData() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    /** Equal when context id, control header and fragment bytes are equal, wherever they are stored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PresentationDataValue other && contextId == other.contextId
                && messageControlHeader == other.messageControlHeader
                && Arrays.equals(buffer, offset, offset + length, other.buffer, other.offset,
                        other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = 31 * contextId + messageControlHeader;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + buffer[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "[PDV ctx=" + contextId + (isCommand() ? " command" : " data") + (isLast() ? " last " : " ")
                + length + " bytes: " + Hex.bytes(buffer, offset, length) + ']';
    }
}
