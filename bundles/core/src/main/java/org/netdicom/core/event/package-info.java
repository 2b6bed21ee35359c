/**
 * The event machinery behind the API: event objects, the registry of bound handlers (per server and
 * per association, with the association's own bindings first), the dispatcher that calls them with
 * each intervention event's default and failure rules, and the default logging handlers.
 */
package org.netdicom.core.event;
