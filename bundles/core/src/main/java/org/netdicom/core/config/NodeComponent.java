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

    public NodeComponent() {
        this(System.getenv());
    }

    NodeComponent(Map<String, String> environment) {
        this.environment = environment;
    }

    @Activate
    void activate(NodeConfig config) {
        start(config);
    }

    @Modified
    void modified(NodeConfig config) {
        stop();
        start(config);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /** The running server, or null when the settings did not allow one to start. */
    synchronized AssociationServer server() {
        return server;
    }

    private synchronized void start(NodeConfig config) {
        NodeSettings settings;
        try {
            settings = NodeSettings.resolve(config, environment);
        } catch (InvalidSettingException e) {
            LOG.error("netdicom node not started: {}", e.getMessage());
            return;
        }
        ApplicationEntity ae = new ApplicationEntity(settings.aeTitle());
        StandardContexts.addVerification(ae);
        try {
            server = ae.startServer(settings.address());
        } catch (IOException e) {
            LOG.error("netdicom node not started: cannot listen on {} (setting 'port' or 'bind' of {}): {}",
                    display(settings.address()), PID, e.getMessage());
            return;
        }
        LOG.info("netdicom {} listening on {}", settings.aeTitle(), display(server.localAddress()));
    }

    private synchronized void stop() {
        if (server != null) {
            server.close();
            LOG.info("netdicom {} stopped listening on {}", server.aeTitle(), display(server.localAddress()));
            server = null;
        }
    }

    private static String display(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
