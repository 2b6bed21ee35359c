package org.netdicom.tools.scp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.TlsSettings;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CEchoHandler;
import org.netdicom.core.api.handler.CFindHandler;
import org.netdicom.core.api.handler.CGetHandler;
import org.netdicom.core.api.handler.CMoveHandler;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.index.MatchOptions;
import org.netdicom.index.jdbc.JdbcIndex;
import org.netdicom.index.jdbc.JdbcIndexes;
import org.netdicom.qr.MoveDestinations;
import org.netdicom.qr.QueryRetrieveScp;
import org.netdicom.storage.DuplicatePolicy;
import org.netdicom.storage.FileStore;
import org.netdicom.storage.ReconciliationReport;
import org.netdicom.storage.StorageSettings;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.ToolException;
import org.netdicom.tools.common.TransferSyntaxNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * qrscp: a standalone archive node without the container. One AE answers Verification, Storage
 * (PS3.4 B: every storage SOP class, compressed syntaxes too, into {@link FileStore}: durable Part
 * 10 files and an index row) and Query/Retrieve (PS3.4 C: Patient Root, Study Root, Patient/Study
 * Only C-FIND, C-GET and C-MOVE by {@link QueryRetrieveScp}). The index is an embedded H2 database
 * in {@code DATA/index} unless a JDBC URL (PostgreSQL) is configured. Settings come from the
 * command line, then the {@code -c} file, then the defaults.
 */
@Command(name = "qrscp", mixinStandardHelpOptions = true, versionProvider = org.netdicom.tools.VersionProvider.class,
        description = "A standalone archive node: stores what it receives (C-STORE), indexes it, and answers "
                + "C-FIND, C-GET and C-MOVE, until Ctrl-C.", sortOptions = false,
        footer = {"", "Examples:",
                "  netdicom qrscp 11112",
                "  netdicom qrscp -aet ARCHIVE --data /var/lib/netdicom --move VIEWER@10.0.0.20:104 104",
                "  netdicom qrscp -c qrscp.properties",
                "", "Configuration file (Java properties; the command line wins):",
                "  aet = ARCHIVE", "  port = 11112", "  data = /var/lib/netdicom",
                "  destinations = VIEWER@10.0.0.20:11112, WS@ws.example.org:104/tls",
                "  pattern = {PatientID}/{StudyInstanceUID}/{SOPInstanceUID}.dcm",
                "  duplicates = overwrite", "  index.url = jdbc:postgresql://db/netdicom",
                "  index.user = netdicom", "  index.password = secret"})
public final class QrScp extends ScpCommand {

    /** The port when neither the command line nor the configuration file names one (DICOM's registered port). */
    static final int DEFAULT_PORT = 11112;
    static final Path DEFAULT_DATA = Path.of("netdicom-data");
    private static final String VERIFICATION = "1.2.840.10008.1.1";

    @Parameters(index = "0", arity = "0..1", paramLabel = "PORT",
            description = "The TCP port to listen on (default: the configuration file's, else " + DEFAULT_PORT + ").")
    Integer port;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (properties: aet, port, data, destinations, pattern, duplicates, "
                    + "index.url, ...); the command line wins over it.")
    Path configFile;

    @Option(names = "--data", paramLabel = "FOLDER",
            description = "Data folder: instances in FOLDER/storage, the H2 index in FOLDER/index (default: ./"
                    + "netdicom-data).")
    Path data;

    @Option(names = "--move", paramLabel = "AET@HOST:PORT",
            description = "A C-MOVE destination (append /tls for TLS); repeatable; adds to the configuration "
                    + "file's and to NETDICOM_MOVE_DESTINATIONS, and wins for the same AE title.")
    List<String> moves = new ArrayList<>();

    @Option(names = "--pattern", paramLabel = "PATTERN",
            description = "File layout below FOLDER/storage (default: {PatientID}/{StudyInstanceUID}/"
                    + "{SeriesInstanceUID}/{SOPInstanceUID}.dcm).")
    String pattern;

