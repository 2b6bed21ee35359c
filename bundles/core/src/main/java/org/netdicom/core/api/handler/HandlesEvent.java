package org.netdicom.core.api.handler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.netdicom.core.api.event.EventType;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The whiteboard properties of a Declarative Services handler component, typed so that neither
 * the keys nor the values can be mistyped:
 *
 * <pre>
 * &#64;Component(service = DicomEventHandler.class, property = "service.ranking:Integer=10")
 * &#64;HandlesEvent(event = EventType.EVT_C_STORE)
 * public class ArchiveStore implements CStoreHandler { ... }
 * </pre>
 *
 * The component gets the service properties {@code event} (the event names),
 * {@code ae.title} and {@code server.target} (see docs/whiteboard.md). Register the component
 * under {@link DicomEventHandler} so the whiteboard finds it. A bundle using this annotation
 * requires the {@code osgi.whiteboard} capability {@code netdicom} of the core bundle (bnd adds the
 * requirement), so it resolves, and Karaf provisions it, only with the core.
 */
@ComponentPropertyType
@Requirement(namespace = "osgi.whiteboard", name = "netdicom", version = "0.1.0")
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HandlesEvent {

    /** The events the handler handles (property {@code event}). */
    EventType[] event();

    /** Only servers with one of these AE titles (property {@code ae.title}); empty: every server. */
    String[] ae_title() default {};

    /**
     * Only servers whose properties ({@code ae.title}, {@code port}, {@code bind}) match this LDAP
     * filter (property {@code server.target}); empty: every server.
     */
    String server_target() default "";
}
