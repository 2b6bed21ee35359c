package org.netdicom.itests.handlers.ranked;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CEchoEvent;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CEchoHandler;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.api.handler.HandlesEvent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** As {@code EchoAnswer}, ranked 10: it takes over from it while installed. */
@Component(service = DicomEventHandler.class, property = "service.ranking:Integer=10")
@HandlesEvent(event = EventType.EVT_C_ECHO)
public class RankedEchoAnswer implements CEchoHandler {

    private Status status;

    @Activate
    void activate(BundleContext context) {
        status = new Status(Integer.decode(context.getBundle().getHeaders().get("X-Echo-Status")));
    }

    @Override
    public Status onCEcho(CEchoEvent event) {
        return status;
    }
}
