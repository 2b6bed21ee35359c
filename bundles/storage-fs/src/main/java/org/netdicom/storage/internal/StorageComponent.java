package org.netdicom.storage.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CStoreEvent;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.api.handler.HandlesEvent;
import org.netdicom.index.InstanceIndex;
import org.netdicom.storage.DuplicatePolicy;
import org.netdicom.storage.FileStore;
import org.netdicom.storage.ReconciliationReport;
import org.netdicom.storage.StorageMaintenance;
import org.netdicom.storage.StorageSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage as an OSGi component: a {@link FileStore} over the {@link InstanceIndex} service,
 * registered on the whiteboard for EVT_C_STORE and as {@link StorageMaintenance}, configured by
 * {@value #PID}. A changed configuration restarts the component (the whiteboard keeps in-flight
 * stores on the old one). At activation a reconciliation runs in the background and logs its counts;
 * every {@code indexRetrySeconds} the rows that failed after their response are written again.
 * An invalid configuration fails the activation with a message naming the setting.
 */
@Component(configurationPid = StorageComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {DicomEventHandler.class, StorageMaintenance.class}, immediate = true)
@HandlesEvent(event = EventType.EVT_C_STORE)
@Designate(ocd = StorageConfig.class)
public final class StorageComponent implements CStoreHandler, StorageMaintenance {

    static final String PID = "org.netdicom.storage";
    static final String ENV_DATA = "NETDICOM_DATA";
    private static final Logger LOG = LoggerFactory.getLogger("org.netdicom.storage");

    private final Map<String, String> environment;
    private final InstanceIndex index;
    private final FileStore store;
    private final ScheduledExecutorService indexRetries;
    private Thread reconciler;

    @Activate
    public StorageComponent(@Reference(name = "index") InstanceIndex index, StorageConfig config) {
        this(index, config, System.getenv(), System.getProperty("karaf.data"));
    }

    StorageComponent(InstanceIndex index, StorageConfig config, Map<String, String> environment, String karafData) {
        this.environment = environment;
        this.index = index;
        StorageSettings settings;
        try {
            settings = new StorageSettings(root(config.root(), karafData), config.pattern(),
                    DuplicatePolicy.parse(config.duplicates()), StorageSettings.transferSyntaxOf(config.transferSyntax()),
                    config.fsync(), Duration.ofSeconds(config.tempFileGraceSeconds()), config.indexBeforeResponse());
            if (config.indexRetrySeconds() <= 0) {
                throw new IllegalArgumentException("indexRetrySeconds " + config.indexRetrySeconds() + " is not positive");
            }
        } catch (IllegalArgumentException e) {
            LOG.error("netdicom storage not started: configuration {}: {}", PID, e.getMessage());
            throw e;
        }
        this.store = new FileStore(settings, index);
        LOG.info("netdicom storage in {} (pattern {}, duplicates {}, transfer syntax {}, fsync {}, index {} the response)",
                store.root(), settings.pattern(), settings.duplicates(), settings.transferSyntax() == null ? "as received"
                        : settings.transferSyntax(), settings.fsync(), settings.indexBeforeResponse() ? "before" : "after");
        indexRetries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "netdicom-storage-index-retry");
            t.setDaemon(true);
            return t;
        });
        indexRetries.scheduleWithFixedDelay(this::indexPending, config.indexRetrySeconds(), config.indexRetrySeconds(),
                TimeUnit.SECONDS);
        if (config.reconcileOnStart()) {
            reconciler = new Thread(this::reconcileInBackground, "netdicom-storage-reconciliation");
            reconciler.setDaemon(true);
            reconciler.start();
        }
    }

    /** The root setting, else {@code $NETDICOM_DATA/storage}, else {@code ${karaf.data}/netdicom/storage}. */
    private Path root(String configured, String karafData) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String data = environment.get(ENV_DATA);
        if (data != null && !data.isBlank()) {
            return Path.of(data.strip(), "storage");
        }
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData, "netdicom", "storage");
        }
        return Path.of("netdicom-data", "storage");
    }

    private void reconcileInBackground() {
        try {
            ReconciliationReport report = store.reconcile();
            LOG.info("netdicom storage reconciled with the index: {}", report);
        } catch (IOException | RuntimeException e) {
            LOG.error("netdicom storage: reconciliation failed: {}", e.toString());
        }
    }

    private void indexPending() {
        try {
            if (store.pendingIndexWrites() > 0) {
                int indexed = store.indexPending();
                if (indexed > 0) {
                    LOG.info("netdicom storage: {} stored instance(s) indexed on another try", indexed);
                }
            }
        } catch (RuntimeException e) { // the schedule stops for good on an exception: log it, go on
            LOG.error("netdicom storage: indexing again failed", e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        indexRetries.shutdownNow();
        indexRetries.awaitTermination(5, TimeUnit.SECONDS);
        if (store.pendingIndexWrites() > 0) {
            LOG.warn("netdicom storage stopped with {} stored instance(s) not indexed: the next reconciliation indexes them",
                    store.pendingIndexWrites());
        }
        Thread running = reconciler;
        if (running != null) {
            running.interrupt();
            running.join(5000); // the index may go with us: do not leave a walker on it
        }
    }

    /** For tests: waits for the start-up reconciliation. */
    void awaitReconciliation() throws InterruptedException {
        if (reconciler != null) {
            reconciler.join();
        }
    }

    @Override
    public Status onCStore(CStoreEvent event) {
        return store.onCStore(event);
    }

    @Override
    public Path root() {
        return store.root();
    }

    @Override
    public ReconciliationReport reconcile() throws IOException {
        return store.reconcile();
    }

    InstanceIndex index() {
        return index;
    }
}
