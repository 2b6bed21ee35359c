package org.netdicom.core.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

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

    /** Releases the association (A-RELEASE) and waits for the acceptor's answer, at most the ACSE timeout. */
    void release() throws IOException;

    /** Aborts the association (A-ABORT) without waiting. */
    void abort();

    /** Releases the association if it is established; aborts it if the release fails. */
    @Override
    void close();
}
