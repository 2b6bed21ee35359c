package org.netdicom.core.api.event;

import org.netdicom.core.api.PresentationContext;
import org.osgi.annotation.versioning.ProviderType;

/** EVT_C_ECHO: a C-ECHO-RQ arrived on a Verification context. */
@ProviderType
public interface CEchoEvent extends Event {

    PresentationContext context();

    int messageId();
}
