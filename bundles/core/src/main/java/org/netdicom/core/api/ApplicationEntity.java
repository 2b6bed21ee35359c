package org.netdicom.core.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.netdicom.core.acse.AcceptorSettings;
import org.netdicom.core.acse.RolePolicy;
import org.netdicom.core.association.RequestorAssociation;
import org.netdicom.core.association.RequestorSettings;
import org.netdicom.core.dimse.DimseSettings;
import org.netdicom.core.pdu.RoleSelection;
import org.netdicom.core.service.ServiceClassRegistry;
import org.netdicom.core.transport.AcceptLoop;

/**
 * A DICOM Application Entity: its title, the presentation contexts it supports as an acceptor and
 * requests as a requestor, and the limits and timeouts of its associations. Configure it, then
 * {@link #startServer} as many servers as needed, or {@link #associate} with peers; each server
 * and association takes a snapshot of the settings when it starts.
 *
 * <p>Not thread-safe while being configured; the servers it starts are.
 */
public final class ApplicationEntity {

    private final String aeTitle;
    private final Map<String, List<String>> supportedContexts = new LinkedHashMap<>();
    private final List<Map.Entry<String, List<String>>> requestedContexts = new ArrayList<>();
    private final Set<String> allowedCallingAeTitles = new LinkedHashSet<>();
    private final Map<String, RolePolicy> rolePolicies = new LinkedHashMap<>();
    private final Map<String, RoleSelection> requestedRoles = new LinkedHashMap<>();
    private boolean requireCalledAeTitle;
    private int maximumPduLength = 16384;
    private int maximumAssociations = 64;
    private Duration acseTimeout = Duration.ofSeconds(30);
    private Duration dimseTimeout = Duration.ofSeconds(30);
    private Duration networkTimeout = Duration.ofSeconds(60);
    private Duration connectionTimeout = Duration.ofSeconds(30);
    private LogHandlerLevel logHandlerLevel = LogHandlerLevel.STANDARD;
    private TlsSettings tls;
    private Path spoolDirectory = DimseSettings.DEFAULT.spoolDirectory();
    private int dataSetMemoryLimit = DimseSettings.DEFAULT.memoryLimit();
    private boolean spoolStoreDataSets = DimseSettings.DEFAULT.spoolStoreDataSets();

    /** @throws IllegalArgumentException if {@code aeTitle} is not a valid AE title */
    public ApplicationEntity(String aeTitle) {
        this.aeTitle = AeTitle.requireValid(aeTitle);
    }

    public String aeTitle() {
        return aeTitle;
    }

    /**
     * Supports {@code abstractSyntax} with {@code transferSyntaxes}, in order of preference: when a
     * requestor proposes several, the first of these that it proposed is accepted. Adding the same
     * abstract syntax again appends the new transfer syntaxes.
     */
    public ApplicationEntity addSupportedContext(String abstractSyntax, String... transferSyntaxes) {
        Objects.requireNonNull(abstractSyntax, "abstractSyntax");
        if (transferSyntaxes.length == 0) {
            throw new IllegalArgumentException("no transfer syntax given for " + abstractSyntax);
        }
        List<String> list = supportedContexts.computeIfAbsent(abstractSyntax, k -> new ArrayList<>());
        for (String ts : transferSyntaxes) {
            if (!list.contains(ts)) {
                list.add(Objects.requireNonNull(ts, "transferSyntax"));
            }
        }
        return this;
    }