    @Option(names = "--duplicates", paramLabel = "POLICY",
            description = "A SOP Instance UID stored again: overwrite (default), keep-first, keep-both or reject.")
    String duplicates;

    @Option(names = "--prefer-ts", paramLabel = "TS",
            description = "Accepted transfer syntaxes for storage, in order of preference; repeatable (default: "
                    + "uncompressed, Explicit VR LE first, then every compressed one).")
    List<String> preferred = new ArrayList<>();

    @Option(names = "--index-url", paramLabel = "JDBC-URL",
            description = "The index database instead of H2 in FOLDER/index, e.g. jdbc:postgresql://db/netdicom.")
    String indexUrl;

    @Option(names = "--index-user", paramLabel = "USER", description = "User of --index-url.")
    String indexUser;

    @Option(names = "--index-password", paramLabel = "PASSWORD", description = "Password of --index-url.")
    String indexPassword;

    private QrScpConfig config = QrScpConfig.none();
    private int effectivePort;

    @Override
    protected int port() {
        return effectivePort;
    }

    @Override
    protected String aeTitle() {
        return config.pick(aeTitle, "aet", "QRSCP");
    }

    @Override
    protected int run() throws Exception {
        if (configFile != null) {
            config = QrScpConfig.read(configFile);
        }
        effectivePort = port != null ? port : config.integer("port", DEFAULT_PORT);
        if (effectivePort < 0 || effectivePort > 65535) {
            throw new ToolException(ExitCodes.USAGE, effectivePort + " is not a TCP port");
        }
        if (bind == null) {
            bind = config.get("bind");
        }
        Path dataFolder = data != null ? data : config.path("data") != null ? config.path("data") : DEFAULT_DATA;
        Path storage = config.path("storage") != null && data == null ? config.path("storage")
                : dataFolder.resolve("storage");
        StorageSettings settings = storageSettings(storage);
        MoveDestinations destinations = destinations();
        TlsSettings tls = tlsOptions.settings();
        ApplicationEntity ae = acceptor(); // checks the AE title and network options before anything is opened
        Path spool = storage.resolve(".incoming"); // hidden: the reconciliation skips it; same disk as the files
        Files.createDirectories(spool);

        JdbcIndex index = openIndex(dataFolder);
        try {
            FileStore store = new FileStore(settings, index);
            ReconciliationReport report = store.reconcile(); // before serving: C-FIND sees every file
            Counts counts = new Counts();
            QueryRetrieveScp qr = new QueryRetrieveScp(index, storage, MatchOptions.DEFAULT, destinations, tls);
            String[] storageSyntaxes = StorageSyntaxes.accepted(preferred);
            ae.addSupportedContext(VERIFICATION, TransferSyntaxNames.EXPLICIT, TransferSyntaxNames.IMPLICIT)
                    .addSupportedContexts(ServiceClass.STORAGE, storageSyntaxes)
                    .addSupportedContexts(ServiceClass.NON_PATIENT_OBJECT_STORAGE, storageSyntaxes)
                    // C-GET sends the instances back as C-STORE on the same association: the peer
                    // proposes the SCP role for storage (PS3.7 D.3.3.4)
                    .acceptRoles(ServiceClass.STORAGE, true, true)
                    .acceptRoles(ServiceClass.NON_PATIENT_OBJECT_STORAGE, true, true)
                    .addSupportedContexts(ServiceClass.QUERY_RETRIEVE, TransferSyntaxNames.EXPLICIT,
                            TransferSyntaxNames.IMPLICIT)
                    .spoolDirectory(spool);
            return serve(ae, counts.bindings(store, qr), () -> {
                note(name() + ": storage " + storage.toAbsolutePath() + " reconciled with the index: " + report);
                note(name() + ": index " + (indexDescription(dataFolder)) + (destinations.all().isEmpty()
                        ? ", no move destinations" : ", move destinations " + destinations));
            }, () -> {
                index.close();
                note(name() + ": " + counts);
            });
        } catch (ToolException | IOException | RuntimeException e) {
            index.close(); // serve() closes it on a normal stop; here the server never ran
            throw e;
        }
    }

