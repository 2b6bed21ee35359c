package org.netdicom.core.dimse;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.PresentationDataValue;

/**
 * Reassembles DIMSE messages from P-DATA-TF fragments (PS3.8 Annex E, PS3.7 6.3.1): the command
 * fragments of one context, then, when the command announces one, its data set fragments on the
 * same context. Command sets are small and bounded; data sets are bounded by {@code maxDataSetLength}
 * until streaming receive takes them.
 */
public final class MessageAssembler {

    /** Command sets of real messages are a few hundred bytes; this leaves ample room. */
    static final int MAX_COMMAND_LENGTH = 1 << 20;

    private final Consumer<DimseMessage> sink;
    private final long maxDataSetLength;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream(256);
    private final ByteArrayOutputStream dataSet = new ByteArrayOutputStream();
    private int contextId = -1;
    private CommandSet pendingCommand;

    public MessageAssembler(Consumer<DimseMessage> sink, long maxDataSetLength) {
        this.sink = sink;
        this.maxDataSetLength = maxDataSetLength;
    }

    /** Takes every PDV of {@code pdu} in order; complete messages go to the sink. */
    public void accept(PDataTf pdu) throws DimseFormatException {
        for (PresentationDataValue pdv : pdu.values()) {
            accept(pdv);
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
            if (dataSet.size() + (long) pdv.length() > maxDataSetLength) {
                throw new DimseFormatException("data set longer than " + maxDataSetLength + " bytes");
            }
            dataSet.write(pdv.buffer(), pdv.offset(), pdv.length());
            if (pdv.isLast()) {
                emit(dataSet.toByteArray());
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
            emit(null);
        }
    }

    private void emit(byte[] data) {
        DimseMessage message = new DimseMessage(contextId, pendingCommand, data);
        command.reset();
        dataSet.reset();
        contextId = -1;
        pendingCommand = null;
        sink.accept(message);
    }
}