    /** Abstract syntax to transfer syntaxes in order of preference; read-only. */
    public Map<String, List<String>> supportedContexts() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        supportedContexts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Supports every SOP class of {@code service} (PS3.4), e.g. {@link ServiceClass#STORAGE} for all
     * storage SOP classes including retired ones still in use, with {@code transferSyntaxes} in
     * order of preference. For storage, add the compressed syntaxes you accept as well: the
     * acceptor takes the first of its syntaxes that the requestor proposed.
     */
    public ApplicationEntity addSupportedContexts(ServiceClass service, String... transferSyntaxes) {
        Objects.requireNonNull(service, "service");
        for (String sopClass : ServiceClassRegistry.sopClasses(service)) {
            addSupportedContext(sopClass, transferSyntaxes);
        }
        return this;
    }

    /**
     * Proposes {@code abstractSyntax} with {@code transferSyntaxes} when this entity requests an
     * association. Each call adds one presentation context, so the same abstract syntax may be
     * proposed several times with different transfer syntaxes; at most 128 contexts fit.
     */
    public ApplicationEntity addRequestedContext(String abstractSyntax, String... transferSyntaxes) {
        Objects.requireNonNull(abstractSyntax, "abstractSyntax");
        if (transferSyntaxes.length == 0) {
            throw new IllegalArgumentException("no transfer syntax given for " + abstractSyntax);
        }
        requestedContexts.add(Map.entry(abstractSyntax, List.of(transferSyntaxes)));
        return this;
    }

    /** The presentation contexts to propose, in order; read-only. */
    public List<Map.Entry<String, List<String>>> requestedContexts() {
        return List.copyOf(requestedContexts);
    }

    /**
     * As requestor, proposes SCP/SCU role selection for {@code sopClassUid} (PS3.7 D.3.3.4): for
     * example {@code requestRole(ctStorage, false, true)} to receive C-STORE sub-operations of a
     * C-GET. At least one role must be proposed.
     */
    public ApplicationEntity requestRole(String sopClassUid, boolean scuRole, boolean scpRole) {
        if (!scuRole && !scpRole) {
            throw new IllegalArgumentException("propose at least one role for " + sopClassUid);
        }
        requestedRoles.put(Objects.requireNonNull(sopClassUid, "sopClassUid"),
                new RoleSelection(sopClassUid, scuRole, scpRole));
        return this;
    }

    /**
     * As acceptor, answers role selection proposals for {@code sopClassUid}: a proposed role is
     * accepted only if allowed here. Without this call, proposals for the SOP class are ignored (no
     * reply, default roles: requestor SCU, acceptor SCP). A context on which every proposed role is
     * refused is rejected.
     */
    public ApplicationEntity acceptRoles(String sopClassUid, boolean scuRole, boolean scpRole) {
        rolePolicies.put(Objects.requireNonNull(sopClassUid, "sopClassUid"), new RolePolicy(scuRole, scpRole));
        return this;
    }

    /** As {@link #acceptRoles(String, boolean, boolean)} for every SOP class of {@code service}. */
    public ApplicationEntity acceptRoles(ServiceClass service, boolean scuRole, boolean scpRole) {
        Objects.requireNonNull(service, "service");
        for (String sopClass : ServiceClassRegistry.sopClasses(service)) {
            acceptRoles(sopClass, scuRole, scpRole);
        }
        return this;
    }

    /** Refuse associations whose called AE title is not ours (A-ASSOCIATE-RJ 1/1/7). */
    public ApplicationEntity requireCalledAeTitle(boolean require) {
        this.requireCalledAeTitle = require;
        return this;
    }

    public boolean requiresCalledAeTitle() {
        return requireCalledAeTitle;
    }

    /** Accept only these calling AE titles (A-ASSOCIATE-RJ 1/1/3 otherwise); empty accepts any. */
    public ApplicationEntity allowCallingAeTitles(Iterable<String> titles) {
        allowedCallingAeTitles.clear();
        for (String title : titles) {
            allowedCallingAeTitles.add(AeTitle.requireValid(title));
        }
        return this;
    }

    public Set<String> allowedCallingAeTitles() {
        return Set.copyOf(allowedCallingAeTitles);
    }

    /** The largest P-DATA-TF PDU we accept, told to the peer; 0 means unlimited. */
    public ApplicationEntity maximumPduLength(int length) {
        if (length != 0 && length < 4096) {
            // Smaller values leave no room for a useful PDV; DCMTK refuses them as well.
            throw new IllegalArgumentException("maximum PDU length " + length + " is below 4096 (0 = unlimited)");
        }
        this.maximumPduLength = length;
        return this;
    }

    public int maximumPduLength() {
        return maximumPduLength;
    }

    /** Associations accepted at once per server; more are rejected (A-ASSOCIATE-RJ 2/3/2). */
    public ApplicationEntity maximumAssociations(int maximum) {
        if (maximum < 1) {
            throw new IllegalArgumentException("maximum associations must be at least 1, not " + maximum);
        }
        this.maximumAssociations = maximum;
        return this;
    }

    public int maximumAssociations() {
        return maximumAssociations;
    }

    /** Time allowed for association negotiation and release; also the ARTIM timer (PS3.8 9.1.5). */
    public ApplicationEntity acseTimeout(Duration timeout) {
        this.acseTimeout = positive(timeout, "ACSE timeout");
        return this;
    }

    public Duration acseTimeout() {
        return acseTimeout;
    }

    /** Time allowed for a DIMSE response. */
    public ApplicationEntity dimseTimeout(Duration timeout) {
        this.dimseTimeout = positive(timeout, "DIMSE timeout");
        return this;
    }

    public Duration dimseTimeout() {
        return dimseTimeout;
    }

    /** An association that receives nothing for this long is aborted. */
    public ApplicationEntity networkTimeout(Duration timeout) {
        this.networkTimeout = positive(timeout, "network timeout");
        return this;
    }

    public Duration networkTimeout() {
        return networkTimeout;
    }

    /** Time allowed for the TCP connection to a peer to open. */
    public ApplicationEntity connectionTimeout(Duration timeout) {
        this.connectionTimeout = positive(timeout, "connection timeout");
        return this;
    }

    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    /** Secures servers and associations started from now on with TLS; null for plain TCP (the default). */
    public ApplicationEntity tls(TlsSettings settings) {
        this.tls = settings;
        return this;
    }

    public TlsSettings tls() {
        return tls;
    }

    /**
     * Where received data sets larger than the {@linkplain #dataSetMemoryLimit memory limit} are
     * written while they arrive (default: the JVM's temporary directory). A C-STORE handler that
     * keeps the instance in the same file system gets it by a rename, without a copy: point this
     * at the storage volume.
     */
    public ApplicationEntity spoolDirectory(Path directory) {
        this.spoolDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    public Path spoolDirectory() {
        return spoolDirectory;
    }

    /**
     * Received data sets up to this many bytes stay in memory (default 1 MiB); larger ones are
     * spooled. C-STORE data sets are spooled whatever their size unless
     * {@linkplain #spoolStoreDataSets(boolean) told otherwise}.
     */
    public ApplicationEntity dataSetMemoryLimit(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("memory limit must not be negative: " + bytes);
        }
        this.dataSetMemoryLimit = bytes;
        return this;
    }

    public int dataSetMemoryLimit() {
        return dataSetMemoryLimit;
    }

    /**
     * Whether a received C-STORE data set is written to a spool file from its first fragment on,
     * whatever its size (default true). The spool file begins with the instance's Part 10 header,
     * so a handler that keeps the instance in the spool directory's file system stores it with a
     * rename ({@code CStoreEvent.storePart10}): the bytes are written once, while they arrive, and
     * the response waits only for the rename. False keeps data sets up to the
     * {@linkplain #dataSetMemoryLimit memory limit} in memory: for handlers that never store to disk.
     */
    public ApplicationEntity spoolStoreDataSets(boolean spool) {
        this.spoolStoreDataSets = spool;
        return this;
    }

    public boolean spoolStoreDataSets() {
        return spoolStoreDataSets;
    }

    private DimseSettings dimseSettings() {
        return new DimseSettings(spoolDirectory, dataSetMemoryLimit, spoolStoreDataSets);
    }

    /** Which logging handlers every association binds by itself; STANDARD unless changed. */
    public ApplicationEntity logHandlerLevel(LogHandlerLevel level) {
        this.logHandlerLevel = Objects.requireNonNull(level, "level");
        return this;
    }

    public LogHandlerLevel logHandlerLevel() {
        return logHandlerLevel;
    }

    /** As {@link #associate(String, int, String, EventBindings)} with no handlers bound at start. */
    public Association associate(String host, int port, String calledAeTitle) throws IOException {
        return associate(host, port, calledAeTitle, EventBindings.none());
    }

    /**
     * Opens an association to the acceptor {@code calledAeTitle} at {@code host}:{@code port},
     * proposing the {@linkplain #addRequestedContext requested contexts}, with {@code handlers}
     * bound before the first event.
     *
     * @throws AssociationException if the acceptor rejects or aborts the request, or does not answer
     *                              within the ACSE timeout
     * @throws IOException          if the connection cannot be made
     */
    public Association associate(String host, int port, String calledAeTitle, EventBindings handlers)
            throws IOException {
        String called = AeTitle.requireValid(calledAeTitle);
        if (requestedContexts.isEmpty()) {
            throw new IllegalStateException("AE " + aeTitle + " requests no presentation context");
        }
        return RequestorAssociation.open(new RequestorSettings(aeTitle, requestedContexts,
                List.copyOf(requestedRoles.values()), maximumPduLength,
                connectionTimeout, acseTimeout, dimseTimeout, networkTimeout, logHandlerLevel, tls, dimseSettings()),
                new InetSocketAddress(host, port),
                called, handlers);
    }

    /**
     * Listens on {@code address} and serves associations in background threads until the returned
     * server is closed.
     *
     * @throws IOException if the address cannot be bound (for example, the port is in use)
     */
    public AssociationServer startServer(InetSocketAddress address) throws IOException {
        return startServer(address, EventBindings.none());
    }

    /**
     * As {@link #startServer(InetSocketAddress)}, with {@code handlers} bound to the server before
     * it accepts its first connection.
     */
    public AssociationServer startServer(InetSocketAddress address, EventBindings handlers) throws IOException {
        if (supportedContexts.isEmpty()) {
            throw new IllegalStateException("AE " + aeTitle + " supports no presentation context");
        }
        return AcceptLoop.start(address, new AcceptorSettings(aeTitle, supportedContexts(), rolePolicies,
                requireCalledAeTitle, allowedCallingAeTitles(), maximumPduLength, maximumAssociations,
                acseTimeout, dimseTimeout, networkTimeout, logHandlerLevel, tls, dimseSettings()), handlers);
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + d);
        }
        return d;
    }
}
