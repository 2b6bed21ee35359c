package org.netdicom.core.api.runtime;

import org.osgi.dto.DTO;

/**
 * A {@code DicomEventHandler} service the whiteboard leaves out: invalid properties (no or unknown
 * {@code event}, a handler type that does not fit, a malformed filter) or a service object that
 * cannot be obtained. Modifying it to something valid brings it in.
 */
public class FailedHandlerDTO extends DTO {

    public long serviceId;
    public long bundleId;
    public String bundleSymbolicName;
    /** The DS component's {@code component.name}, null for a service registered in code. */
    public String componentName;
    /** Its {@code event} property as given, for reading the reason against. */
    public String event;
    /** Why it is left out. */
    public String reason;
}
