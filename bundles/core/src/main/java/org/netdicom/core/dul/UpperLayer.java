package org.netdicom.core.dul;

import static org.netdicom.core.dul.DulEvent.*;
import static org.netdicom.core.dul.DulState.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.netdicom.core.pdu.AAbort;
import org.netdicom.core.pdu.AAssociateAc;
import org.netdicom.core.pdu.AAssociateRj;
import org.netdicom.core.pdu.AAssociateRq;
import org.netdicom.core.pdu.AReleaseRp;
import org.netdicom.core.pdu.AReleaseRq;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.Pdu;
import org.netdicom.core.pdu.PduEncoder;
import org.netdicom.core.pdu.PduFormatException;
import org.netdicom.core.pdu.PduReader;
import org.netdicom.core.pdu.PresentationDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DICOM Upper Layer protocol machine of one transport connection (PS3.8 9.2). Events come from
 * the connection's reader thread (received PDUs, Evt3-Evt19), from the service user (local
 * primitives) and from the ARTIM timer; each is looked up in {@link DulStateTable} and its action
 * performed under one lock. Indications to the {@link DulUser} are collected while the lock is held
 * and delivered after it is released, so the user may answer them at once.
 *
 * <p>P-DATA requests take a fast path: the state is checked under the lock, the PDU is written under
 * the write lock only, so a large send never holds up the processing of received PDUs.
 */
public final class UpperLayer {

    private static final Logger LOG = LoggerFactory.getLogger(UpperLayer.class);

    /** Protocol version bit 0 (PS3.8 9.3.2): the only version defined. */
    private static final int PROTOCOL_VERSION = 1;

    private static final PduEncoder ENCODER = new PduEncoder();
    private static final long SHUTDOWN_ABORT_MILLIS = 200;

    private final Socket socket;
    private final DulUser user;
    private final PduReader reader;
    private final ConnectionStreams streams;
    private final OutputStream out;
    private final ArtimTimer artim;
    private final boolean requestor;
    /** The read and write in progress, for the network and DIMSE timeouts. */
    private final IoProgress io;
    private final Watchdog.Watched timeouts = this::checkTimeouts;

    private final ReentrantLock lock = new ReentrantLock();
    private final Object writeLock = new Object();
    private final List<Runnable> indications = new ArrayList<>();
    private volatile DulState state = STA1;
    private volatile int peerMaxPduLength;
    private AAssociateRq pendingRequest;
    private final AtomicBoolean finished = new AtomicBoolean();

    /**
     * @param maxReceivePduLength our maximum P-DATA-TF length, 0 = unlimited
     * @param artimTimeout        the ARTIM timer (PS3.8 9.1.5), normally the ACSE timeout
     */
    public UpperLayer(Socket socket, DulUser user, int maxReceivePduLength, Duration artimTimeout,
            Duration networkTimeout, boolean requestor) throws IOException {
        this.socket = socket;
        this.user = user;
        this.requestor = requestor;
        this.streams = new ConnectionStreams(socket, user, maxReceivePduLength);
        this.reader = streams.reader;
        this.out = streams.out;
        this.artim = new ArtimTimer(artimTimeout, this::artimExpired);
        this.io = new IoProgress(networkTimeout == null ? 0 : networkTimeout.toNanos());
        Watchdog.watch(timeouts);
    }

    public DulState state() {
        return state;
    }

    /** The peer's maximum receive length from its A-ASSOCIATE-RQ/AC, 0 = unlimited. */
    public int peerMaxPduLength() {
        return peerMaxPduLength;
    }

    public void setPeerMaxPduLength(int length) {
        this.peerMaxPduLength = length;
    }

    /**
     * Acceptor: serves an accepted transport connection until it closes: Evt5, then the PDU read
     * loop. A read that waits longer than the network timeout aborts the association.
     */
    public void serveAcceptor() {
        dispatch(EVT5, null);
        readUntilClosed();
        // this thread was the connection's only reader and has read for the last time
        releaseReadBuffer();
    }

    /**
     * Gives a plain connection's read buffer back to the pool, for the next connection: call it
     * once the connection is closed and its last read has returned, with no read to come (what the
     * DIMSE assembler held in the buffer went with the connection). A read after it fails.
     */
    public void releaseReadBuffer() {
        streams.releaseReadBuffer();
    }

