package org.netdicom.qr.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.TlsSettings;
import org.netdicom.core.api.event.CFindEvent;
import org.netdicom.core.api.event.CGetEvent;
import org.netdicom.core.api.event.CMoveEvent;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CFindHandler;
import org.netdicom.core.api.handler.CGetHandler;
import org.netdicom.core.api.handler.CMoveHandler;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.api.handler.HandlesEvent;
import org.netdicom.index.InstanceIndex;
import org.netdicom.index.MatchOptions;
import org.netdicom.qr.MoveDestination;
import org.netdicom.qr.MoveDestinations;
import org.netdicom.qr.QueryRetrieveScp;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Query/Retrieve plugin: a whiteboard handler of EVT_C_FIND, EVT_C_GET and EVT_C_MOVE over the
 * {@link InstanceIndex} service, configured by {@value #PID}. A changed configuration applies to the
 * next request; an invalid move destination is logged (naming it) and left out.
 */
@Component(configurationPid = QueryRetrieveComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = DicomEventHandler.class)
@HandlesEvent(event = {EventType.EVT_C_FIND, EventType.EVT_C_GET, EventType.EVT_C_MOVE})
@Designate(ocd = QrConfig.class)
public final class QueryRetrieveComponent implements CFindHandler, CGetHandler, CMoveHandler {

    static final String PID = "org.netdicom.qr";
    static final String ENV_DATA = "NETDICOM_DATA";
    private static final Logger LOG = LoggerFactory.getLogger("org.netdicom.qr");

    private final InstanceIndex index;
    private final Map<String, String> environment;
    private final String karafData;
    private volatile QueryRetrieveScp scp;

    @Activate
    public QueryRetrieveComponent(@Reference InstanceIndex index, BundleContext context, QrConfig config) {
        this(index, System.getenv(), context.getProperty("karaf.data"), config);
    }

    QueryRetrieveComponent(InstanceIndex index, Map<String, String> environment, String karafData, QrConfig config) {
        this.index = index;
        this.environment = environment;
        this.karafData = karafData;
        modified(config);
    }

    @Modified
    void modified(QrConfig config) {
        Path root = storageRoot(config);
        MatchOptions options = new MatchOptions(config.case_insensitive_names(), config.combined_datetime(),
                config.relational());
        MoveDestinations destinations = destinations(config);
        TlsSettings tls = tls(config);
        scp = new QueryRetrieveScp(index, root, options, destinations, tls);
        LOG.info("netdicom query/retrieve: storage root {}, move destinations {}", root, destinations);
    }

    Path storageRoot(QrConfig config) {
        if (!config.storage_root().isBlank()) {
            return Path.of(config.storage_root().strip());
        }
        String data = environment.get(ENV_DATA);
        if (data != null && !data.isBlank()) {
            return Path.of(data.strip(), "storage");
        }
        return karafData != null ? Path.of(karafData, "netdicom", "storage") : Path.of("data", "netdicom", "storage");
    }

    private MoveDestinations destinations(QrConfig config) {
        List<MoveDestination> valid = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (String value : config.destinations()) {
            entries.addAll(List.of(value.split(",")));
        }
        String fromEnvironment = environment.get(MoveDestinations.ENV);
        int configured = entries.size();
        if (fromEnvironment != null) {
            entries.addAll(List.of(fromEnvironment.split(",")));
        }
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            if (entry.isBlank()) {
                continue;
            }
            try {
                valid.add(MoveDestination.parse(entry));
            } catch (IllegalArgumentException e) {
                LOG.error("{} {}: {} (left out)", i < configured ? PID + " destinations" : MoveDestinations.ENV,
                        entry.strip(), e.getMessage());
            }
        }
        return MoveDestinations.of(valid);
    }

    private static TlsSettings tls(QrConfig config) {
        if (config.tls_keystore().isBlank()) {
            return null;
        }
        try {
            Path keyStore = Path.of(config.tls_keystore().strip());
            Path trustStore = config.tls_truststore().isBlank() ? keyStore : Path.of(config.tls_truststore().strip());
            char[] trustPassword = (config.tls_truststore().isBlank() ? config._tls_keystore_password()
                    : config._tls_truststore_password()).toCharArray();
            return TlsSettings.fromPkcs12(keyStore, config._tls_keystore_password().toCharArray(), trustStore,
                    trustPassword);
        } catch (Exception e) {
            LOG.error("{} tls.keystore {}: {} (TLS move destinations will fail)", PID, config.tls_keystore(),
                    e.getMessage());
            return null;
        }
    }

    @Override
    public Status onCFind(CFindEvent event) throws Exception {
        return scp.onCFind(event);
    }

    @Override
    public Status onCGet(CGetEvent event) throws Exception {
        return scp.onCGet(event);
    }

    @Override
    public Status onCMove(CMoveEvent event) throws Exception {
        return scp.onCMove(event);
    }
}
