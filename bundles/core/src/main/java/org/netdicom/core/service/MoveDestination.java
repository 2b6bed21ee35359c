package org.netdicom.core.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidEntry;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.dict.UidType;
import org.netdicom.data.io.Transcoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The move destination of one C-MOVE: the association to it, opened at the first sub-operation
 * and released when the request ends. Each C-STORE names the C-MOVE's originator (PS3.7 9.1.1.1).
 * An instance that association cannot carry (its SOP class was not among the 128 presentation
 * contexts an association holds, PS3.8 9.3.2.2, or not accepted in a syntax it converts to) goes
 * over another association proposing just that class, with the first one's AE title and TLS
 * setting: up to {@value #MAX_EXTRA_ASSOCIATIONS} of them, each kept for the instances it carries.
 */
final class MoveDestination implements RetrieveOperation.Target, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MoveDestination.class);
    /** PS3.8 9.3.2.2: an association carries at most 128 presentation contexts (odd IDs 1-255). */
    private static final int MAX_CONTEXTS = 128;
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    /** Associations opened for instances the first one cannot carry, at most. */
    static final int MAX_EXTRA_ASSOCIATIONS = 8;

    private final IncomingRequest request;
    private final String aeTitle;
    private String host;
    private int port;
    private ApplicationEntity requestor;
    private boolean known;
    private boolean unreachable;
    private Association association;
    /** For instances {@link #association} cannot carry, in the order they were opened. */
    private final List<Association> extra = new ArrayList<>();
    /** SOP class and transfer syntax pairs an extra association was opened for (or failed to be). */
    private final Set<String> tried = new HashSet<>();

    MoveDestination(IncomingRequest request) {
        this.request = request;
        String title = request.command().getString(CommandTag.MOVE_DESTINATION);
        this.aeTitle = title == null ? "" : title.strip();
    }

    String aeTitle() {
        return aeTitle;
    }

    /** True once the handler said where the destination is. */
    boolean known() {
        return known;
    }

    /** True if the association to the destination could not be opened. */
    boolean unreachable() {
        return unreachable;
    }

    synchronized void set(String host, int port, ApplicationEntity requestor) {
        if (known) {
            throw new IllegalStateException("the move destination was already given");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 1-65535");
        }
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.requestor = requestor;
        this.known = true;
    }

    @Override
    public DimseResponse store(Dataset instance, String transferSyntaxUid) throws IOException {
        return open(instance.getString(Tag.SOP_CLASS_UID), transferSyntaxUid).store(instance, transferSyntaxUid,
                request.association().callingAeTitle(), request.messageId());
    }

    @Override
    public DimseResponse store(Path part10File, String sopClassUid, String transferSyntaxUid) throws IOException {
        return open(sopClassUid, transferSyntaxUid).store(part10File, request.association().callingAeTitle(),
                request.messageId());
    }

    @Override
    public synchronized boolean usable() {
        return association != null && association.isEstablished();
    }

    private synchronized Association open(String firstSopClass, String firstTransferSyntax) throws IOException {
        if (!known) {
            throw new AssociationException("the handler did not say where move destination " + aeTitle + " is");
        }
        if (association != null) {
            return carrying(firstSopClass, firstTransferSyntax);
        }
        if (unreachable) {
            throw new AssociationException("move destination " + aeTitle + " could not be reached");
        }
        ApplicationEntity entity = requestor != null ? requestor
                : withStorageContexts(request.newRequestor(), firstSopClass, firstTransferSyntax);
        try {
            association = entity.associate(host, port, aeTitle);
        } catch (IOException | RuntimeException e) {
            unreachable = true;
            LOG.warn("{}: move destination {} at {}:{} not reached: {}", request.association(), aeTitle, host, port,
                    e.getMessage());
            throw e instanceof IOException io ? io : new AssociationException(e.getMessage(), e);
        }
        return association;
    }

    /**
     * The first association if it carries {@code sopClass} in {@code transferSyntax} (or a syntax
     * that converts), else an extra one that does, opened for it if need be; the first one when
     * no more may be opened (the store then fails for want of a context, 0x0122).
     */
    private Association carrying(String sopClass, String transferSyntax) throws IOException {
        if (sopClass == null || carries(association, sopClass, transferSyntax)) {
            return association;
        }
        for (Association other : extra) {
            if (carries(other, sopClass, transferSyntax)) {
                return other;
            }
        }
        String wanted = sopClass + " " + transferSyntax;
        if (extra.size() >= MAX_EXTRA_ASSOCIATIONS || !association.isEstablished() || !tried.add(wanted)) {
            return association; // asked for once already: the destination does not take it
        }
        ApplicationEntity entity = request.newRequestor();
        if (requestor != null) { // the handler's: its AE title and TLS, the server's timeouts
            entity = new ApplicationEntity(requestor.aeTitle()).maximumPduLength(entity.maximumPduLength())
                    .acseTimeout(entity.acseTimeout()).dimseTimeout(entity.dimseTimeout())
                    .networkTimeout(entity.networkTimeout()).connectionTimeout(entity.connectionTimeout())
                    .logHandlerLevel(entity.logHandlerLevel()).tls(requestor.tls());
        }
        withContexts(entity, sopClass, transferSyntax);
        LOG.info("{}: {} is not carried by the association to move destination {}: another one proposes it",
                request.association(), UidRegistry.nameOf(sopClass), aeTitle);
        Association opened = entity.associate(host, port, aeTitle); // a failure fails this instance only
        extra.add(opened);
        return opened;
    }

    /** Whether {@code a} accepted {@code sopClass} for us as SCU in {@code transferSyntax}, or in one it converts to. */
    static boolean carries(Association a, String sopClass, String transferSyntax) {
        TransferSyntax source = transferSyntax == null ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                : UidRegistry.transferSyntaxOrUnknown(transferSyntax);
        for (PresentationContext context : a.acceptedContexts()) {
            if (context.abstractSyntax().equals(sopClass) && context.requestorIsScu()
                    && Transcoder.canTranscode(source, UidRegistry.transferSyntaxOrUnknown(context.transferSyntax()))) {
                return true;
            }
        }
        return false;
    }

    /** Proposes {@code sopClass} in its own transfer syntax if that is not an uncompressed one, and in both little endian ones. */
    private static void withContexts(ApplicationEntity entity, String sopClass, String transferSyntax) {
        if (transferSyntax != null && !transferSyntax.equals(EXPLICIT) && !transferSyntax.equals(IMPLICIT)) {
            entity.addRequestedContext(sopClass, transferSyntax);
        }
        entity.addRequestedContext(sopClass, EXPLICIT, IMPLICIT);
    }

    /**
     * Proposes {@code first} with Explicit and Implicit VR Little Endian, and in a context of its
     * own with its transfer syntax if that is another one (in one context the acceptor would pick a
     * single syntax, maybe the compressed one, and the uncompressed instances of the SOP class
     * could not be sent), then the standard storage SOP classes, each with Explicit and Implicit VR
     * Little Endian, up to 128 contexts. A handler that knows all the instances it will send passes
     * its own requestor to {@code CMoveEvent.destination}.
     */
    static ApplicationEntity withStorageContexts(ApplicationEntity entity, String first, String firstTransferSyntax) {
        int contexts = 0;
        if (first != null) {
            withContexts(entity, first, firstTransferSyntax);
            contexts = entity.requestedContexts().size();
        }
        for (String sopClass : StorageSopClasses.LIST) {
            if (contexts == MAX_CONTEXTS) {
                break;
            }
            if (!sopClass.equals(first)) {
                entity.addRequestedContext(sopClass, EXPLICIT, IMPLICIT);
                contexts++;
            }
        }
        return entity;
    }

    /** Releases the associations to the destination, if any were opened. */
    @Override
    public synchronized void close() {
        if (association != null) {
            association.close();
        }
        extra.forEach(Association::close);
    }

    /**
     * The storage SOP classes that are not retired: the common ones first ({@link
     * ServiceClassRegistry#commonStorageSopClasses}), then the others in the registry's order. Not
     * all fit in 128 contexts, so the first 128 must be the ones instances are likely to have (in
     * the registry's order RT Dose, RT Plan and the For Processing X-ray classes fell past it).
     */
    private static final class StorageSopClasses {
        static final List<String> LIST = ordered();

        private static List<String> ordered() {
            LinkedHashSet<String> classes = new LinkedHashSet<>(
                    ServiceClassRegistry.commonStorageSopClasses());
            UidRegistry.entries().stream()
                    .filter(e -> e.type() == UidType.SOP_CLASS && !e.retired() && ServiceClassRegistry.isStorage(e.uid()))
                    .map(UidEntry::uid)
                    .forEach(classes::add);
            return List.copyOf(classes);
        }
    }
}
