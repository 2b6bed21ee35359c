package org.netdicom.core.transport;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servers of this JVM that are listening, for the runtime report: a server joins when it starts
 * and leaves when it is closed. Touched twice per server lifetime, never on the data path.
 */
public final class RunningServers {

    private static final Set<AcceptLoop> SERVERS = ConcurrentHashMap.newKeySet();

    private RunningServers() {
    }

    static void add(AcceptLoop server) {
        SERVERS.add(server);
    }

    static void remove(AcceptLoop server) {
        SERVERS.remove(server);
    }

    /** The listening servers, by port then AE title. */
    public static List<AcceptLoop> all() {
        return SERVERS.stream()
                .sorted((a, b) -> a.localAddress().getPort() != b.localAddress().getPort()
                        ? Integer.compare(a.localAddress().getPort(), b.localAddress().getPort())
                        : a.aeTitle().compareTo(b.aeTitle()))
                .toList();
    }
}
