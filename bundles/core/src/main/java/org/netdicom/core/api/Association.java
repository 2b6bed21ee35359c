package org.netdicom.core.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import org.netdicom.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An association, requested with {@link ApplicationEntity#associate} or accepted by an
 * {@link AssociationServer} (handlers receive it with each event). Operations block until their
 * response arrives or the DIMSE timeout passes (then the association is aborted). Safe to use from
 * several threads: one operation at a time goes on the wire.
 */
@ProviderType
public interface Association extends EventBinder, AutoCloseable {

    /** True on the acceptor's side (a server's association), false for one we requested. */
    boolean isAcceptor();

    String callingAeTitle();

    String calledAeTitle();

    InetSocketAddress remoteAddress();

    /** The presentation contexts the acceptor accepted. */
    List<PresentationContext> acceptedContexts();

    /** The acceptor's maximum PDU length, 0 = unlimited. */
    int peerMaxPduLength();

    /** True until the association is released or aborted. */
    boolean isEstablished();

    /**
     * Sends a C-ECHO-RQ on an accepted Verification context and returns the status of the response.
     *
     * @throws AssociationException if no Verification context was accepted, the association ended or
     *                              the response did not arrive within the DIMSE timeout
     */
    Status echo() throws IOException;

    /**
     * Sends a C-STORE-RQ with {@code dataset} (which names its SOP Class and Instance UIDs) on an
     * accepted context of its SOP class, encoded in that context's transfer syntax, and returns the
     * response. The data set must not hold encapsulated (compressed) pixel data: see
     * {@link #store(Dataset, String)}.
     *
     * @throws AssociationException if no suitable context was accepted, the association ended or
     *                              the response did not arrive within the DIMSE timeout
     */
    DimseResponse store(Dataset dataset) throws IOException;

    /**
     * As {@link #store(Dataset)} for a data set whose pixel data are encoded for
     * {@code transferSyntaxUid} (e.g. JPEG fragments): a context with exactly that transfer syntax is
     * used; an uncompressed one is also converted to any other uncompressed one. Null: as
     * {@link #store(Dataset)}.
     */
    DimseResponse store(Dataset dataset, String transferSyntaxUid) throws IOException;

    /**
     * Sends the Part 10 file {@code part10File} in a C-STORE-RQ. When a context with the file's
     * transfer syntax was accepted the data set is streamed from the file as it is (any size, no
     * parsing); otherwise it is converted to an accepted uncompressed transfer syntax.
     */
    DimseResponse store(Path part10File) throws IOException;

    /** Releases the association (A-RELEASE) and waits for the acceptor's answer, at most the ACSE timeout. */
    void release() throws IOException;

    /** Aborts the association (A-ABORT) without waiting. */
    void abort();

    /** Releases the association if it is established; aborts it if the release fails. */
    @Override
    void close();
}
