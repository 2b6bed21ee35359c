/**
 * Service classes (PS3.4): each turns a DIMSE request on an accepted presentation context into the
 * response(s) the standard prescribes. Only Verification exists so far.
 */
package org.netdicom.core.service;
