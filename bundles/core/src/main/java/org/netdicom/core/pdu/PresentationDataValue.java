package org.netdicom.core.pdu;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Presentation Data Value item (PS3.8 9.3.5.1): a presentation context id, the message
 * control header (PS3.8 Annex E) and a fragment of a command or data set. The fragment is a slice,
 * not a copy: of an array ({@code buffer}, from {@code offset}), or of the direct buffer a PDU was
 * read into from a socket channel ({@link #ofSlice}). After decoding it points into the PDU body,
 * which must therefore not be reused while this value is in use; {@link #copyData()} makes a
 * private copy.
 */
public final class PresentationDataValue {

    /** Message control header bit 0: 1 = command information, 0 = data set (PS3.8 E.2). */
    public static final int COMMAND = 0x01;
    /** Message control header bit 1: 1 = last fragment of the command or data set (PS3.8 E.2). */
    public static final int LAST = 0x02;

    private final int contextId;
    private final int messageControlHeader;
    private byte[] buffer;
    private final int offset;
    private final int length;
    /** The fragment when it lies in a direct buffer; null when it is a slice of {@link #buffer}. */
    private final ByteBuffer slice;

    /**
     * @param contextId the Presentation-context-ID
     * @param messageControlHeader bit 0 = command, bit 1 = last fragment; other bits are 0
     * @param buffer array holding the fragment
     * @param offset start of the fragment in {@code buffer}
     * @param length fragment length in bytes (without the context id and control header bytes)
     */
    public PresentationDataValue(int contextId, int messageControlHeader, byte[] buffer, int offset, int length) {
        this(contextId, messageControlHeader, Objects.requireNonNull(buffer, "buffer"), offset, length, null);
        Objects.checkFromIndexSize(offset, length, buffer.length);
    }

    private PresentationDataValue(int contextId, int messageControlHeader, byte[] buffer, int offset, int length,
            ByteBuffer slice) {
        FieldChecks.u8("contextId", contextId);
        FieldChecks.u8("messageControlHeader", messageControlHeader);
        this.contextId = contextId;
        this.messageControlHeader = messageControlHeader;
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.slice = slice;
    }

    /** A value over all of {@code data}. */
    public static PresentationDataValue of(int contextId, int messageControlHeader, byte[] data) {
        return new PresentationDataValue(contextId, messageControlHeader, data, 0, data.length);
    }

    /**
     * A value over {@code length} bytes of {@code buffer} from {@code index} (not copied: they must
     * stay unchanged while the value is in use).
     */
    public static PresentationDataValue ofSlice(int contextId, int messageControlHeader, ByteBuffer buffer, int index,
            int length) {
        return new PresentationDataValue(contextId, messageControlHeader, null, 0, length, buffer.slice(index, length));
    }

    public int contextId() {
        return contextId;
    }

    public int messageControlHeader() {
        return messageControlHeader;
    }

    /**
     * The array holding the fragment from {@link #offset()}; for a fragment in a direct buffer, a
     * copy of it, made on the first call.
     */
    public byte[] buffer() {
        if (buffer == null) {
            buffer = copyData();
        }
        return buffer;
    }

    /** Where the fragment starts in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** The fragment's length in bytes (without the context id and control header bytes). */
    public int length() {
        return length;
    }

    /**
     * The fragment as a buffer of its own (position 0, limit its length) over the same bytes, not
     * a copy: direct when the PDU was read into a direct buffer, so that it can go to a file
     * channel without being copied on the way.
     */
    public ByteBuffer data() {
        return slice != null ? slice.duplicate() : ByteBuffer.wrap(buffer, offset, length).slice();
    }

    public boolean isCommand() {
        return (messageControlHeader & COMMAND) != 0;
    }

    public boolean isLast() {
        return (messageControlHeader & LAST) != 0;
    }

    /** A copy of the fragment bytes. */
    public byte[] copyData() {
        if (slice == null) {
            return Arrays.copyOfRange(buffer, offset, offset + length);
        }
        byte[] copy = new byte[length];
        slice.get(0, copy);
        return copy;
    }

    /** Equal when context id, control header and fragment bytes are equal, wherever they are stored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PresentationDataValue other && contextId == other.contextId
                && messageControlHeader == other.messageControlHeader && data().equals(other.data());
    }

    @Override
    public int hashCode() {
        int h = 31 * contextId + messageControlHeader;
        ByteBuffer data = data();
        for (int i = 0; i < length; i++) {
            h = 31 * h + data.get(i);
        }
        return h;
    }

    @Override
    public String toString() {
        byte[] bytes = slice == null ? buffer : buffer();
        return "[PDV ctx=" + contextId + (isCommand() ? " command" : " data") + (isLast() ? " last " : " ")
                + length + " bytes: " + Hex.bytes(bytes, offset, length) + ']';
    }
}
