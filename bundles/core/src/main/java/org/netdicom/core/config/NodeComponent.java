package org.netdicom.core.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.config.NodeSettings.InvalidSettingException;
import org.netdicom.core.service.StandardContexts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
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

    static final String PID = "org.netdicom.node";
    private static final Logger LOG = LoggerFactory.getLogger("org.netdicom.node");

    private final Map<String, String> environment;
    private AssociationServer server;
    private NodeSettings running;

    public NodeComponent() {
        this(System.getenv());
    }

    NodeComponent(Map<String, String> environment) {
        this.environment = environment;
    }

    @Activate
    synchronized void activate(NodeConfig config) {
        NodeSettings settings = resolve(config);
        if (settings != null) {
            start(settings);
        }
    }

    /**
     * A changed configuration restarts the node; an unchanged one (for example, when the environment
     * overrides every setting) leaves it and its associations alone, and an invalid one is reported
     * and leaves the running node as it was.
     */
    @Modified
    synchronized void modified(NodeConfig config) {
        NodeSettings settings = resolve(config);
        if (settings == null) {
            if (server != null) {
                LOG.error("netdicom {} keeps running with its previous settings", server.aeTitle());
            }
            return;
        }
        if (server != null && settings.equals(running)) {
            return;
        }
        stop();
        start(settings);
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    /** The running server, or null when the settings did not allow one to start. */
    synchronized AssociationServer server() {
        return server;
    }

    private NodeSettings resolve(NodeConfig config) {
        try {
            return NodeSettings.resolve(config, environment);
        } catch (InvalidSettingException e) {
            LOG.error("netdicom node not started: {}", e.getMessage());
            return null;
        }
    }

    private void start(NodeSettings settings) {
        ApplicationEntity ae = new ApplicationEntity(settings.aeTitle());
        StandardContexts.addVerification(ae);
        try {
            server = ae.startServer(settings.address());
        } catch (IOException e) {
            LOG.error("netdicom node not started: cannot listen on {} (setting 'port' or 'bind' of {}): {}",
                    display(settings.address()), PID, e.getMessage());
            return;
        }
        running = settings;
        LOG.info("netdicom {} listening on {}", settings.aeTitle(), display(server.localAddress()));
    }

    private void stop() {
        if (server != null) {
            server.close();
            LOG.info("netdicom {} stopped listening on {}", server.aeTitle(), display(server.localAddress()));
            server = null;
            running = null;
        }
    }

    private static String display(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
