package org.netdicom.core.api;

import java.util.List;

import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Something handlers can be bound to: a server (its binding applies to its current and future
 * associations) or one association. For an intervention event a binding here wins over the
 * server's and over OSGi whiteboard handlers for this scope.
 */
@ProviderType
public interface EventBinder {

    /**
     * Binds {@code handler} to {@code type}; an intervention event's previous handler is replaced.
     *
     * @param arguments extra arguments the handler receives with each event ({@code Event.arguments()})
     * @throws IllegalArgumentException if {@code handler} does not implement {@code type.handlerType()}
     */
    void bind(EventType type, DicomEventHandler handler, Object... arguments);

    /** Removes {@code handler} from {@code type} here; an intervention event falls back to the next one. */
    void unbind(EventType type, DicomEventHandler handler);

    /** The handlers {@code type} reaches here: for an intervention event, the one that wins, if any. */
    List<DicomEventHandler> handlers(EventType type);
}
