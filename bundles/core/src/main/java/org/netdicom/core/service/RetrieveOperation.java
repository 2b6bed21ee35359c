package org.netdicom.core.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.SubOperations;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DataSetCodec;
import org.netdicom.core.dimse.OutgoingDataSet;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.ReadOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One C-GET or C-MOVE being served: the sub-operations the handler performs, their counts and
 * failed instances, the Pending responses after each, and the final response (PS3.4 C.4.2.1.6,
 * C.4.3.1.3; PS3.7 9.1.3, 9.1.4). Where the C-STOREs go is the {@link Target}'s business.
 */
final class RetrieveOperation {

    private static final Logger LOG = LoggerFactory.getLogger(RetrieveOperation.class);

    static final int PENDING = 0xFF00;
    static final int CANCEL = 0xFE00;
    /** PS3.4 C.4.2.1.6/C.4.3.1.3: sub-operations complete, one or more failures or warnings. */
    static final int SOME_FAILED = 0xB000;
    /** Out of resources, unable to perform sub-operations: what a retrieve whose every sub-operation failed gets. */
    static final int ALL_FAILED = 0xA702;
    /** PS3.7 C.5: the receiver accepted no context for the instance's SOP class. */
    static final Status SOP_CLASS_NOT_SUPPORTED = new Status(0x0122);
    /** PS3.7 C.4.2: the sub-operation could not be performed at all. */
    static final Status NOT_PERFORMED = new Status(0x0110);
    /** Failed SOP Instance UID List (0008,0058), the identifier of a final response with failures. */
    static final int FAILED_SOP_INSTANCE_UID_LIST = 0x00080058;
    /** The counts are US (PS3.7 E.1). */
    static final int MAX_SUB_OPERATIONS = 0xFFFF;

    /** Where the C-STORE sub-operations go: this association (C-GET) or the move destination's (C-MOVE). */
    interface Target {
        DimseResponse store(Dataset instance, String transferSyntaxUid) throws IOException;

        DimseResponse store(Path part10File, String sopClassUid, String transferSyntaxUid) throws IOException;

        /** True if the association the sub-operations go over is still established. */
        boolean usable();
    }

    private final IncomingRequest request;
    private final Dataset identifier;
    private final boolean withoutBulkData;
    private Target target;
    private int announced = -1;
    private int remaining;
    private int completed;
    private int failed;
    private int warning;
    private boolean invalidCount;
    private final List<String> failedInstances = new ArrayList<>();

    RetrieveOperation(IncomingRequest request, Dataset identifier, boolean withoutBulkData) {
        this.request = request;
        this.identifier = identifier;
        this.withoutBulkData = withoutBulkData;
    }

    void target(Target target) {
        this.target = target;
    }

    IncomingRequest request() {
        return request;
    }

    Dataset identifier() {
        return identifier;
    }

    boolean invalidCount() {
        return invalidCount;
    }

    synchronized void subOperations(int count) {
        if (announced >= 0) {
            throw new IllegalStateException("subOperations was already called (with " + announced + ")");
        }
        if (count < 0 || count > MAX_SUB_OPERATIONS) {
            invalidCount = true;
            throw new IllegalArgumentException("the number of sub-operations must be 0 to 65535, not " + count);
        }
        announced = count;
        remaining = count;
    }

    synchronized SubOperations counts() {
        return new SubOperations(remaining, completed, failed, warning);
    }

    synchronized Status store(Dataset instance, String transferSyntaxUid) {
        String uid = instance.getString(Tag.SOP_INSTANCE_UID);
        if (!begin()) {
            return new Status(CANCEL);
        }
        Dataset sent = withoutBulkData ? BulkDataRemoval.apply(instance) : instance;
        String ts = withoutBulkData ? null : transferSyntaxUid;
        return performed(uid, () -> target.store(sent, ts));
    }

