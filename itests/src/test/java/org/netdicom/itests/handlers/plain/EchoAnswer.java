package org.netdicom.itests.handlers.plain;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CEchoEvent;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CEchoHandler;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.api.handler.HandlesEvent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A C-ECHO handler as a plugin writes it: a DS component typed with {@code @HandlesEvent}. Built
 * into a bundle of its own at test time (HandlerBundles); it answers the status its bundle's
 * {@code X-Echo-Status} header names, so that an updated bundle answers differently.
 */
@Component(service = DicomEventHandler.class)
@HandlesEvent(event = EventType.EVT_C_ECHO)
public class EchoAnswer implements CEchoHandler {

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
