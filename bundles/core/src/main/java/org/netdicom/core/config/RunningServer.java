package org.netdicom.core.config;

import java.io.IOException;
import java.net.InetSocketAddress;

import org.netdicom.core.api.AssociationServer;
import org.slf4j.Logger;

/**
 * The DICOM server a configuration component runs: started from settings, restarted when they
 * change, left alone (with its associations) when they do not, and kept as it was when new ones are
 * invalid. Not thread-safe: its component calls it under its own lock.
 */
final class RunningServer {

    private final Logger log;
    /** Which configuration this is, for the log: "netdicom node", "server store.cfg". */
    private final String label;
    private AssociationServer server;
    private ServerSettings running;

    RunningServer(Logger log, String label) {
        this.log = log;
        this.label = label;
    }

    /** Starts a server; one that cannot listen is logged, and none runs. */
    void start(ServerSettings settings) {
        try {
            server = settings.applicationEntity().startServer(settings.address());
        } catch (IOException | RuntimeException e) {
            log.error("{} not started: cannot listen on {} (setting 'port' or 'bind'): {}", label,
                    display(settings.address()), e.getMessage());
            return;
        }
        running = settings;
        log.info("netdicom {} listening on {} ({})", server.aeTitle(), display(server.localAddress()), label);
    }

    /**
     * Applies changed settings: {@code null} (they were invalid, and said so) keeps the running
     * server; settings equal to the running ones leave it alone; others restart it.
     */
    void apply(ServerSettings settings) {
        if (settings == null) {
            if (server != null) {
                log.error("{}: netdicom {} keeps running with its previous settings", label, server.aeTitle());
            }
            return;
        }
        if (server != null && settings.recognised().equals(running.recognised())) {
            return;
        }
        stop();
        start(settings);
    }

    void stop() {
        if (server != null) {
            server.close();
            log.info("netdicom {} stopped listening on {} ({})", server.aeTitle(), display(server.localAddress()),
                    label);
            server = null;
            running = null;
        }
    }

    /** The running server, or null. */
    AssociationServer server() {
        return server;
    }

    /** The settings it runs with, or null. */
    ServerSettings settings() {
        return running;
    }

    private static String display(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
