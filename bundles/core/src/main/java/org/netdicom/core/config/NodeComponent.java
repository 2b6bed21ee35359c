package org.netdicom.core.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.config.NodeSettings.InvalidSettingException;
import org.netdicom.core.whiteboard.HandlerWhiteboard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the container's DICOM node from configuration {@value #PID}. A bad setting or a busy port is
 * logged as one line naming the setting; the component stays active so that a corrected
 * configuration starts the node without restarting anything.
 */
@Component(configurationPid = NodeComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = NodeConfig.class)
public final class NodeComponent {

    /**
     * Bound before activation, so that the handlers of plugins already started are in place when
     * the server starts listening (else the first requests would meet the built-in defaults).
     */
    @Reference
    private HandlerWhiteboard whiteboard;

    static final String PID = "org.netdicom.node";
    private static final Logger LOG = LoggerFactory.getLogger("org.netdicom.node");

    /** The folder a node keeps its data in, as the storage and index plugins read it. */
    static final String ENV_DATA = "NETDICOM_DATA";
    private final Map<String, String> environment;
    private final RunningServer running = new RunningServer(LOG, "netdicom node");

    public NodeComponent() {
        this(System.getenv());
    }

    NodeComponent(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Starts the node. Besides {@code aet}, {@code port} and {@code bind} (each with its
     * environment override), the configuration takes every setting of a server configuration
     * ({@code contexts}, {@code transfer.syntaxes}, {@code max.associations}, timeouts, TLS...; see
     * {@link ServerSettings}). The only method of this name: with a one-argument overload, DS
     * would call that one (it ranks a single component property type first, OSGi Compendium 112.5.8).
     */
    @Activate
    synchronized void activate(NodeConfig config, Map<String, Object> properties) {
        ServerSettings settings = resolve(config, properties);
        if (settings != null) {
            if (!properties.containsKey("spool.directory")
                    && defaultSpoolDirectory(settings.address().getPort()) != null) {
                // the node's own spool folder, which nothing else uses: what is in it now was left
                // by a crash (a folder set in the configuration may be shared, and is left alone)
                SpoolFiles.deleteLeftovers(settings.applicationEntity().spoolDirectory());
            }
            running.start(settings);
        }
    }

    /**
     * A changed configuration restarts the node; an unchanged one (for example, when the environment
     * overrides every setting) leaves it and its associations alone, and an invalid one is reported
     * and leaves the running node as it was.
     */
    @Modified
    synchronized void modified(NodeConfig config, Map<String, Object> properties) {
        running.apply(resolve(config, properties));
    }

    @Deactivate
    synchronized void deactivate() {
        running.stop();
    }

    /** Where the running node spools received data sets, or null when none runs. */
    synchronized Path spoolDirectory() {
        ServerSettings settings = running.settings();
        return settings == null ? null : settings.applicationEntity().spoolDirectory();
    }

    /** The running server, or null when the settings did not allow one to start. */
    synchronized AssociationServer server() {
        return running.server();
    }

    private ServerSettings resolve(NodeConfig config, Map<String, Object> properties) {
        try {
            NodeSettings node = NodeSettings.resolve(config, environment);
            Map<String, Object> merged = new HashMap<>(properties);
            merged.put("aet", node.aeTitle());
            merged.put("port", Integer.toString(node.address().getPort()));
            merged.put("bind", node.address().getAddress().getHostAddress());
            Path spool = defaultSpoolDirectory(node.address().getPort());
            if (!merged.containsKey("spool.directory") && spool != null) {
                merged.put("spool.directory", spool.toString());
            }
            return ServerSettings.parse(PID, merged);
        } catch (InvalidSettingException e) {
            LOG.error("netdicom node not started: {}", e.getMessage());
            return null;
        }
    }

    /**
     * Where the node spools without {@code spool.directory}: with {@code NETDICOM_DATA}, a folder of
     * this host and port in {@code $NETDICOM_DATA/spool}, on the volume of the storage plugin's
     * default root, so that storing a received instance is a rename (several nodes may share
     * NETDICOM_DATA: each has its own folder); else {@code ${karaf.data}/netdicom/spool}; outside a
     * container, null (the JVM's temporary folder).
     */
    private Path defaultSpoolDirectory(int port) {
        String data = environment.get(ENV_DATA);
        if (data != null && !data.isBlank()) {
            return Path.of(data, "spool", SpoolFiles.hostName() + "-" + port);
        }
        String karafData = System.getProperty("karaf.data");
        return karafData == null ? null : Path.of(karafData, "netdicom", "spool");
    }
}
