package org.netdicom.core.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads PDUs from a stream, one at a time, on one thread. The 6-byte header is checked before
 * anything else is read or allocated: an unknown PDU type fails with
 * {@link AAbort#REASON_UNRECOGNIZED_PDU}, a PDU-length above the limit for its type with a
 * {@link PduTooLargeException}. The limits are:
 * <ul>
 * <li>P-DATA-TF: the PDU-length (the variable field, PS3.8 D.1) must not exceed the maximum length
 * this side announced in its Maximum Length sub-item, settable with
 * {@link #setMaxPDataLength(long)} once the association is negotiated; 0 means no limit other
 * than {@link #HARD_LIMIT};</li>
 * <li>A-ASSOCIATE-RQ/AC: a fixed bound ({@link #DEFAULT_MAX_ASSOCIATE_LENGTH} unless set), as the
 * negotiated length does not apply to them;</li>
 * <li>A-ASSOCIATE-RJ, A-RELEASE-RQ/RP, A-ABORT: 4, their only valid length.</li>
 * </ul>
 * A body larger than {@link #EAGER_ALLOCATION} is read into a buffer that grows as bytes arrive,
 * so a peer that announces a huge length and sends little cannot make us allocate much. A source
 * that lends its bytes in place ({@link PduSource#readInPlace}) gives the P-DATA-TF bodies of
 * {@link #read(boolean) read(true)} without a copy.
 *
 * <p>{@link #read()} returns {@code null} when the stream ends cleanly between PDUs, and throws
 * {@link EOFException} when it ends inside one (the peer closed the connection mid-PDU).
 */
public final class PduReader {

    /** Default bound on the length of an A-ASSOCIATE-RQ/AC: 1 MiB. */
    public static final long DEFAULT_MAX_ASSOCIATE_LENGTH = 1 << 20;

    /** No PDU body can be longer than this, whatever is configured: the largest Java array. */
    public static final long HARD_LIMIT = Integer.MAX_VALUE - 8;

    /** Bodies up to this size are allocated at once; larger ones grow as bytes arrive. */
    static final int EAGER_ALLOCATION = 256 * 1024;

    private final PduSource in;
    private final PduDecoder decoder = new PduDecoder();
    private final byte[] header = new byte[Pdu.HEADER_LENGTH];
    private byte[] lastBody;
    /** The last body when the source lent it in place ({@link #lastBody} is then unused). */
    private ByteBuffer lastInPlace;
    /** The P-DATA-TF body kept for the next one when the caller lets us reuse it; null until then. */
    private byte[] reusable;
    private boolean framingLost;
    private int lastLength;
    private int lastType;
    private final long maxAssociateLength;
    private volatile long maxPDataLength;

    /**
     * @param maxPDataLength the Maximum Length this side announces for P-DATA-TF; 0 for no limit
     */
    public PduReader(InputStream in, long maxPDataLength) {
        this(in, maxPDataLength, DEFAULT_MAX_ASSOCIATE_LENGTH);
    }

    public PduReader(InputStream in, long maxPDataLength, long maxAssociateLength) {
        this(PduSource.of(Objects.requireNonNull(in, "in")), maxPDataLength, maxAssociateLength);
    }

    public PduReader(PduSource in, long maxPDataLength, long maxAssociateLength) {
        this.in = Objects.requireNonNull(in, "in");
        setMaxPDataLength(maxPDataLength);
        if (maxAssociateLength < PduDecoder.ASSOCIATE_FIXED_LENGTH || maxAssociateLength > HARD_LIMIT) {
            throw new IllegalArgumentException("maxAssociateLength out of range: " + maxAssociateLength);
        }
        this.maxAssociateLength = maxAssociateLength;
    }

    /** Changes the P-DATA-TF limit, e.g. after negotiation; 0 means no limit. Takes effect on the next PDU. */
    public void setMaxPDataLength(long maxPDataLength) {
        if (maxPDataLength < 0 || maxPDataLength > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("maxPDataLength must be 0..4294967295, was " + maxPDataLength);
        }
        this.maxPDataLength = maxPDataLength;
    }

    public long maxPDataLength() {
        return maxPDataLength;
    }

    /**
     * Reads the next PDU.
     *
     * @return the PDU, or {@code null} if the stream ended before its first byte
     * @throws PduFormatException if the PDU is unknown, too long or malformed
     * @throws EOFException if the stream ends inside the PDU
     */
    public Pdu read() throws IOException {
        return read(false);
    }

    /**
     * Reads the next PDU; with {@code reuseDataBody}, a P-DATA-TF is read into the array of the
     * previous one, or left in place in the source's buffer, so its PDVs are valid only until the
     * next read (in place: as long as the source says, {@link PduSource#readInPlace}): for a caller
     * that copies or writes what it keeps in time (the DIMSE assembler does) and lets nobody else
     * hold the PDU. This saves an allocation, and the zeroing of it, per PDU; in place, also
     * the copying.
     *
     * @return the PDU, or {@code null} if the stream ended before its first byte
     */
    public Pdu read(boolean reuseDataBody) throws IOException {
        int n = readUpTo(header, Pdu.HEADER_LENGTH);
        if (n == 0) {
            return null;
        }
        if (n < Pdu.HEADER_LENGTH) {
            throw new EOFException("stream ended inside a PDU header after " + n + " of 6 bytes");
        }
        int type = header[0] & 0xFF;
        long length = ((header[2] & 0xFFL) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8)
                | (header[5] & 0xFF);
        long limit;
        try {
            limit = limitFor(type);
        } catch (PduFormatException unknownType) {
            framingLost = true;
            throw unknownType;
        }
        if (length > limit) {
            framingLost = true;
            throw new PduTooLargeException(type, length, limit);
        }
        if (reuseDataBody && type == Pdu.P_DATA_TF) {
            ByteBuffer inPlace = in.readInPlace((int) length);
            if (inPlace != null) {
                lastInPlace = inPlace;
                lastLength = (int) length;
                lastType = type;
                return decoder.pDataTf(inPlace);
            }
        }
        lastInPlace = null;
        byte[] body;
        if (reuseDataBody && type == Pdu.P_DATA_TF) {
            body = readBody(type, (int) length, reusable);
            reusable = body;
        } else {
            body = readBody(type, (int) length, null);
        }
        lastBody = body;
        lastLength = (int) length;
        lastType = type;
        return decoder.decode(type, body, 0, (int) length);
    }

    /**
     * True once a PDU header was refused (unknown type, or a length over the limit) without its
     * body being read: from there on nothing marks where the next PDU starts, and the rest of the
     * stream can only be discarded.
     */
    public boolean framingLost() {
        return framingLost;
    }

    /** Reads and drops what the stream has; false at its end. */
    public boolean discard() throws IOException {
        byte[] scratch = scratch();
        lastInPlace = null;
        return in.read(scratch, 0, scratch.length) >= 0;
    }

    private byte[] scratch() {
        if (lastBody == null || lastBody.length < 4096 || lastBody == reusable) {
            lastBody = new byte[4096];
            lastLength = 0;
        }
        return lastBody;
    }

    /**
     * The PDU the last {@link #read(boolean)} returned, decoded again from a copy of its body: one
     * that stays valid after the next read.
     */
    public Pdu lastPduDetached() throws PduFormatException {
        return decoder.decode(lastType, lastBodyCopy(), 0, lastLength);
    }

    private byte[] lastBodyCopy() {
        if (lastInPlace == null) {
            return Arrays.copyOf(lastBody, lastLength);
        }
        byte[] copy = new byte[lastLength];
        lastInPlace.get(lastInPlace.position(), copy);
        return copy;
    }

    /** A copy of the raw bytes (header and body) of the PDU the last {@link #read()} returned. */
    public byte[] lastPduBytes() {
        byte[] raw = new byte[Pdu.HEADER_LENGTH + lastLength];
        System.arraycopy(header, 0, raw, 0, Pdu.HEADER_LENGTH);
        if (lastInPlace != null || lastBody != null) {
            System.arraycopy(lastBodyCopy(), 0, raw, Pdu.HEADER_LENGTH, lastLength);
        }
        return raw;
    }

    private long limitFor(int type) throws PduFormatException {
        switch (type) {
            case Pdu.P_DATA_TF:
                long max = maxPDataLength;
                return max == 0 ? HARD_LIMIT : Math.min(max, HARD_LIMIT);
            case Pdu.A_ASSOCIATE_RQ:
            case Pdu.A_ASSOCIATE_AC:
                return maxAssociateLength;
            case Pdu.A_ASSOCIATE_RJ:
            case Pdu.A_RELEASE_RQ:
            case Pdu.A_RELEASE_RP:
            case Pdu.A_ABORT:
                return PduDecoder.FIXED_PDU_BODY_LENGTH;
            default:
                throw PduDecoder.unrecognizedType(type);
        }
    }

    /**
     * Reads a body of {@code length} bytes into {@code into} if it is large enough, else into a new
     * array of at most {@link #EAGER_ALLOCATION} bytes that grows as the bytes arrive.
     */
    private byte[] readBody(int type, int length, byte[] into) throws IOException {
        byte[] body = into != null && into.length >= Math.min(length, EAGER_ALLOCATION) ? into
                : new byte[Math.min(length, EAGER_ALLOCATION)];
        int filled = 0;
        while (filled < length) {
            if (filled == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
            }
            int r = in.read(body, filled, Math.min(body.length, length) - filled);
            if (r < 0) {
                throw new EOFException("stream ended inside a " + Pdu.typeName(type) + " body after " + filled
                        + " of " + length + " bytes");
            }
            filled += r;
        }
        return body;
    }

    /** Reads until {@code n} bytes or end of stream; returns how many were read. */
    private int readUpTo(byte[] b, int n) throws IOException {
        int filled = 0;
        while (filled < n) {
            int r = in.read(b, filled, n - filled);
            if (r < 0) {
                break;
            }
            filled += r;
        }
        return filled;
    }
}
