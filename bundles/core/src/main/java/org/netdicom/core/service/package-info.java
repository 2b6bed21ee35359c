/**
 * Service classes (PS3.4): each turns a DIMSE request on an accepted presentation context into its
 * intervention event and the handler's answer into the response(s) the standard prescribes.
 * {@link org.netdicom.core.service.ServiceDispatcher} routes a request by its command field and SOP
 * class ({@link org.netdicom.core.service.ServiceClassRegistry} knows which SOP class belongs to
 * which service class and which operations it defines); {@link org.netdicom.core.service.IncomingRequest}
 * is a request being served. {@link org.netdicom.core.service.NormalizedService} serves the six
 * DIMSE-N requests of every normalized SOP class, on either side of an association. Storage keeps the data set as the association received it (see
 * {@code docs/dimse.md}). Not exported.
 */
package org.netdicom.core.service;
