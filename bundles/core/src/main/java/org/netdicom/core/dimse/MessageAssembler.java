package org.netdicom.core.dimse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.PresentationDataValue;

/**
 * Reassembles DIMSE messages from P-DATA-TF fragments (PS3.8 Annex E, PS3.7 6.3.1): the command
 * fragments of one context, then, when the command announces one, its data set fragments on the
 * same context. Command sets are small and bounded; each data set goes, fragment by fragment, where
 * the {@link DataSetReceiver} says (memory or a spool file), so its size costs no heap. A data set
 * that cannot be stored (disk full) is read to its end and the message is still delivered, with
 * the failure, so that it can be answered.
 */
public final class MessageAssembler {

    /** Command sets of real messages are a few hundred bytes; this leaves ample room. */
    static final int MAX_COMMAND_LENGTH = 1 << 20;

    private final Consumer<DimseMessage> sink;
    private final DataSetReceiver receiver;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream(256);
    /** The PDU being taken, null between PDUs; its {@code outer} ones while a handler reads again. */
    private Pending taking;
    private final Pending reused = new Pending();
    private IncomingDataSet dataSet;
    private IOException dataSetFailure;
    private int contextId = -1;
    private CommandSet pendingCommand;
    /** Whether the last message was a C-STORE-RQ with its data set (see {@link #isInStoreStream}). */
    private boolean lastWasStore;

    public MessageAssembler(Consumer<DimseMessage> sink, DataSetReceiver receiver) {
        this.sink = sink;
        this.receiver = receiver;
    }

    /**
     * Takes every PDV of {@code pdu} in order; complete messages go to the sink. A sink that reads
     * the association again (a handler's own request on it) comes back here with the next PDUs,
     * while this one's later PDVs wait: {@link #releaseInPlaceData} copies those out of the
     * buffer before it is reused.
     */
    public void accept(PDataTf pdu) throws DimseFormatException {
        Pending outer = taking;
        // the common case, no handler reading again, takes every PDU with the same object
        Pending values = outer == null ? reused.reset(pdu.values(), null) : new Pending().reset(pdu.values(), outer);
        taking = values;
        try {
            while (values.next < values.list.size()) {
                accept(values.take());
            }
        } finally {
            taking = outer;
        }
    }

    /**
     * A PDU's values, the next one to take, copies of those not taken when the buffer was reused,
     * and the PDU whose handler read this one, if any.
     */
    private static final class Pending {
        List<PresentationDataValue> list;
        PresentationDataValue[] copies;
        int next;
        Pending outer;

        Pending reset(List<PresentationDataValue> values, Pending outerPdu) {
            list = values;
            copies = null;
            next = 0;
            outer = outerPdu;
            return this;
        }

        PresentationDataValue take() {
            int i = next++;
            return copies != null && copies[i] != null ? copies[i] : list.get(i);
        }

        void copyRest() {
            for (int i = next; i < list.size(); i++) {
                if (copies == null) {
                    copies = new PresentationDataValue[list.size()];
                }
                if (copies[i] == null) {
                    PresentationDataValue pdv = list.get(i);
                    copies[i] = PresentationDataValue.of(pdv.contextId(), pdv.messageControlHeader(), pdv.copyData());
                }
            }
        }
    }

    private void accept(PresentationDataValue pdv) throws DimseFormatException {
        if (contextId == -1) {
            contextId = pdv.contextId();
        } else if (pdv.contextId() != contextId) {
            throw new DimseFormatException("fragment on context " + pdv.contextId()
                    + " in the middle of a message on context " + contextId);
        }
        if (pdv.isCommand()) {
            if (pendingCommand != null) {
                throw new DimseFormatException("command fragment after the command set was complete");
            }
            if (command.size() + (long) pdv.length() > MAX_COMMAND_LENGTH) {
                throw new DimseFormatException("command set longer than " + MAX_COMMAND_LENGTH + " bytes");
            }
            command.write(pdv.buffer(), pdv.offset(), pdv.length());
            if (pdv.isLast()) {
                commandComplete();
            }
        } else {
            if (pendingCommand == null) {
                throw new DimseFormatException("data set fragment before the command set was complete");
            }
            if (dataSetFailure == null) {
                try {
                    dataSet.append(pdv.data());
                } catch (IOException e) {
                    dataSet.discard();
                    dataSetFailure = e;
                }
            }
            if (pdv.isLast()) {
                if (dataSetFailure == null) {
                    try {
                        emit(dataSet.finish(), null);
                    } catch (IOException e) {
                        dataSet.discard();
                        emit(null, e);
                    }
                } else {
                    emit(null, dataSetFailure);
                }
            }
        }
    }

    private void commandComplete() throws DimseFormatException {
        byte[] bytes = command.toByteArray();
        CommandSet cs = CommandSet.decode(bytes, 0, bytes.length);
        if (cs.commandField() < 0) {
            throw new DimseFormatException("command set without Command Field (0000,0100)");
        }
        pendingCommand = cs;
        if (!cs.hasDataSet()) {
            emit(null, null);
            return;
        }
        try {
            dataSet = receiver.begin(contextId, cs);
        } catch (IOException e) {
            dataSetFailure = e;
        }
    }

    private void emit(ReceivedDataSet data, IOException failure) {
        lastWasStore = data != null && pendingCommand.commandField() == CommandField.C_STORE_RQ;
        DimseMessage message = new DimseMessage(contextId, pendingCommand, data, failure);
        command.reset();
        dataSet = null;
        dataSetFailure = null;
        contextId = -1;
        pendingCommand = null;
        sink.accept(message);
    }

    /**
     * The buffer the fragments given so far lie in is about to be reused: the values of PDUs not
     * yet taken (a handler reading the association again) are copied out, and the data set in
     * progress writes those it kept in place ({@link IncomingDataSet#append(ByteBuffer)}). A
     * failure to write them is the data set's, as in {@link #accept}.
     */
    public void releaseInPlaceData() {
        for (Pending p = taking; p != null; p = p.outer) { // PDUs whose later values wait for a handler
            p.copyRest();
        }
        writeKeptFragments();
    }

    /**
     * Writes the fragments of the data set in progress that it kept in place, now rather than at
     * the buffer's reuse or the data set's end (where they delay the response): the reader waits
     * for the peer meanwhile. A failure to write them is the data set's, as in {@link #accept}.
     */
    public void writeKeptFragments() {
        if (dataSet != null && dataSetFailure == null) {
            try {
                dataSet.releaseInPlaceData();
            } catch (IOException e) {
                dataSet.discard();
                dataSetFailure = e;
            } catch (RuntimeException e) { // the reader must go on: its thread runs this before reads
                dataSet.discard();
                dataSetFailure = new IOException("writing the data set's fragments failed: " + e, e);
            }
        }
    }

    /** Whether a command announced a data set whose last fragment has not come yet. */
    public boolean isReceivingDataSet() {
        return pendingCommand != null;
    }

    /**
     * Whether a data set is arriving, or the last message was a C-STORE-RQ with its data set and
     * no other has begun: a peer sending a series of instances sends the next one as soon as it has
     * our response, so its next command is likely microseconds away.
     */
    public boolean isInStoreStream() {
        return isReceivingDataSet() || lastWasStore;
    }

    /** Drops a message cut off half-way (the association ended): its spool file goes. */
    public void discardPartial() {
        if (dataSet != null) {
            dataSet.discard();
            dataSet = null;
        }
    }
}
