package org.netdicom.core.pdu;

import java.util.Arrays;

/**
 * A User Information sub-item of a type this codec does not know, kept as received so that a
 * later layer or a log can see it (PS3.8 D.2: such sub-items are ignored, not rejected).
 *
 * @param type the item-type byte
 * @param value the bytes after the item-length field; copied in and out
 */
public record UnknownItem(int type, byte[] value) {

    public UnknownItem {
        FieldChecks.u8("type", type);
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownItem other && type == other.type && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "UnknownItem[type=" + Hex.byteValue(type) + ", value=" + Hex.bytes(value) + ']';
    }
}