    /**
     * Requestor: A-ASSOCIATE request primitive (Evt1) on a transport already connected by the
     * caller, so the connect confirmation (Evt2) follows at once and sends the A-ASSOCIATE-RQ.
     * The caller then runs {@link #readUntilClosed} on a reader thread.
     */
    public void requestAssociation(AAssociateRq request) {
        associateRequest(request);
        transportConnected();
    }

    /** A-ASSOCIATE request primitive (Evt1) alone: AE-1 keeps the request until Evt2. */
    void associateRequest(AAssociateRq request) {
        dispatchLocal(EVT1, request);
    }

    /** Transport connect confirmation (Evt2): sends the A-ASSOCIATE-RQ kept by AE-1. */
    void transportConnected() {
        dispatch(EVT2, null);
    }

    /** Reads and processes PDUs until the connection closes; then tells the user it is closed. */
    public void readUntilClosed() {
        while (readOne()) {
            // Each call handles one PDU. A handler may have left this thread interrupted (restoring
            // the status after an InterruptedException, as it should): the thread is the engine's,
            // and the file and socket channels of the next message would close themselves on I/O
            // by an interrupted thread (a store into the spool file failed with 0xA700).
            Thread.interrupted();
        }
    }

    /**
     * Reads and processes one PDU (or the end of the connection). Only one thread may read at a
     * time; the requestor lets the thread waiting for a response read it itself. Returns false once
     * the connection is closed, after the user has been told (once).
     */
    public boolean readOne() {
        try {
            return readOne(0);
        } catch (SocketTimeoutException cannotHappen) {
            return true;
        }
    }

