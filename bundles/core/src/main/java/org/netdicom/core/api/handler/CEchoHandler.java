package org.netdicom.core.api.handler;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CEchoEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_C_ECHO: answers a C-ECHO-RQ. Returns the status of the C-ECHO-RSP, normally
 * {@link Status#SUCCESS}. Without a bound handler the answer is Success. A handler that throws or
 * returns null is logged, and the peer gets 0x0110 (Processing failure): unlike pynetdicom, a
 * failing handler does not answer Success.
 */
@ConsumerType
@FunctionalInterface
public interface CEchoHandler extends DicomEventHandler {

    Status onCEcho(CEchoEvent event) throws Exception;
}
