package org.netdicom.storage;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.event.CStoreEvent;
import org.netdicom.core.api.event.EventType;
import org.netdicom.data.Dataset;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.io.DicomFile;

/**
 * A C-STORE request as the core hands it over, for unit tests of the store: the command's UIDs and
 * the encoded data set; no association. The real thing, with DCMTK, is in StorageInteropIT.
 */
public class TestEvent implements CStoreEvent {

    private final String sopClass;
    private final String sopInstance;
    private final String transferSyntax;
    private final byte[] encoded;
    private long failAfter = -1;

    TestEvent(String sopClass, String sopInstance, TransferSyntax ts, byte[] encoded) {
        this.sopClass = sopClass;
        this.sopInstance = sopInstance;
        this.transferSyntax = ts.uid();
        this.encoded = encoded;
    }

    /** An event whose command names the data set's own SOP class and instance. */
    static TestEvent of(Dataset d, TransferSyntax ts) throws IOException {
        return new TestEvent(d.getString(0x00080016), d.getString(0x00080018), ts, Instances.encode(d, ts));
    }

    public static TestEvent of(Dataset d) throws IOException {
        return of(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /** Reading the data set fails after {@code bytes} bytes (the spool file's disk failing). */
    TestEvent failingAfter(long bytes) {
        this.failAfter = bytes;
        return this;
    }

    /** storePart10 renames the file into place, then fails, as a failed fsync of the folder would. */
    TestEvent failingAfterPlacing() {
        this.failAfterPlacing = true;
        return this;
    }

    private boolean failAfterPlacing;

    byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public EventType type() {
        return EventType.EVT_C_STORE;
    }

    @Override
    public Instant timestamp() {
        return Instant.EPOCH;
    }

    @Override
    public Association association() {
        return null;
    }

    @Override
    public List<Object> arguments() {
        return List.of();
    }

    @Override
    public PresentationContext context() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String transferSyntaxUid() {
        return transferSyntax;
    }

    @Override
    public int messageId() {
        return 1;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String sopClassUid() {
        return sopClass;
    }

    @Override
    public String sopInstanceUid() {
        return sopInstance;
    }

    @Override
    public String moveOriginatorAeTitle() {
        return null;
    }

    @Override
    public int moveOriginatorMessageId() {
        return -1;
    }

    @Override
    public long encodedLength() {
        return encoded.length;
    }

    @Override
    public Dataset dataset() {
        throw new UnsupportedOperationException("the store must not decode the whole data set");
    }

    @Override
    public Dataset fileMeta() {
        return DicomFile.createFileMeta(sopClass, sopInstance, UidRegistry.transferSyntaxOrUnknown(transferSyntax));
    }

    @Override
    public InputStream encodedDataSet() {
        InputStream in = new ByteArrayInputStream(encoded);
        if (failAfter < 0) {
            return in;
        }
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= failAfter) {
                    throw new IOException("No space left on device (test)");
                }
                int n = super.read(b, off, (int) Math.min(len, Math.max(1, failAfter - read)));
                read += Math.max(n, 0);
                return n;
            }
        };
    }

    @Override
    public void writePart10(OutputStream out) throws IOException {
        DicomFile.writeHeader(out, fileMeta());
        try (InputStream in = encodedDataSet()) {
            in.transferTo(out);
        }
    }

    /**
     * As the engine's, minus the fsync: the Part 10 file is written in a spool folder outside the
     * storage root (the JVM's temporary folder), then renamed over the target.
     */
    /** storePart10 first waits for {@code gate} (a store held in the middle of its work). */
    TestEvent waitingInStoreFor(java.util.concurrent.CountDownLatch gate) {
        this.gate = gate;
        return this;
    }

    private java.util.concurrent.CountDownLatch gate;

    @Override
    public Path storePart10(Path target) throws IOException {
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        Files.createDirectories(target.getParent());
        Path spooled = Files.createTempFile("netdicom-test-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(spooled)) {
                writePart10(out);
            }
            try {
                Files.move(spooled, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.copy(spooled, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(spooled);
        }
        if (failAfterPlacing) {
            throw new IOException("forcing the folder " + target.getParent() + " failed");
        }
        return target;
    }

    /** The Error Comment the handler gave, or null. */
    String errorComment;

    @Override
    public void errorComment(String comment) {
        errorComment = comment;
    }

    /** Tasks for after the response, held until {@link #respond()}; null: each runs when given. */
    private List<Runnable> afterResponse;

    /** Holds the tasks for after the response until {@link #respond()}, as the engine does until it sent it. */
    TestEvent holdingTasksUntilResponse() {
        afterResponse = new ArrayList<>();
        return this;
    }

    /** The response is sent: the held tasks run, in order. */
    void respond() {
        List<Runnable> tasks = afterResponse;
        afterResponse = null;
        tasks.forEach(Runnable::run);
    }

    @Override
    public void afterResponse(Runnable task) {
        if (afterResponse == null) {
            task.run();
        } else {
            afterResponse.add(task);
        }
    }
}
