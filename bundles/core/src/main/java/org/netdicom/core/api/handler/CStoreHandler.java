package org.netdicom.core.api.handler;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CStoreEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_C_STORE: stores (or otherwise takes) an instance and returns the status of the C-STORE-RSP.
 * Success (0x0000) means the instance is safe: return it only after it is durably stored (see
 * {@link CStoreEvent#storePart10}). Storage statuses of PS3.4 B.2.3: 0xA7xx out of resources,
 * 0xA9xx data set does not match SOP class, 0xCxxx cannot understand, 0xB000/0xB007/0xB006
 * warnings.
 * <p>
 * Without a bound handler the answer is 0xA700 (Refused: out of resources): nothing is stored. A
 * handler that throws or returns null is logged and the peer gets 0xC211 (the failure pynetdicom
 * also answers); when the data set could not even be received (spool file not writable, disk
 * full) the handler is not called and the peer gets 0xA700 with the reason as Error Comment.
 */
@ConsumerType
@FunctionalInterface
public interface CStoreHandler extends DicomEventHandler {

    Status onCStore(CStoreEvent event) throws Exception;
}
