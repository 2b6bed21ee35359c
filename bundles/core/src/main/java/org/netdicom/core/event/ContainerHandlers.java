package org.netdicom.core.event;

import java.util.List;
import java.util.Map;

import org.netdicom.core.api.event.EventType;

/**
 * The hook through which the container's handlers (the OSGi whiteboard) reach every server of this
 * JVM: a server's registry has {@link #forServer} as its root, which asks whatever provider is
 * installed at the time of each look-up. Without a provider (plain Java use) it holds nothing.
 */
public final class ContainerHandlers {

    /** Gives the handlers that apply to one server, chosen by its properties. */
    public interface Provider {
        HandlerSource forServer(Map<String, Object> serverProperties);
    }

    private static volatile Provider provider;

    private ContainerHandlers() {
    }

    public static void install(Provider p) {
        provider = p;
    }

    /** Removes {@code p} if it is the one installed (a departing provider never removes its successor). */
    public static void uninstall(Provider p) {
        synchronized (ContainerHandlers.class) {
            if (provider == p) {
                provider = null;
            }
        }
    }

    /**
     * The root source of a server with {@code serverProperties} (e.g. {@code ae.title},
     * {@code port}): follows provider changes, and caches the provider's view between them.
     */
    public static HandlerSource forServer(Map<String, Object> serverProperties) {
        Map<String, Object> properties = Map.copyOf(serverProperties);
        return new HandlerSource() {
            /** The provider's view for this server, and the provider it came from (one volatile read). */
            private volatile Object[] cached = {null, null};

            private HandlerSource current() {
                Provider p = provider;
                if (p == null) {
                    return null;
                }
                Object[] c = cached;
                if (c[0] != p) {
                    c = new Object[] {p, p.forServer(properties)};
                    cached = c;
                }
                return (HandlerSource) c[1];
            }

            @Override
            public boolean wants(EventType type) {
                HandlerSource s = current();
                return s != null && s.wants(type);
            }

            @Override
            public List<HandlerRegistry.Binding> notifications(EventType type) {
                HandlerSource s = current();
                return s == null ? List.of() : s.notifications(type);
            }

            @Override
            public HandlerRegistry.Binding intervention(EventType type) {
                HandlerSource s = current();
                return s == null ? null : s.intervention(type);
            }
        };
    }
}
