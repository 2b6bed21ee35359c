package org.netdicom.core.api.handler;

import org.netdicom.core.api.event.AsyncOpsEvent;
import org.netdicom.core.pdu.AsyncOperationsWindow;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_ASYNC_OPS: answers a proposed Asynchronous Operations Window other than (1, 1) (PS3.7
 * D.3.3.3). The returned window is sent in the A-ASSOCIATE-AC; null sends none, which means (1, 1).
 * netdicom performs the operations of one association one after the other in any case. Without a
 * handler, or when it throws, no window is sent.
 */
@ConsumerType
@FunctionalInterface
public interface AsyncOpsHandler extends DicomEventHandler {

    AsyncOperationsWindow onAsyncOps(AsyncOpsEvent event) throws Exception;
}
