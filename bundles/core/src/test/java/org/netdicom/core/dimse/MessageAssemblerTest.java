package org.netdicom.core.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.pdu.PDataTf;
import org.netdicom.core.pdu.PresentationDataValue;

class MessageAssemblerTest {

    private static final int COMMAND = 0x01;
    private static final int LAST = 0x02;

    @TempDir
    Path spool;

    private final List<DimseMessage> messages = new ArrayList<>();
    private final MessageAssembler assembler = new MessageAssembler(messages::add,
            (contextId, command) -> new IncomingDataSet(spool, 1 << 20, Long.MAX_VALUE, IncomingDataSet.Prefix.NONE));

    @Test
    void aDataSetIsArrivingFromItsCommandToItsLastFragment() throws Exception {
        assertFalse(assembler.isReceivingDataSet(), "nothing yet");

        accept(COMMAND | LAST, command(CommandField.C_STORE_RQ, 0x0000));
        assertTrue(assembler.isReceivingDataSet(), "the command announced a data set");

        accept(0, new byte[100]);
        assertTrue(assembler.isReceivingDataSet(), "a fragment that is not the last");

        accept(LAST, new byte[100]);
        assertFalse(assembler.isReceivingDataSet(), "the last fragment came");
        assertEquals(1, messages.size());
        messages.get(0).discard();
    }

    @Test
    void aCommandWithoutDataSetLeavesNothingArriving() throws Exception {
        accept(COMMAND, command(CommandField.C_ECHO_RQ, CommandTag.NO_DATA_SET), 0, 10);
        assertFalse(assembler.isReceivingDataSet(), "half a command: no data set is known of yet");

        accept(COMMAND | LAST, command(CommandField.C_ECHO_RQ, CommandTag.NO_DATA_SET), 10, -1);
        assertFalse(assembler.isReceivingDataSet());
        assertEquals(1, messages.size());
    }

    @Test
    void aStoreStreamGoesOnAfterAStoreRequestUntilAnotherKindOfMessage() throws Exception {
        assertFalse(assembler.isInStoreStream(), "nothing yet");
        accept(COMMAND | LAST, command(CommandField.C_STORE_RQ, 0x0000));
        assertTrue(assembler.isInStoreStream(), "its data set is arriving");
        accept(LAST, new byte[100]);
        assertFalse(assembler.isReceivingDataSet());
        assertTrue(assembler.isInStoreStream(), "the next C-STORE is likely on its way");

        accept(COMMAND | LAST, command(CommandField.C_ECHO_RQ, CommandTag.NO_DATA_SET));
        assertFalse(assembler.isInStoreStream(), "a C-ECHO ends it");
        assertEquals(2, messages.size());
        messages.get(0).discard();
    }

    @Test
    void aStoreRequestWhoseDataSetCouldNotBeKeptEndsTheStream() throws Exception {
        MessageAssembler failing = new MessageAssembler(messages::add, (contextId, command) -> {
            throw new java.io.IOException("disk full");
        });
        failing.accept(new PDataTf(PresentationDataValue.of(1, COMMAND | LAST, command(CommandField.C_STORE_RQ, 0x0000))));
        failing.accept(new PDataTf(PresentationDataValue.of(1, LAST, new byte[100])));

        assertEquals(1, messages.size());
        assertFalse(failing.isInStoreStream(), "the answer is a failure: the peer may stop");
    }

    @Test
    void fragmentsLentInPlaceAreWrittenBeforeTheReaderReusesTheirBuffer() throws Exception {
        MessageAssembler spooling = new MessageAssembler(messages::add,
                (contextId, command) -> new IncomingDataSet(spool, 0, Long.MAX_VALUE, IncomingDataSet.Prefix.NONE));
        spooling.accept(new PDataTf(PresentationDataValue.of(1, COMMAND | LAST, command(CommandField.C_STORE_RQ, 0x0000))));
        ByteBuffer readerBuffer = ByteBuffer.allocateDirect(1000);
        byte[] expected = new byte[0];
        for (int pdu = 0; pdu < 3; pdu++) {
            byte[] fragment = new byte[1000];
            java.util.Arrays.fill(fragment, (byte) (pdu + 1));
            readerBuffer.clear().put(fragment).flip();
            spooling.accept(new PDataTf(
                    PresentationDataValue.ofSlice(1, pdu == 2 ? LAST : 0, readerBuffer, 0, readerBuffer.limit())));
            expected = java.util.Arrays.copyOf(expected, expected.length + 1000);
            System.arraycopy(fragment, 0, expected, expected.length - 1000, 1000);
            if (pdu < 2) {
                spooling.releaseInPlaceData(); // the reader is about to overwrite its buffer
            }
        }
        assertEquals(1, messages.size());
        ReceivedDataSet received = messages.get(0).dataSet();
        assertArrayEquals(expected, java.nio.file.Files.readAllBytes(received.file()));
        received.close();
    }

    @Test
    void fragmentsKeptInPlaceAreWrittenWhenTheReaderWaitsBeforeTheDataSetEnds() throws Exception {
        MessageAssembler spooling = new MessageAssembler(messages::add,
                (contextId, command) -> new IncomingDataSet(spool, 0, Long.MAX_VALUE, IncomingDataSet.Prefix.NONE));
        spooling.accept(new PDataTf(PresentationDataValue.of(1, COMMAND | LAST, command(CommandField.C_STORE_RQ, 0x0000))));
        ByteBuffer readerBuffer = ByteBuffer.allocateDirect(1000);
        readerBuffer.put(new byte[1000]).flip();
        for (int i = 0; i < 1000; i++) {
            readerBuffer.put(i, (byte) 1);
        }
        spooling.accept(new PDataTf(PresentationDataValue.ofSlice(1, 0, readerBuffer, 0, 1000)));
        spooling.writeKeptFragments(); // the socket is empty: the reader waits for the peer

        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(spool)) {
            assertEquals(List.of(1000L), files.map(f -> f.toFile().length()).toList(), "on disk before the end");
        }
        for (int i = 0; i < 1000; i++) {
            readerBuffer.put(i, (byte) 2); // the buffer holds the next PDU now: the first is not read from it again
        }
        spooling.accept(new PDataTf(PresentationDataValue.ofSlice(1, LAST, readerBuffer, 0, 1000)));
        byte[] expected = new byte[2000];
        java.util.Arrays.fill(expected, 0, 1000, (byte) 1);
        java.util.Arrays.fill(expected, 1000, 2000, (byte) 2);
        ReceivedDataSet received = messages.get(0).dataSet();
        assertArrayEquals(expected, java.nio.file.Files.readAllBytes(received.file()));
        received.close();
    }

    private static byte[] command(int field, int dataSetType) {
        return new CommandSet().put(CommandTag.COMMAND_FIELD, field).put(CommandTag.MESSAGE_ID, 1)
                .put(CommandTag.COMMAND_DATA_SET_TYPE, dataSetType).encode();
    }

    private void accept(int control, byte[] bytes) throws DimseFormatException {
        assembler.accept(new PDataTf(PresentationDataValue.of(1, control, bytes)));
    }

    /** A part of {@code bytes}: from {@code from} to {@code to} (-1: the end). */
    private void accept(int control, byte[] bytes, int from, int to) throws DimseFormatException {
        int end = to < 0 ? bytes.length : to;
        assembler.accept(new PDataTf(new PresentationDataValue(1, control, bytes, from, end - from)));
    }
}
