package org.netdicom.core.api.runtime;

import org.osgi.dto.DTO;

/** Who receives one event type on one server. */
public class EventRoutingDTO extends DTO {

    /** {@value}: a handler bound in code on the server ({@code AssociationServer.bind}) answers. */
    public static final String SOURCE_CODE = "code";
    /** {@value}: a whiteboard handler service answers ({@link #activeServiceId}). */
    public static final String SOURCE_WHITEBOARD = "whiteboard";
    /** {@value}: nothing is bound, the built-in default answers. */
    public static final String SOURCE_DEFAULT = "default";

    /** The event, e.g. {@code EVT_C_STORE}. */
    public String event;
    /** True for an intervention event (one handler answers), false for a notification event. */
    public boolean intervention;
    /**
     * For an intervention event: {@link #SOURCE_CODE}, {@link #SOURCE_WHITEBOARD} or
     * {@link #SOURCE_DEFAULT}. For a notification event: {@link #SOURCE_WHITEBOARD} if a service
     * receives it, else {@link #SOURCE_DEFAULT}.
     */
    public String source;
    /** The service id of the active whiteboard handler of an intervention event, -1 if none. */
    public long activeServiceId;
    /** The whiteboard services a notification event goes to, in delivery order. */
    public long[] notificationServiceIds;
    /** The whiteboard handlers of an intervention event that are not active here, best first. */
    public ShadowedHandlerDTO[] shadowed;
}