    /** @param knownUid the instance's UID as the caller knows it, listed if the file cannot be read; or null */
    synchronized Status store(Path part10File, String knownUid) throws IOException {
        if (!begin()) {
            return new Status(CANCEL);
        }
        Dataset meta;
        try (InputStream in = Files.newInputStream(part10File)) {
            meta = DicomFile.read(in, ReadOptions.DEFAULT.stopBefore(0)).fileMeta();
        } catch (IOException | RuntimeException e) {
            count(knownUid, NOT_PERFORMED);
            if (remaining > 0 && !request.isCancelled()) {
                sendPending();
            }
            throw e instanceof IOException io ? io : new IOException(part10File + ": " + e.getMessage(), e);
        }
        String uid = meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID);
        if (withoutBulkData) {
            return performed(uid, () -> target.store(
                    BulkDataRemoval.apply(DicomFile.read(part10File, BulkDataRemoval.THRESHOLD).dataset()), null));
        }
        return performed(uid, () -> target.store(part10File, meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID),
                meta.getString(Tag.TRANSFER_SYNTAX_UID)));
    }

    /** Counts one announced sub-operation as failed (0x0110) without sending: the instance cannot be read. */
    synchronized Status fail(String sopInstanceUid) {
        if (!begin()) {
            return new Status(CANCEL);
        }
        count(sopInstanceUid, NOT_PERFORMED);
        if (remaining > 0 && !request.isCancelled()) {
            sendPending();
        }
        return NOT_PERFORMED;
    }

    /** Takes one announced sub-operation; false if the request was cancelled (nothing is then sent). */
    private boolean begin() {
        if (announced < 0) {
            throw new IllegalStateException("call subOperations(count) before the first store");
        }
        if (remaining == 0) {
            throw new IllegalStateException("all " + announced + " announced sub-operations were performed");
        }
        return !request.isCancelled();
    }

    @FunctionalInterface
    private interface Send {
        DimseResponse send() throws IOException;
    }

    private Status performed(String uid, Send send) {
        Status status;
        try {
            status = send.send().status();
        } catch (AssociationException e) {
            status = target.usable() ? SOP_CLASS_NOT_SUPPORTED : NOT_PERFORMED;
            LOG.debug("{}: sub-operation for {} not performed: {}", request.association(), uid, e.getMessage());
        } catch (IOException | RuntimeException e) {
            status = NOT_PERFORMED;
            LOG.warn("{}: sub-operation for {} not performed: {}", request.association(), uid, e.toString());
        }
        count(uid, status);
        if (remaining > 0 && !request.isCancelled()) {
            sendPending();
        }
        return status;
    }

    private void count(String uid, Status status) {
        remaining--;
        switch (status.category()) {
            case SUCCESS -> completed++;
            case WARNING -> warning++;
            default -> {
                failed++;
                if (uid != null) {
                    failedInstances.add(uid);
                }
            }
        }
    }

    private void sendPending() {
        try {
            request.respond(withCounts(Responses.to(request.command(), PENDING), true), null);
        } catch (IOException e) {
            LOG.debug("{}: pending response not sent: {}", request.association(), e.getMessage());
        }
    }

    private CommandSet withCounts(CommandSet response, boolean withRemaining) {
        if (withRemaining) {
            response.put(CommandTag.NUMBER_OF_REMAINING_SUBOPERATIONS, remaining);
        }
        return response.put(CommandTag.NUMBER_OF_COMPLETED_SUBOPERATIONS, completed)
                .put(CommandTag.NUMBER_OF_FAILED_SUBOPERATIONS, failed)
                .put(CommandTag.NUMBER_OF_WARNING_SUBOPERATIONS, warning);
    }

    /**
     * Sends the final response for {@code status}, the handler's answer after the service's own
     * checks. Success becomes Success, 0xB000 or 0xA702 by the counts; after a cancel, Success and
     * warnings become Cancel; otherwise the not performed sub-operations count as failed.
     */
    synchronized void respondFinal(Status status) throws IOException {
        boolean cancelled = status.code() == CANCEL
                || (request.isCancelled() && (status.isSuccess() || status.category() == Status.Category.WARNING));
        int code;
        if (cancelled) {
            code = CANCEL;
        } else {
            failed += remaining;
            remaining = 0;
            if (!status.isSuccess()) {
                code = status.code();
            } else if (failed == 0 && warning == 0) {
                code = Status.SUCCESS.code();
            } else {
                code = completed == 0 && warning == 0 ? ALL_FAILED : SOME_FAILED;
            }
        }
        CommandSet response = withCounts(Responses.to(request.command(), code), cancelled);
        OutgoingDataSet failedList = null;
        if (code != Status.SUCCESS.code() && (cancelled || !failedInstances.isEmpty())) {
            failedList = failedList(failedInstances.toArray(String[]::new));
            if (failedList != null) {
                response.put(CommandTag.COMMAND_DATA_SET_TYPE, 0x0000);
            }
        }
        request.respond(response, failedList);
    }

    /**
     * The identifier with the Failed SOP Instance UID List, as the context's transfer syntax can
     * carry it: whole in Implicit VR (a 32-bit value length), else as many UIDs as fit the 16-bit
     * length of an explicit VR's UI element (PS3.5 7.1.2: 65,534 bytes, about a thousand UIDs); the
     * UIDs left out are only logged (the counts still say how many failed).
     */
    private OutgoingDataSet failedList(String[] uids) {
        String transferSyntax = request.context().transferSyntax();
        int fitting = uids.length;
        try {
            return DataSetCodec.encode(failedListOf(uids, fitting), transferSyntax);
        } catch (IllegalArgumentException tooLong) {
            fitting = fittingExplicitLength(uids);
            LOG.warn("{}: Failed SOP Instance UID List of {} UIDs too long for {}: the first {} sent", request.association(),
                    uids.length, transferSyntax, fitting);
        }
        try {
            return DataSetCodec.encode(failedListOf(uids, fitting), transferSyntax);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: Failed SOP Instance UID List not sent: {}", request.association(), e.getMessage());
            return null;
        }
    }

    private static Dataset failedListOf(String[] uids, int count) {
        Dataset list = new Dataset();
        list.setString(FAILED_SOP_INSTANCE_UID_LIST, VR.UI, Arrays.copyOf(uids, count));
        return list;
    }

    /** How many of {@code uids}, backslash-separated and padded to even, fit 65,534 bytes. */
    static int fittingExplicitLength(String[] uids) {
        long length = -1;
        for (int i = 0; i < uids.length; i++) {
            length += uids[i].length() + 1;
            if (length + (length & 1) > 0xFFFE) {
                return i;
            }
        }
        return uids.length;
    }
}
