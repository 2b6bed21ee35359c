package org.netdicom.core.whiteboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The whiteboard properties of a {@code DicomEventHandler} service, checked: {@value #EVENT}
 * (String+, required: event names, {@code EVT_C_STORE} or the short form {@code C_STORE}),
 * {@value #AE_TITLE} (String+, optional: only servers with one of these AE titles) and
 * {@value #SERVER_TARGET} (an LDAP filter over the server's properties {@code ae.title},
 * {@code port}, {@code bind}). {@code service.ranking} counts only as an Integer (OSGi Core 5.2.5).
 */
record HandlerProperties(Set<EventType> events, Set<String> aeTitles, Filter serverTarget, int ranking) {

    static final String EVENT = "event";
    static final String AE_TITLE = "ae.title";
    static final String SERVER_TARGET = "server.target";

    /** A handler whose properties cannot be used, with the reason reported by the runtime. */
    static final class InvalidException extends Exception {
        InvalidException(String message) {
            super(message);
        }
    }

    static HandlerProperties of(ServiceReference<?> reference, DicomEventHandler handler) throws InvalidException {
        List<String> names = strings(reference.getProperty(EVENT));
        if (names.isEmpty()) {
            throw new InvalidException("no '" + EVENT + "' property: say which events it handles, e.g. event=EVT_C_STORE");
        }
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (String name : names) {
            EventType type;
            try {
                type = EventType.parse(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidException(e.getMessage());
            }
            if (handler != null && type.handlerType() != null && !type.handlerType().isInstance(handler)) {
                throw new InvalidException("a handler of " + type + " must implement "
                        + type.handlerType().getSimpleName() + "; " + handler.getClass().getName() + " does not");
            }
            if (type.handlerType() == null) {
                throw new InvalidException(type + " cannot be handled yet: its service class is not implemented");
            }
            events.add(type);
        }
        Set<String> aeTitles = new LinkedHashSet<>();
        for (String title : strings(reference.getProperty(AE_TITLE))) {
            if (!title.isBlank()) {
                aeTitles.add(title.strip());
            }
        }
        Filter target = null;
        Object filter = reference.getProperty(SERVER_TARGET);
        if (filter instanceof String f && !f.isBlank()) {
            try {
                target = FrameworkUtil.createFilter(f);
            } catch (InvalidSyntaxException e) {
                throw new InvalidException("'" + SERVER_TARGET + "' is not an LDAP filter: " + e.getMessage());
            }
        } else if (filter != null && !(filter instanceof String)) {
            throw new InvalidException("'" + SERVER_TARGET + "' must be a String, not " + filter.getClass().getSimpleName());
        }
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        return new HandlerProperties(Set.copyOf(events), Set.copyOf(aeTitles), target,
                ranking instanceof Integer i ? i : 0);
    }

    /** True if this handler applies to the server with {@code properties}. */
    boolean appliesTo(Map<String, Object> properties) {
        if (!aeTitles.isEmpty() && !aeTitles.contains(String.valueOf(properties.get("ae.title")))) {
            return false;
        }
        return serverTarget == null || serverTarget.matches(properties);
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else if (value instanceof String[] array) {
            for (String s : array) {
                out.addAll(strings(s));
            }
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                out.addAll(strings(o));
            }
        } else if (value != null) {
            out.addAll(strings(value.toString()));
        }
        return out;
    }
}
