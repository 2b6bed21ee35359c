package org.netdicom.tools.scp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CStoreEvent;
import org.netdicom.core.api.handler.CStoreHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C-STORE handler of storescp, getscu and movescu: each instance becomes the Part 10 file
 * {@code <SOP Instance UID>.dcm} in one folder, durably (forced to disk, atomic rename:
 * {@link CStoreEvent#storePart10}) before Success is answered. A UID from the peer is only used
 * as a file name once it is made safe: nothing but digits and dots, so it cannot climb out of
 * the folder.
 */
public final class InstanceFolder implements CStoreHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceFolder.class);

    private final Path folder;
    private final Consumer<String> report;
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /** @param report told one line per instance stored (or not) */
    public InstanceFolder(Path folder, Consumer<String> report) throws IOException {
        this.folder = Files.createDirectories(folder);
        if (!Files.isWritable(this.folder)) {
            throw new java.nio.file.AccessDeniedException(folder.toString(), null, "output folder is not writable");
        }
        this.report = report;
    }

    public Path folder() {
        return folder;
    }

    public int stored() {
        return stored.get();
    }

    public int failed() {
        return failed.get();
    }

    @Override
    public Status onCStore(CStoreEvent event) {
        Path target = folder.resolve(fileName(event.sopInstanceUid()));
        try {
            event.storePart10(target);
        } catch (IOException e) {
            failed.incrementAndGet();
            LOG.warn("cannot store {}: {}", target, e.toString());
            report.accept("cannot store " + target + ": " + e.getMessage());
            return Status.OUT_OF_RESOURCES; // PS3.4 B.2.3: A7xx, refused, out of resources
        }
        stored.incrementAndGet();
        report.accept("stored " + target + " (" + event.encodedLength() + " bytes, from "
                + event.association().callingAeTitle() + ")");
        return Status.SUCCESS;
    }

    /** {@code <uid>.dcm}; characters other than digits and dots become '_' (PS3.5 9.1 allows no others). */
    static String fileName(String sopInstanceUid) {
        if (sopInstanceUid == null || sopInstanceUid.isEmpty()) {
            return "unknown.dcm";
        }
        String uid = sopInstanceUid;
        StringBuilder b = new StringBuilder(Math.min(uid.length(), 64) + 4);
        for (int i = 0; i < uid.length() && i < 64; i++) {
            char c = uid.charAt(i);
            b.append(c >= '0' && c <= '9' || c == '.' ? c : '_');
        }
        if (b.charAt(0) == '.') {
            b.setCharAt(0, '_'); // no hidden file, no ".."
        }
        return b.append(".dcm").toString();
    }
}
