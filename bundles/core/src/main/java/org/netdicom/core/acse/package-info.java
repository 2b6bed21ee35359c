/**
 * Association Control (ACSE, PS3.8 7.1 and PS3.7 Annex D): deciding on an A-ASSOCIATE-RQ as the
 * acceptor (access control, limits, application context) and negotiating its presentation contexts.
 * Pure decisions over PDUs and settings; no I/O.
 */
package org.netdicom.core.acse;
