package org.netdicom.core.event;

/**
 * A claim on a handler that may go away (an OSGi service): taken before an intervention handler
 * is called and released when the operation ends, so that a departing handler finishes what it
 * started and is let go only after its last operation.
 */
public interface Lease {

    /** Takes a claim; false if the handler is already retired (then ask for the current winner again). */
    boolean acquire();

    void release();
}
