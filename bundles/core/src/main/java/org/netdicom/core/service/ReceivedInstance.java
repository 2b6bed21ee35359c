package org.netdicom.core.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.event.CStoreEvent;
import org.netdicom.core.api.event.Event;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.ReceivedDataSet;
import org.netdicom.core.event.Events;
import org.netdicom.data.Dataset;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.io.BulkDataSink;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.DicomReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EVT_C_STORE event: a received instance, its data set still encoded as the peer sent it. A
 * spooled data set's file begins with the Part 10 header ({@link StoreSpool}), so storing it is a
 * link or a rename; a data set in memory is written once.
 */
final class ReceivedInstance implements CStoreEvent, Events.Bound, Events.FollowedUp {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivedInstance.class);

    /** Values this large or larger of a spooled data set stay in the spool file when decoded. */
    private static final long BULK_THRESHOLD = 64 * 1024;

    /** What all views of one event share (a handler bound with arguments gets its own view). */
    private static final class State {
        Dataset dataset;
        volatile String errorComment;
        /** Tasks for after the response; null once they ran (a task given after that runs at once). */
        List<Runnable> afterResponse = new ArrayList<>(0);
    }

    private final Instant timestamp;
    private final Association association;
    private final List<Object> arguments;
    private final PresentationContext context;
    private final CommandSet command;
    private final ReceivedDataSet data;
    private final Dataset fileMeta;
    private final State state;

    ReceivedInstance(Association association, PresentationContext context, CommandSet command, ReceivedDataSet data,
            Dataset fileMeta) {
        this(Instant.now(), association, List.of(), context, command, data, fileMeta, new State());
    }

    private ReceivedInstance(Instant timestamp, Association association, List<Object> arguments,
            PresentationContext context, CommandSet command, ReceivedDataSet data, Dataset fileMeta, State state) {
        this.timestamp = timestamp;
        this.association = association;
        this.arguments = arguments;
        this.context = context;
        this.command = command;
        this.data = data;
        this.fileMeta = fileMeta;
        this.state = state;
    }

    @Override
    public void errorComment(String comment) {
        state.errorComment = comment;
    }

    @Override
    public void afterResponse(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (state) {
            if (state.afterResponse != null) {
                state.afterResponse.add(task);
                return;
            }
        }
        runLogged(task);
    }

    @Override
    public boolean releaseAfterTasks(Runnable release) {
        synchronized (state) {
            if (state.afterResponse == null || state.afterResponse.isEmpty()) {
                return false;
            }
            state.afterResponse.add(release);
            return true;
        }
    }

    /**
     * Runs the tasks for after the response, in order; any given later run at once. A task that
     * throws what {@link #runLogged} does not catch (the JVM's own errors) does not keep the others
     * from running (the last one releases the handler's lease): it is thrown once they ran.
     */
    void runAfterResponse() {
        List<Runnable> tasks;
        synchronized (state) {
            tasks = state.afterResponse;
            state.afterResponse = null;
        }
        if (tasks == null) {
            return;
        }
        Throwable first = null;
        for (Runnable task : tasks) {
            try {
                runLogged(task);
            } catch (Throwable t) { // deliberately everything: rethrown below
                if (first == null) {
                    first = t;
                }
            }
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first != null) { // a checked exception thrown past the compiler
            throw new IllegalStateException("a task after the response failed", first);
        }
    }

    private void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            LOG.warn("{}: a task after the response to the C-STORE of {} failed: {}", association, sopInstanceUid(),
                    e.toString(), e);
        }
    }

    /** The C-STORE-RQ's command set. */
    CommandSet command() {
        return command;
    }

    /** The Error Comment the handler gave, or null. */
    String errorComment() {
        return state.errorComment;
    }

    @Override
    public Event withArguments(List<Object> args) {
        return new ReceivedInstance(timestamp, association, List.copyOf(args), context, command, data, fileMeta, state);
    }

    @Override
    public EventType type() {
        return EventType.EVT_C_STORE;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public Association association() {
        return association;
    }

    @Override
    public List<Object> arguments() {
        return arguments;
    }

    @Override
    public PresentationContext context() {
        return context;
    }

    @Override
    public int messageId() {
        return command.getInt(CommandTag.MESSAGE_ID, -1);
    }

    @Override
    public int priority() {
        return command.getInt(CommandTag.PRIORITY, 0);
    }

    @Override
    public String sopClassUid() {
        return command.getString(CommandTag.AFFECTED_SOP_CLASS_UID);
    }

    @Override
    public String sopInstanceUid() {
        return command.getString(CommandTag.AFFECTED_SOP_INSTANCE_UID);
    }

    @Override
    public String moveOriginatorAeTitle() {
        String aet = command.getString(CommandTag.MOVE_ORIGINATOR_APPLICATION_ENTITY_TITLE);
        return aet == null || aet.isBlank() ? null : aet.strip();
    }

    @Override
    public int moveOriginatorMessageId() {
        return command.getInt(CommandTag.MOVE_ORIGINATOR_MESSAGE_ID, -1);
    }

    @Override
    public long encodedLength() {
        return data.length();
    }

    @Override
    public synchronized Dataset dataset() throws IOException {
        if (state.dataset == null) {
            state.dataset = decode();
        }
        return state.dataset;
    }

    private Dataset decode() throws IOException {
        TransferSyntax ts = UidRegistry.transferSyntaxOrUnknown(transferSyntaxUid());
        if (ts.isDeflated()) {
            try (InputStream in = new InflaterInputStream(data.open(), new Inflater(true))) {
                return new DicomReader(in).readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            }
        }
        if (data.isInMemory()) {
            return new DicomReader(data.array(), data.offset(), (int) data.length()).readDataset(ts);
        }
        Path file = data.file();
        long start = data.fileOffset();
        BulkDataSink inFile = BulkDataSink.reference(file);
        try (InputStream in = data.open()) {
            return new DicomReader(in)
                    .bulkData(BULK_THRESHOLD, (tag, vr, offset, length, bigEndian, value) ->
                            inFile.accept(tag, vr, start + offset, length, bigEndian, value))
                    .readDataset(ts);
        }
    }

    @Override
    public Dataset fileMeta() {
        return fileMeta.copy();
    }

    @Override
    public InputStream encodedDataSet() throws IOException {
        return data.open();
    }

    @Override
    public void writePart10(OutputStream out) throws IOException {
        DicomFile.writeHeader(out, fileMeta);
        data.writeTo(out);
    }

    @Override
    public Path storePart10(Path target) throws IOException {
        if (!data.isInMemory() && data.fileOffset() > 0) {
            DurableFiles.place(data, target); // the spool file is the Part 10 file already
        } else {
            DurableFiles.write(target, this::writePart10);
        }
        return target;
    }

    @Override
    public String toString() {
        return "EVT_C_STORE " + sopClassUid() + " " + sopInstanceUid() + " (" + data + ")";
    }
}
