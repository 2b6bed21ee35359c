package org.netdicom.core.pdu;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * Encodes PDUs as PS3.8 9.3 lays them out: big-endian, reserved fields zero, AE titles space
 * padded to 16 bytes, UIDs unpadded (PS3.8 Annex F), items in increasing item-type order (PS3.8
 * 9.3.1). Stateless and thread-safe. A record whose items do not fit their 16-bit length fields
 * fails with {@link IllegalArgumentException}.
 */
public final class PduEncoder {

    /** PDU header (6) plus PDV item header (4-byte length, context id, control header). */
    /** Bytes in front of a P-DATA-TF PDU's single PDV: PDU header (6), item length (4), context ID, control header. */
    public static final int PDATA_HEADERS = 12;

    /** The PDU as bytes, header included. */
    public byte[] encode(Pdu pdu) {
        if (pdu instanceof PDataTf p) {
            return encodePDataTf(p);
        }
        EncodeBuffer out = new EncodeBuffer();
        out.u8(pdu.type());
        out.u8(0);
        int lengthMark = out.position();
        out.u32(0);
        if (pdu instanceof AAssociateRq rq) {
            fixedFields(out, rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle());
            applicationContext(out, rq.applicationContextName());
            for (PresentationContextRq pc : rq.presentationContexts()) {
                presentationContext(out, pc);
            }
            UserInformationEncoder.write(out, rq.userInformation());
        } else if (pdu instanceof AAssociateAc ac) {
            fixedFields(out, ac.protocolVersion(), ac.calledAeTitle(), ac.callingAeTitle());
            applicationContext(out, ac.applicationContextName());
            for (PresentationContextAc pc : ac.presentationContexts()) {
                presentationContext(out, pc);
            }
            UserInformationEncoder.write(out, ac.userInformation());
        } else if (pdu instanceof AAssociateRj rj) {
            out.u8(0);
            out.u8(rj.result());
            out.u8(rj.source());
            out.u8(rj.reason());
        } else if (pdu instanceof AAbort abort) {
            out.u8(0);
            out.u8(0);
            out.u8(abort.source());
            out.u8(abort.reason());
        } else {
            out.zeros(4); // A-RELEASE-RQ and -RP: four reserved bytes (PS3.8 9.3.6, 9.3.7)
        }
        out.endPdu(lengthMark);
        return out.toByteArray();
    }

    /** Writes the PDU to {@code out}; a P-DATA-TF goes out from its PDV slices without a copy. */
    public void write(Pdu pdu, OutputStream out) throws IOException {
        if (pdu instanceof PDataTf p) {
            List<PresentationDataValue> values = p.values();
            byte[] header = new byte[PDATA_HEADERS];
            header[0] = (byte) Pdu.P_DATA_TF;
            putU32(header, 2, pDataBodyLength(values));
            out.write(header, 0, Pdu.HEADER_LENGTH);
            for (PresentationDataValue v : values) {
                pdvHeader(header, 0, v.contextId(), v.messageControlHeader(), v.length());
                out.write(header, 0, 6);
                out.write(v.buffer(), v.offset(), v.length());
            }
            return;
        }
        out.write(encode(pdu));
    }

    /**
     * Writes one P-DATA-TF PDU holding one PDV of {@code len} bytes of {@code data}: the data path
     * for large transfers, without building a record. {@code len} should not exceed the peer's
     * maximum length minus 6 (the PDV item header); checking that is the caller's job. It makes two
     * writes (12 header bytes, then the data), so {@code out} should be buffered or the data large.
     */
    public static void writePDataTf(OutputStream out, int contextId, int controlHeader, byte[] data, int off,
            int len) throws IOException {
        Objects.checkFromIndexSize(off, len, data.length);
        out.write(pDataTfHeader(contextId, controlHeader, len), 0, PDATA_HEADERS);
        out.write(data, off, len);
    }

    /**
     * The 12 bytes in front of a P-DATA-TF PDU's single PDV of {@code len} bytes: PDU header (6),
     * item length (4), presentation context ID and message control header (PS3.8 9.3.5, E.2).
     */
    public static byte[] pDataTfHeader(int contextId, int controlHeader, int len) {
        byte[] header = new byte[PDATA_HEADERS];
        header[0] = (byte) Pdu.P_DATA_TF;
        putU32(header, 2, len + 6L);
        pdvHeader(header, 6, contextId, controlHeader, len);
        return header;
    }

