package org.netdicom.core.config;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DICOM server per factory configuration {@value #FACTORY_PID} (in Karaf, a file
 * {@code etc/org.netdicom.server-<name>.cfg}): creating the configuration starts the server,
 * changing it restarts only that server, deleting it stops it. Invalid settings are reported by
 * name (see {@link ServerSettings}) and leave a running server as it was. Handlers come from the
 * whiteboard. The keys and their defaults are in docs/configuration.md.
 */
@Component(configurationPid = ServerComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public final class ServerComponent {

    /**
     * Bound before activation, so that the handlers of plugins already started are in place when
     * the server starts listening (else the first requests would meet the built-in defaults).
     */
    @Reference
    private HandlerWhiteboard whiteboard;


    static final String FACTORY_PID = "org.netdicom.server";
    private static final Logger LOG = LoggerFactory.getLogger("org.netdicom.server");

    private RunningServer running;

    @Activate
    synchronized void activate(Map<String, Object> properties) {
        running = new RunningServer(LOG, "server " + name(properties));
        ServerSettings settings = parse(properties);
        if (settings != null) {
            running.start(settings);
        } else {
            LOG.error("server {} not started", name(properties));
        }
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        running.apply(parse(properties));
    }

    @Deactivate
    synchronized void deactivate() {
        running.stop();
    }

    synchronized AssociationServer server() {
        return running == null ? null : running.server();
    }

    private static ServerSettings parse(Map<String, Object> properties) {
        String name = name(properties);
        try {
            return ServerSettings.parse(name, properties);
        } catch (InvalidSettingException e) {
            LOG.error("server {}: invalid configuration: {}", name, e.getMessage());
            return null;
        }
    }

    /** Karaf's file name ({@code felix.fileinstall.filename}), else the PID. */
    private static String name(Map<String, Object> properties) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String f = file.toString();
            return f.substring(f.lastIndexOf('/') + 1);
        }
        return String.valueOf(properties.getOrDefault("service.pid", FACTORY_PID));
    }
}