    private StorageSettings storageSettings(Path storage) throws ToolException {
        String patternValue = config.pick(pattern, "pattern", StorageSettings.DEFAULT_PATTERN);
        try {
            return StorageSettings.of(storage)
                    .withPattern(patternValue)
                    .withDuplicates(DuplicatePolicy.parse(config.pick(duplicates, "duplicates", "overwrite")))
                    .withTransferSyntax(config.get("transferSyntax"))
                    .withFsync(config.bool("fsync", true));
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    /** The file's destinations, then NETDICOM_MOVE_DESTINATIONS, then --move: a later one wins for its AE title. */
    private MoveDestinations destinations() throws ToolException {
        List<String> entries = new ArrayList<>(config.list("destinations"));
        String environment = System.getenv(MoveDestinations.ENV);
        if (environment != null) {
            entries.add(environment);
        }
        entries.addAll(moves);
        try {
            return MoveDestinations.parse(entries, null);
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    private String indexDescription(Path dataFolder) {
        String url = config.pick(indexUrl, "index.url", null);
        // the URL without its parameters, which may hold a password
        return url != null ? url.replaceAll("[?;].*", "") : "H2 in " + dataFolder.resolve("index").toAbsolutePath();
    }

    private JdbcIndex openIndex(Path dataFolder) throws ToolException {
        String url = config.pick(indexUrl, "index.url", null);
        try {
            if (url == null) {
                Path folder = Files.createDirectories(dataFolder.resolve("index"));
                return JdbcIndexes.h2(folder);
            }
            return JdbcIndexes.open(url, config.pick(indexUser, "index.user", null),
                    config.pick(indexPassword, "index.password", null));
        } catch (IOException e) { // IndexException too: the database cannot be opened or is in use
            throw new ToolException(ExitCodes.IO, "cannot open the index " + (url != null ? url
                    : dataFolder.resolve("index")) + ": " + ExitCodes.reason(e), e);
        }
    }

    /** What the node did, for the summary when it stops. */
    private final class Counts {
        final AtomicLong stored = new AtomicLong();
        final AtomicLong storeFailed = new AtomicLong();
        final AtomicLong finds = new AtomicLong();
        final AtomicLong gets = new AtomicLong();
        final AtomicLong moves = new AtomicLong();
        final AtomicLong echoes = new AtomicLong();

        EventBindings bindings(FileStore store, QueryRetrieveScp qr) {
            CEchoHandler echo = e -> {
                echoes.incrementAndGet();
                return Status.SUCCESS;
            };
            CStoreHandler storeHandler = e -> {
                Status status = store.onCStore(e);
                (status.isSuccess() ? stored : storeFailed).incrementAndGet();
                if (verbosity.debug() || !status.isSuccess()) {
                    note(name() + ": C-STORE " + e.sopInstanceUid() + " from " + e.association().callingAeTitle()
                            + ": " + status);
                }
                return status;
            };
            CFindHandler find = e -> {
                finds.incrementAndGet();
                return qr.onCFind(e);
            };
            CGetHandler get = e -> {
                gets.incrementAndGet();
                return qr.onCGet(e);
            };
            CMoveHandler move = e -> {
                moves.incrementAndGet();
                return qr.onCMove(e);
            };
            return EventBindings.of(EventType.EVT_C_ECHO, echo).and(EventType.EVT_C_STORE, storeHandler)
                    .and(EventType.EVT_C_FIND, find).and(EventType.EVT_C_GET, get).and(EventType.EVT_C_MOVE, move);
        }

        @Override
        public String toString() {
            return stored + " instances stored, " + storeFailed + " failed; " + finds + " C-FIND, " + gets
                    + " C-GET, " + moves + " C-MOVE, " + echoes + " C-ECHO requests";
        }
    }
}
