package org.netdicom.core.pdu;

/**
 * The PDU-length field of a received PDU exceeds what this side accepts for that PDU type. It is
 * raised from the 6-byte header alone, before any of the body is read or allocated.
 */
public class PduTooLargeException extends PduFormatException {

    private static final long serialVersionUID = 1L;

    private final int pduType;
    private final long length;
    private final long limit;

    public PduTooLargeException(int pduType, long length, long limit) {
        super(Pdu.typeName(pduType) + " PDU-length " + length + " exceeds the limit of " + limit, 2);
        this.pduType = pduType;
        this.length = length;
        this.limit = limit;
    }

    public int pduType() {
        return pduType;
    }

    /** The PDU-length field as received (unsigned). */
    public long length() {
        return length;
    }

    public long limit() {
        return limit;
    }
}
