/**
 * TCP transport for the acceptor: the listening socket, its accept thread and the bounded pool of
 * connection threads, one per association.
 */
package org.netdicom.core.transport;