    /**
     * Puts {@link #pDataTfHeader}'s 12 bytes into {@code buffer} at {@code index}, its position
     * left alone: the header of a PDU laid out in place, its value after it.
     */
    public static void putPDataTfHeader(ByteBuffer buffer, int index, int contextId, int controlHeader, int len) {
        ByteBuffer bigEndian = buffer.order() == ByteOrder.BIG_ENDIAN ? buffer : buffer.duplicate();
        bigEndian.putShort(index, (short) (Pdu.P_DATA_TF << 8)); // PDU type, reserved
        bigEndian.putInt(index + 2, len + 6);
        bigEndian.putInt(index + 6, len + 2); // the PDV item's length
        bigEndian.putShort(index + 10, (short) (contextId << 8 | controlHeader));
    }

    private static byte[] encodePDataTf(PDataTf p) {
        List<PresentationDataValue> values = p.values();
        long bodyLength = pDataBodyLength(values);
        if (bodyLength > Integer.MAX_VALUE - Pdu.HEADER_LENGTH - 8) {
            throw new IllegalArgumentException("P-DATA-TF of " + bodyLength + " bytes does not fit one array");
        }
        byte[] b = new byte[(int) bodyLength + Pdu.HEADER_LENGTH];
        b[0] = (byte) Pdu.P_DATA_TF;
        putU32(b, 2, bodyLength);
        int pos = Pdu.HEADER_LENGTH;
        for (PresentationDataValue v : values) {
            pdvHeader(b, pos, v.contextId(), v.messageControlHeader(), v.length());
            System.arraycopy(v.buffer(), v.offset(), b, pos + 6, v.length());
            pos += 6 + v.length();
        }
        return b;
    }

    private static long pDataBodyLength(List<PresentationDataValue> values) {
        long n = 0;
        for (PresentationDataValue v : values) {
            n += 6L + v.length();
        }
        if (n > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("P-DATA-TF body of " + n + " bytes exceeds the 32-bit PDU-length");
        }
        return n;
    }

    /** PS3.8 9.3.5.1: item length (covers context id + control header + data), context id, header. */
    private static void pdvHeader(byte[] b, int at, int contextId, int controlHeader, int dataLength) {
        putU32(b, at, dataLength + 2L);
        b[at + 4] = (byte) contextId;
        b[at + 5] = (byte) controlHeader;
    }

    private static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** PS3.8 9.3.2: Protocol-version, 2 reserved, called AE, calling AE, 32 reserved. */
    private static void fixedFields(EncodeBuffer out, int protocolVersion, String called, String calling) {
        out.u16(protocolVersion);
        out.zeros(2);
        out.aeTitle(called);
        out.aeTitle(calling);
        out.zeros(32);
    }

    private static void applicationContext(EncodeBuffer out, String name) {
        int mark = out.beginItem(ItemType.APPLICATION_CONTEXT);
        out.ascii(name);
        out.endItem(mark, "application context name");
    }

    /** PS3.8 9.3.2.2: id, 3 reserved bytes, abstract syntax sub-item, transfer syntax sub-items. */
    private static void presentationContext(EncodeBuffer out, PresentationContextRq pc) {
        int mark = out.beginItem(ItemType.PRESENTATION_CONTEXT_RQ);
        out.u8(pc.id());
        out.zeros(3);
        textItem(out, ItemType.ABSTRACT_SYNTAX, pc.abstractSyntax(), "abstract syntax");
        for (String ts : pc.transferSyntaxes()) {
            textItem(out, ItemType.TRANSFER_SYNTAX, ts, "transfer syntax");
        }
        out.endItem(mark, "presentation context " + pc.id());
    }

    /** PS3.8 9.3.3.2: id, reserved, result, reserved, one transfer syntax sub-item (empty if none). */
    private static void presentationContext(EncodeBuffer out, PresentationContextAc pc) {
        int mark = out.beginItem(ItemType.PRESENTATION_CONTEXT_AC);
        out.u8(pc.id());
        out.u8(0);
        out.u8(pc.result());
        out.u8(0);
        textItem(out, ItemType.TRANSFER_SYNTAX, pc.transferSyntax() == null ? "" : pc.transferSyntax(),
                "transfer syntax");
        out.endItem(mark, "presentation context " + pc.id());
    }

    /** An item holding ISO 646 text without padding: a UID or the implementation version name. */
    static void textItem(EncodeBuffer out, int type, String uid, String what) {
        int mark = out.beginItem(type);
        out.ascii(uid);
        out.endItem(mark, what);
    }
}
