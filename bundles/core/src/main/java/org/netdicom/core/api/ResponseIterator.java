package org.netdicom.core.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The responses to a C-FIND, C-GET or C-MOVE request, as they arrive: each pending response
 * (with its identifier or sub-operation counts), then the final one, after which iteration ends.
 * {@link #next()} blocks until the next response arrives, at most the DIMSE timeout (then the
 * association is aborted and {@link UncheckedIOException} is thrown). Not thread-safe.
 * <p>
 * {@link #cancel()} sends a C-CANCEL-RQ; the peer then ends with a Cancel (0xFE00) or another
 * final status. {@link #close()} cancels an operation still in progress and reads its remaining
 * responses, so that the association can be used again.
 */
@ProviderType
public interface ResponseIterator extends Iterator<DimseResponse>, AutoCloseable {

    /** The Message ID of the request. */
    int messageId();

    /** Sends C-CANCEL-RQ for the request (once; later calls do nothing). */
    void cancel() throws IOException;

    /** True once the final response has been returned. */
    boolean isDone();

    /** Reads the remaining responses and returns the final one. */
    default DimseResponse finalResponse() {
        DimseResponse last = null;
        while (hasNext()) {
            last = next();
        }
        if (last == null) {
            throw new IllegalStateException("the final response was already returned");
        }
        return last;
    }

    /** The remaining responses as a sequential stream; closing the stream closes this iterator. */
    default Stream<DimseResponse> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /** Cancels if still in progress and reads the rest; never throws. */
    @Override
    void close();
}
