package org.netdicom.qr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.TlsSettings;
import org.netdicom.core.api.event.CGetEvent;
import org.netdicom.core.api.event.CMoveEvent;
import org.netdicom.core.api.event.RetrieveEvent;
import org.netdicom.core.api.handler.CGetHandler;
import org.netdicom.core.api.handler.CMoveHandler;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.index.IndexException;
import org.netdicom.index.InstanceIndex;
import org.netdicom.index.InvalidQueryException;
import org.netdicom.index.MatchOptions;
import org.netdicom.index.QueryModel;
import org.netdicom.index.StoredInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EVT_C_GET and EVT_C_MOVE over the index: the instances under the entities the identifier names
 * (PS3.4 C.4.2.2, C.4.3.2) are sent from their files (storage root + the index's path), one
 * sub-operation each, with a C-CANCEL seen between two instances. An instance whose file is
 * missing is counted failed and listed in the Failed SOP Instance UID List, and logged. A C-MOVE
 * destination is looked up in {@link MoveDestinations}: unknown, 0xA801. Other statuses: 0xA900
 * for an identifier without a valid level or without any key (a retrieve of everything is
 * refused), 0xC001 when the index fails, 0x0122 for other information models.
 */
public final class IndexRetrieve implements CGetHandler, CMoveHandler {

    static final Status MOVE_DESTINATION_UNKNOWN = new Status(0xA801);
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    private static final int MAX_CONTEXTS = 128;
    private static final Logger LOG = LoggerFactory.getLogger(IndexRetrieve.class);

    private final InstanceIndex index;
    private final Path storageRoot;
    private final MatchOptions options;
    private final MoveDestinations destinations;
    private final TlsSettings tls;

    /**
     * @param storageRoot  the folder the index's paths are relative to
     * @param destinations the C-MOVE destinations
     * @param tls          the TLS settings for destinations marked {@code /tls}; null if there are none
     */
    public IndexRetrieve(InstanceIndex index, Path storageRoot, MatchOptions options, MoveDestinations destinations,
            TlsSettings tls) {
        this.index = Objects.requireNonNull(index, "index");
        this.storageRoot = storageRoot.toAbsolutePath().normalize();
        this.options = Objects.requireNonNull(options, "options");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        this.tls = tls;
    }

    @Override
    public Status onCGet(CGetEvent event) {
        return retrieve(event, null);
    }

    @Override
    public Status onCMove(CMoveEvent event) {
        Optional<MoveDestination> destination = destinations.lookup(event.moveDestination());
        if (destination.isEmpty()) {
            LOG.info("{}: C-MOVE to unknown destination '{}'", event.association(), event.moveDestination());
            return MOVE_DESTINATION_UNKNOWN;
        }
        if (destination.get().tls() && tls == null) {
            LOG.error("{}: move destination {} needs TLS, but no TLS key store is configured", event.association(),
                    destination.get());
            return MOVE_DESTINATION_UNKNOWN;
        }
        return retrieve(event, destination.get());
    }

    private Status retrieve(RetrieveEvent event, MoveDestination destination) {
        QueryModel model = InformationModels.retrieve(event.sopClassUid());
        if (model == null) {
            return IndexFind.UNSUPPORTED_SOP_CLASS;
        }
        List<StoredInstance> instances;
        try {
            instances = index.instances(Identifiers.query(model, event.identifier(), options));
        } catch (Identifiers.Unusable | InvalidQueryException e) {
            LOG.info("{}: retrieve identifier refused: {}", event.association(), e.getMessage());
            return IndexFind.IDENTIFIER_DOES_NOT_MATCH;
        } catch (IndexException e) {
            LOG.error("{}: retrieve failed: {}", event.association(), e.getMessage(), e);
            return IndexFind.UNABLE_TO_PROCESS;
        }
        if (destination != null) {
            CMoveEvent move = (CMoveEvent) event;
            // our own requestor: it proposes every SOP class with every transfer syntax the files are
            // in, so compressed instances go as they are stored whatever comes first
            move.destination(destination.host(), destination.port(),
                    withContexts(move.requestor(), instances).tls(destination.tls() ? tls : null));
        }
        event.subOperations(instances.size());
        for (StoredInstance instance : instances) {
            if (event.isCancelled()) {
                return Status.CANCEL;
            }
            Path file = fileOf(instance);
            if (file == null || !Files.isRegularFile(file)) {
                LOG.warn("{}: instance {} is indexed but its file {} is missing", event.association(),
                        instance.sopInstanceUid(), file != null ? file : instance.path());
                event.failed(instance.sopInstanceUid());
                continue;
            }
            try {
                event.store(file, instance.sopInstanceUid());
            } catch (IOException e) {
                LOG.warn("{}: file {} of {} cannot be read: {}", event.association(), file, instance.sopInstanceUid(),
                        e.getMessage());
            }
        }
        return event.isCancelled() ? Status.CANCEL : Status.SUCCESS;
    }

    /** The file of {@code instance} under the storage root; null for a path that leaves it. */
    Path fileOf(StoredInstance instance) {
        Path file = storageRoot.resolve(instance.path()).normalize();
        return file.startsWith(storageRoot) ? file : null;
    }

    /**
     * The requestor for a destination (the server's AE title, timeouts and maximum PDU length) with,
     * per SOP class of the instances, one context with the uncompressed little endian syntaxes (an
     * uncompressed file is converted as needed) and one context per compressed syntax the files are
     * in: in a single context the acceptor would pick one syntax, and files in the others could not
     * be sent.
     */
    private static ApplicationEntity withContexts(ApplicationEntity ae, List<StoredInstance> instances) {
        Map<String, Set<String>> compressed = new LinkedHashMap<>();
        for (StoredInstance i : instances) {
            if (i.sopClassUid() != null) {
                Set<String> syntaxes = compressed.computeIfAbsent(i.sopClassUid(), k -> new LinkedHashSet<>());
                if (UidRegistry.transferSyntaxOrUnknown(i.transferSyntaxUid()).isEncapsulated()) {
                    syntaxes.add(i.transferSyntaxUid());
                }
            }
        }
        int contexts = 0;
        for (Map.Entry<String, Set<String>> e : compressed.entrySet()) {
            for (String ts : e.getValue()) {
                if (contexts++ < MAX_CONTEXTS) {
                    ae.addRequestedContext(e.getKey(), ts);
                }
            }
            if (contexts++ < MAX_CONTEXTS) {
                ae.addRequestedContext(e.getKey(), EXPLICIT_LE, IMPLICIT_LE);
            }
        }
        return ae;
    }
}
