package org.netdicom.core.event;

/**
 * A claim on a handler that may go away (an OSGi service): taken before an intervention handler
 * is called and released when the operation ends, so that a departing handler finishes what it
 * started and is let go only after its last operation. It is also where the handler's calls and
 * failures are counted for the runtime report (notification bindings carry one for that only:
 * they are never acquired).
 */
public interface Lease {

    /** Takes a claim; false if the handler is already retired (then ask for the current winner again). */
    boolean acquire();

    void release();

    /** The handler is being called with an event. Must be cheap: it is on the data path. */
    default void called() {
    }

    /** The handler threw {@code failure} (already logged by the caller). */
    default void failed(Throwable failure) {
    }
}
