package org.netdicom.core.api.handler;

import org.netdicom.core.api.event.NEventReportEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * EVT_N_EVENT_REPORT: takes note of the event {@link NEventReportEvent#eventTypeId()} with its event
 * information (e.g. a Storage Commitment result: event type 1, all committed, or 2, some failed,
 * PS3.4 J.3.3) and returns the status of the N-EVENT-REPORT-RSP, optionally with an Event Reply.
 * Typical failures: 0x0113 (No such event type), 0x0114 (No such argument). Bind it on the side
 * that receives the reports: the SCU of the SOP class.
 * <p>
 * Without a bound handler the answer is 0x0211 (Unrecognized operation, PS3.7 C.5: the
 * operation is not one this SCP performs), with an Error Comment that says no handler is bound.
 * A handler that throws, returns null or an invalid {@link NResult} (Pending or Cancel status) is
 * logged and the peer gets 0x0110 (Processing failure, PS3.7 C.5); the association goes on.
 * See {@link NResult} for what the response carries.
 */
@ConsumerType
@FunctionalInterface
public interface NEventReportHandler extends DicomEventHandler {

    NResult onNEventReport(NEventReportEvent event) throws Exception;
}
