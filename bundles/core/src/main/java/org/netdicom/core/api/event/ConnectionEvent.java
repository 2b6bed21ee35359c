package org.netdicom.core.api.event;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ProviderType;

/** EVT_CONN_OPEN and EVT_CONN_CLOSE. */
@ProviderType
public interface ConnectionEvent extends Event {

    /** The peer's address. */
    InetSocketAddress address();
}
