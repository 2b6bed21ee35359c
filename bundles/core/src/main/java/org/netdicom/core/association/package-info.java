/**
 * One association from the acceptor's side: the DUL service user that ties the Upper Layer, the
 * ACSE decision, DIMSE reassembly and the service classes together for a transport connection.
 */
package org.netdicom.core.association;
