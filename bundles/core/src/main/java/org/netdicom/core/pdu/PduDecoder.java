package org.netdicom.core.pdu;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes a PDU body (the bytes after the 6-byte header) into a {@link Pdu}. Every length is
 * checked against its enclosing item or PDU; reserved fields are not tested (PS3.8 9.3.1 and the
 * tables of 9.3.2-9.3.8). Stateless and thread-safe.
 *
 * <p>The decoder checks structure, not meaning: it does not test the protocol version (see
 * {@link AAssociateRq#supportsVersion1()}), AE titles, whether presentation context ids are odd
 * or unique, or whether a PDV's context id was negotiated; the DUL and ACSE layers do.
 */
public final class PduDecoder {

    /** Length of the fixed fields of A-ASSOCIATE-RQ/AC before the variable items (PS3.8 9.3.2). */
    static final int ASSOCIATE_FIXED_LENGTH = 68;

    /** Body length of A-ASSOCIATE-RJ, A-RELEASE-RQ/RP and A-ABORT (PS3.8 9.3.4, 9.3.6-9.3.8). */
    static final int FIXED_PDU_BODY_LENGTH = 4;

    /**
     * Decodes {@code length} bytes of {@code body} from {@code offset} as a PDU of {@code type}.
     * A decoded P-DATA-TF refers to slices of {@code body}, which must stay unchanged while the
     * values are in use.
     *
     * @throws PduFormatException for an unknown type or any structural error
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not fit {@code body}
     */
    public Pdu decode(int type, byte[] body, int offset, int length) throws PduFormatException {
        Objects.checkFromIndexSize(offset, length, body.length);
        BodyCursor c = new BodyCursor(body, offset, length);
        switch (type) {
            case Pdu.A_ASSOCIATE_RQ: return associateRq(c);
            case Pdu.A_ASSOCIATE_AC: return associateAc(c);
            case Pdu.A_ASSOCIATE_RJ:
                requireFixedLength(type, length);
                c.skip(1, "reserved");
                return new AAssociateRj(c.u8("Result"), c.u8("Source"), c.u8("Reason/Diag."));
            case Pdu.P_DATA_TF: return pDataTf(ByteBuffer.wrap(body, offset, length));
            case Pdu.A_RELEASE_RQ:
                requireFixedLength(type, length);
                return new AReleaseRq();
            case Pdu.A_RELEASE_RP:
                requireFixedLength(type, length);
                return new AReleaseRp();
            case Pdu.A_ABORT:
                requireFixedLength(type, length);
                c.skip(2, "reserved");
                return new AAbort(c.u8("Source"), c.u8("Reason/Diag."));
            default:
                throw unrecognizedType(type);
        }
    }

    /** The error for a PDU-type byte that is not one of the seven (PS3.8 9.3.1). */
    static PduFormatException unrecognizedType(int type) {
        return new PduFormatException("unrecognized " + Pdu.typeName(type), 0, AAbort.REASON_UNRECOGNIZED_PDU);
    }

    private static void requireFixedLength(int type, int length) throws PduFormatException {
        if (length != FIXED_PDU_BODY_LENGTH) {
            throw new PduFormatException(Pdu.typeName(type) + " PDU-length must be 4, was " + length, 2);
        }
    }

    /**
     * Decodes a P-DATA-TF body, position to limit of {@code body} (PS3.8 9.3.5: one or more PDV
     * items, each a 4-byte length, context id, control header, data). The values are slices of
     * {@code body}'s array, or of {@code body} itself when it is direct: it must stay unchanged
     * while they are in use.
     */
    public PDataTf pDataTf(ByteBuffer body) throws PduFormatException {
        int start = body.position();
        int end = body.limit();
        if (start == end) {
            throw new PduFormatException("P-DATA-TF without a Presentation Data Value item", Pdu.HEADER_LENGTH);
        }
        List<PresentationDataValue> values = new ArrayList<>(2);
        for (int pos = start; pos < end; ) {
            long itemOffset = pos - start + Pdu.HEADER_LENGTH; // errors count from the PDU header
            if (end - pos < 4) {
                throw new PduFormatException("PDV item-length needs 4 bytes but only " + (end - pos)
                        + " remain in its enclosing item or PDU", itemOffset);
            }
            long itemLength = body.getInt(pos) & 0xFFFF_FFFFL;
            pos += 4;
            if (itemLength < 2) {
                throw new PduFormatException("PDV item-length " + itemLength
                        + " is less than 2 (context id and message control header)", itemOffset);
            }
            if (itemLength > end - pos) {
                throw new PduFormatException("PDV item-length " + itemLength + " runs past the end of the PDU ("
                        + (end - pos) + " bytes left)", itemOffset);
            }
            int contextId = body.get(pos) & 0xFF;
            int controlHeader = body.get(pos + 1) & 0xFF;
            int dataStart = pos + 2;
            int dataLength = (int) itemLength - 2;
            values.add(body.hasArray()
                    ? new PresentationDataValue(contextId, controlHeader, body.array(), body.arrayOffset() + dataStart,
                            dataLength)
                    : PresentationDataValue.ofSlice(contextId, controlHeader, body, dataStart, dataLength));
            pos = dataStart + dataLength;
        }
        return new PDataTf(values);
    }

    private static AAssociateRq associateRq(BodyCursor c) throws PduFormatException {
        AssociateFields f = AssociateFields.read(c, Pdu.A_ASSOCIATE_RQ);
        return new AAssociateRq(f.protocolVersion, f.calledAeTitle, f.callingAeTitle, f.applicationContext,
                f.requestedContexts, f.userInformation);
    }

    private static AAssociateAc associateAc(BodyCursor c) throws PduFormatException {
        AssociateFields f = AssociateFields.read(c, Pdu.A_ASSOCIATE_AC);
        return new AAssociateAc(f.protocolVersion, f.calledAeTitle, f.callingAeTitle, f.applicationContext,
                f.acceptedContexts, f.userInformation);
    }
}