    /**
     * As {@link #readOne()}, but with a deadline ({@link System#nanoTime()}, 0 = none) of the
     * caller's, who waits for a response: when it passes with nothing read, the association is
     * aborted and {@link SocketTimeoutException} thrown.
     */
    public boolean readOne(long deadlineNanos) throws SocketTimeoutException {
        if (state == STA1) {
            finish();
            return false;
        }
        Pdu pdu;
        // Nobody but the DIMSE assembler, which copies what it keeps, sees a P-DATA-TF unless
        // PDUs are watched: then its body can serve the next one (or lie in the read buffer). The
        // PDU goes to the watchers only if they were there when it was detached: one bound in
        // between sees the next PDU, never a body the buffer will reuse.
        boolean reuse = !user.wantsReceivedPdus();
        boolean watched = !reuse;
        io.readStarted(deadlineNanos);
        try {
            if (reader.framingLost()) {
                // After an unframeable PDU the rest is noise: drop it until the peer closes or
                // the ARTIM timer of Sta13 runs out, and answer none of it.
                if (reader.discard()) {
                    return continueReading();
                }
                pdu = null;
            } else {
                pdu = reader.read(reuse);
                if (pdu != null && reuse && user.wantsReceivedPdus()) {
                    pdu = reader.lastPduDetached(); // a watcher came meanwhile: it may keep the PDU
                    watched = true;
                }
            }
        } catch (PduFormatException e) {
            LOG.debug("invalid PDU from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
            dispatch(EVT19, e.abortReason());
            return continueReading();
        } catch (IOException e) {
            if (state != STA1) {
                dispatch(EVT17, null);
            }
            finish();
            if (io.readTimedOut()) {
                throw new SocketTimeoutException("no data before the deadline");
            }
            return false;
        } finally {
            io.readEnded();
        }
        if (pdu == null) {
            dispatch(EVT17, null);
            finish();
            if (io.readTimedOut()) {
                // the watchdog's abort made the peer close first: still the caller's timeout
                throw new SocketTimeoutException("no data before the deadline");
            }
            return false;
        }
        if (user.wantsRawData()) {
            user.rawDataReceived(reader.lastPduBytes());
        }
        if (watched) {
            user.pduReceived(pdu);
        }
        dispatch(eventOf(pdu), pdu);
        return continueReading();
    }

    /**
     * Watchdog: a read that waits past its caller's deadline aborts the association (the DIMSE
     * timeout); one that waits past the network timeout aborts it too, or, in Sta13 where an abort
     * was already sent, closes the connection the peer never closed.
     */
    private void checkTimeouts(long now) {
        if (state == STA1) {
            return;
        }
        switch (io.overdue(now)) {
            case WRITE_STALLED -> {
                // The peer stopped reading: nothing can be sent any more, not even an A-ABORT.
                LOG.info("{} has not read what we sent within the network timeout: closing",
                        socket.getRemoteSocketAddress());
                closeTransport();
            }
            case READ_DEADLINE -> Watchdog.act(() -> {
                abortQuietly();
                closeTransport();
            });
            case READ_IDLE -> {
                if (state == STA13) {
                    closeTransport();
                } else {
                    LOG.info("no data from {} within the network timeout: aborting", socket.getRemoteSocketAddress());
                    Watchdog.act(this::abortQuietly);
                }
            }
            case NONE -> {
                // nothing late
            }
        }
    }

    private boolean continueReading() {
        if (state == STA1) {
            finish();
            return false;
        }
        return true;
    }

    /** Closes the transport and tells the user, once, whichever thread gets here first. */
    private void finish() {
        if (finished.compareAndSet(false, true)) {
            Watchdog.unwatch(timeouts);
            closeTransport();
            artim.stop();
            user.closed();
        }
    }

    private static DulEvent eventOf(Pdu pdu) {
        return switch (pdu.type()) {
            case 0x01 -> EVT6;
            case 0x02 -> EVT3;
            case 0x03 -> EVT4;
            case 0x04 -> EVT10;
            case 0x05 -> EVT12;
            case 0x06 -> EVT13;
            case 0x07 -> EVT16;
            default -> EVT19;
        };
    }

    // ---- local primitives (service user -> Upper Layer) ------------------------------------

    /** A-ASSOCIATE response primitive, accept (Evt7). */
    public void accept(AAssociateAc accept) {
        dispatchLocal(EVT7, accept);
    }

    /** A-ASSOCIATE response primitive, reject (Evt8). */
    public void reject(AAssociateRj reject) {
        dispatchLocal(EVT8, reject);
    }

    /** A-RELEASE request primitive (Evt11). */
    public void releaseRequest() {
        dispatchLocal(EVT11, null);
    }

    /** A-RELEASE response primitive (Evt14). */
    public void releaseResponse() {
        dispatchLocal(EVT14, null);
    }

    /** A-ABORT request primitive (Evt15); does nothing once the association is gone. */
    public void abort(AAbort abort) {
        lock.lock();
        try {
            if (DulStateTable.action(state, EVT15) == null) {
                return;
            }
        } finally {
            lock.unlock();
        }
        dispatch(EVT15, abort);
    }

    /** Ends the connection whatever the state: A-ABORT where the state allows one, then close. */
    public void shutdown() {
        // The A-ABORT goes out if it can within a moment; a peer that stopped reading gets the close.
        Future<?> abort = Watchdog.act(this::abortQuietly);
        try {
            abort.get(SHUTDOWN_ABORT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("no A-ABORT to {} before closing: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeTransport();
    }

    private void abortQuietly() {
        abort(new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
    }

    /**
     * P-DATA request primitive (Evt9) with a single PDV: DT-1 in Sta6, AR-7 in Sta8.
     *
     * @throws IOException           if the transport fails while writing
     * @throws IllegalStateException if the association is not in a state that allows sending data
     */
    public void sendData(int contextId, int messageControlHeader, byte[] data, int offset, int length)
            throws IOException {
        sendData(contextId, messageControlHeader, data, offset, length, true);
    }

    /**
     * As {@link #sendData(int, int, byte[], int, int)}; without {@code flush} the PDU may wait in
     * the output buffer for the next one (a message's fragments but its last).
     */
    public void sendData(int contextId, int messageControlHeader, byte[] data, int offset, int length,
            boolean flush) throws IOException {
        dataRequested();
        if (user.wantsRawData() || user.wantsDataPdus()) {
            sendObserved(contextId, messageControlHeader, data, offset, length);
            return;
        }
        synchronized (writeLock) {
            io.writeStarted();
            try {
                PduEncoder.writePDataTf(out, contextId, messageControlHeader, data, offset, length);
                if (flush) {
                    out.flush();
                }
            } finally {
                io.writeEnded();
            }
        }
    }

    /**
     * Whether {@link #sendPDataTf} writes from direct memory as it is: a plain connection nobody
     * watches the PDUs or bytes of. Else a file is best sent as a stream.
     */
    public boolean sendsFromDirectMemory() {
        return streams.channelOutput != null && !user.wantsRawData() && !user.wantsDataPdus();
    }

    /**
     * Sends {@code pdus}, from its position to its limit (consumed): {@code count} whole P-DATA-TF
     * PDUs of one PDV each that the caller laid out in direct memory, header
     * ({@link PduEncoder#putPDataTfHeader}) and value, in one gathered write with the PDUs buffered
     * before them, the values never copied. Should that not be possible any more
     * ({@link #sendsFromDirectMemory}: someone started watching), each PDU's value is copied and
     * sent as an array.
     */
    public void sendPDataTf(ByteBuffer pdus, int count) throws IOException {
        ChannelOutput direct = streams.channelOutput;
        if (!sendsFromDirectMemory()) {
            sendEachAsArray(pdus);
            return;
        }
        for (int i = 0; i < count; i++) {
            dataRequested();
        }
        synchronized (writeLock) {
            io.writeStarted();
            try {
                direct.writeAfterBuffered(pdus);
            } finally {
                io.writeEnded();
            }
        }
    }

    private void sendEachAsArray(ByteBuffer pdus) throws IOException {
        pdus.order(ByteOrder.BIG_ENDIAN); // as the PDUs' length fields
        while (pdus.hasRemaining()) {
            int at = pdus.position();
            int length = pdus.getInt(at + 6) - 2; // the PDV item's length, less context ID and control header
            int controlHeader = pdus.get(at + 11);
            byte[] value = new byte[length];
            pdus.get(at + PduEncoder.PDATA_HEADERS, value).position(at + PduEncoder.PDATA_HEADERS + length);
            sendData(pdus.get(at + 10) & 0xFF, controlHeader, value, 0, length, (controlHeader & 0x02) != 0);
        }
    }

    /** EVT9, a P-DATA request (PS3.8 9.2): allowed in Sta6 and Sta8 only. */
    private void dataRequested() {
        lock.lock();
        try {
            DulAction action = DulStateTable.action(state, EVT9);
            if (action == null) {
                throw new IllegalStateException("cannot send data in " + state + " (" + state.description() + ")");
            }
            user.transitioned(state, EVT9, action, action.nextState());
        } finally {
            lock.unlock();
        }
    }

    /** The P-DATA path when someone watches PDUs or bytes: encode to an array first, then tell. */
    private void sendObserved(int contextId, int messageControlHeader, byte[] data, int offset, int length)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(length + 12);
        PduEncoder.writePDataTf(bytes, contextId, messageControlHeader, data, offset, length);
        byte[] raw = bytes.toByteArray();
        write(raw);
        if (user.wantsRawData()) {
            user.rawDataSent(raw);
        }
        if (user.wantsDataPdus()) {
            user.pduSent(new PDataTf(List.of(PresentationDataValue.of(contextId, messageControlHeader,
                    Arrays.copyOfRange(data, offset, offset + length)))));
        }
    }

    private void dispatchLocal(DulEvent event, Object payload) {
        lock.lock();
        try {
            if (DulStateTable.action(state, event) == null) {
                throw new IllegalStateException(event + " (" + event.description() + ") is not allowed in "
                        + state + " (" + state.description() + ")");
            }
        } finally {
            lock.unlock();
        }
        dispatch(event, payload);
    }

    // ---- the machine --------------------------------------------------------------------------

    private void artimExpired(long generation) {
        lock.lock();
        try {
            if (!artim.isCurrent(generation)) {
                return;
            }
        } finally {
            lock.unlock();
        }
        LOG.debug("ARTIM timer expired in {} for {}", state, socket.getRemoteSocketAddress());
        dispatch(EVT18, null);
    }

    private void dispatch(DulEvent event, Object payload) {
        List<Runnable> deliver;
        lock.lock();
        try {
            DulState from = state;
            DulAction action = DulStateTable.action(from, event);
            if (action == null) {
                // An event the table does not allow here (e.g. a stale timer): nothing to do.
                LOG.debug("{} ignored in {}", event, from);
                return;
            }
            DulState to = perform(action, event, payload);
            DulState next = to;
            indications.add(0, () -> user.transitioned(from, event, action, next));
            state = to;
            if (to == STA1) {
                artim.stop();
                closeTransport();
            }
            deliver = List.copyOf(indications);
            indications.clear();
        } finally {
            lock.unlock();
        }
        for (Runnable indication : deliver) {
            try {
                indication.run();
            } catch (RuntimeException e) {
                LOG.warn("service user failed on an Upper Layer indication", e);
            }
        }
    }

    /** Performs {@code action} (lock held) and returns the next state. */
    private DulState perform(DulAction action, DulEvent event, Object payload) {
        switch (action) {
            // The requestor connects the transport itself before it creates the Upper Layer, so AE-1
            // only keeps the request for AE-2.
            case AE_1 -> pendingRequest = (AAssociateRq) payload;
            case AE_2 -> send(pendingRequest);
            case AE_3 -> indicate(() -> user.associateAccepted((AAssociateAc) payload));
            case AE_4 -> indicate(() -> user.associateRejected((AAssociateRj) payload));
            case AE_5 -> artim.start();
            case AE_6 -> {
                artim.stop();
                AAssociateRq request = (AAssociateRq) payload;
                // PS3.8 9.3.2: bit 0 of the protocol version must be set.
                if ((request.protocolVersion() & PROTOCOL_VERSION) == 0) {
                    send(new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT,
                            AAssociateRj.SOURCE_SERVICE_PROVIDER_ACSE,
                            AAssociateRj.REASON_PROTOCOL_VERSION_NOT_SUPPORTED));
                    artim.start();
                    return STA13;
                }
                indicate(() -> user.associateRequested(request));
            }
            case AE_7 -> send((AAssociateAc) payload);
            case AE_8 -> {
                send((AAssociateRj) payload);
                artim.start();
            }
            case DT_1, AR_7 -> throw new IllegalStateException("P-DATA requests take the sendData path");
            case DT_2, AR_6 -> indicate(() -> user.dataReceived((PDataTf) payload));
            case AR_1 -> send(new AReleaseRq());
            case AR_2 -> indicate(user::releaseRequested);
            case AR_3, AR_10 -> indicate(user::releaseConfirmed);
            case AR_4 -> {
                send(new AReleaseRp());
                artim.start();
            }
            case AR_5, AA_5 -> artim.stop();
            case AR_8 -> {
                indicate(user::releaseRequested);
                return requestor ? STA9 : STA10;
            }
            case AR_9 -> send(new AReleaseRp());
            case AA_1 -> {
                AAbort abort = payload instanceof AAbort a ? a : new AAbort(AAbort.SOURCE_SERVICE_USER, 0);
                send(abort);
                artim.start();
            }
            case AA_2 -> artim.stop();
            case AA_3 -> {
                AAbort abort = (AAbort) payload;
                indicate(() -> user.aborted(abort, abort.source() != AAbort.SOURCE_SERVICE_USER));
            }
            case AA_4 -> indicate(() -> user.aborted(null, true));
            case AA_6 -> { /* ignore the PDU */ }
            case AA_7 -> send(new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, reasonOf(event, payload)));
            case AA_8 -> {
                AAbort abort = new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, reasonOf(event, payload));
                send(abort);
                indicate(() -> user.aborted(abort, true));
                artim.start();
            }
        }
        return action.nextState();
    }

    /** The A-ABORT diagnostic (PS3.8 9.3.8) for an event that the current state does not expect. */
    private static int reasonOf(DulEvent event, Object payload) {
        if (event == EVT19) {
            return payload instanceof Integer reason ? reason : AAbort.REASON_UNRECOGNIZED_PDU;
        }
        return AAbort.REASON_UNEXPECTED_PDU;
    }

    private void indicate(Runnable indication) {
        indications.add(indication);
    }

    /** Writes an association-level PDU; a failure to write is left to the reader to see as Evt17. */
    private void send(Pdu pdu) {
        try {
            byte[] raw = ENCODER.encode(pdu);
            write(raw);
            if (user.wantsRawData()) {
                indicate(() -> user.rawDataSent(raw));
            }
            indicate(() -> user.pduSent(pdu));
        } catch (IOException e) {
            LOG.debug("cannot send {} to {}: {}", pdu, socket.getRemoteSocketAddress(), e.getMessage());
            closeTransport();
        }
    }

    private void write(byte[] raw) throws IOException {
        synchronized (writeLock) {
            io.writeStarted();
            try {
                out.write(raw);
                out.flush();
            } finally {
                io.writeEnded();
            }
        }
    }

    private void closeTransport() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing transport to {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
        }
    }
}
